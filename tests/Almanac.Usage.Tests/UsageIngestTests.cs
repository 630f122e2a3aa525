using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Almanac.Diagnostics;
using Almanac.Usage;
using Almanac.Usage.Analyses;
using Almanac.Usage.Generation;
using Almanac.Usage.Readers;

namespace Almanac.Tests.Usage;

public class UsageIngestTests
{
    private static readonly DayWindow All = new(null, null);

    private static IngestSummary Ingest(TempStore store, string path, UsageFormat? format = null, bool strict = false, string? map = null)
    {
        using var engine = store.Open();
        return UsageIngest.Run(path, format, ColumnMap.Parse(map), strict, UsageFixture.Normaliser(), engine);
    }

    /// <summary>The LLM spans of an OTLP sample as its raw JSON states them: span id, model, input and output tokens.</summary>
    private static List<(string SpanId, string Model, long Input, long Output, long CacheRead)> SpansOf(string file)
    {
        var spans = new List<(string, string, long, long, long)>();
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        foreach (var span in root["resourceSpans"]!.AsArray().SelectMany(r => r!["scopeSpans"]!.AsArray()).SelectMany(s => s!["spans"]!.AsArray()))
        {
            var attributes = span!["attributes"]!.AsArray().ToDictionary(a => (string)a!["key"]!, a => a!["value"]!);
            string? Text(string key) => attributes.TryGetValue(key, out var v) ? (string?)v["stringValue"] : null;
            long Whole(string key) => attributes.TryGetValue(key, out var v) ? long.Parse((string)v["intValue"]!, CultureInfo.InvariantCulture) : 0;
            var model = Text("gen_ai.response.model") ?? Text("gen_ai.request.model");
            if (model is not null)
            {
                spans.Add(((string)span["spanId"]!, model, Whole("gen_ai.usage.input_tokens"), Whole("gen_ai.usage.output_tokens"), Whole("gen_ai.usage.cache_read.input_tokens")));
            }
        }

        return spans;
    }

    [Theory]
    [InlineData("otel/litellm_otel.in.json")]
    [InlineData("otel/openllmetry_traceloop.in.json")]
    [InlineData("otel/raw_opentelemetry-instrumentation-openai-v2.in.json")]
    public void Each_OTel_sample_ingests_with_the_values_the_file_states(string sample)
    {
        var file = UsageFixture.Sample(sample);
        var expected = SpansOf(file);
        expected.ShouldNotBeEmpty();

        var log = new ReadLog(strict: true);
        using (var stream = File.OpenRead(file))
        {
            var events = new OtelReader().Read(stream, sample, log).ToList();
            events.Select(e => (e.EventId, e.ModelRaw, e.InputTokens, e.OutputTokens, e.CacheReadTokens)).ShouldBe(expected);
            events.ShouldAllBe(e => e.Provider == "openai" && e.App == "capture" && e.Requests == 1 && e.DurationMs > 0);
        }

        using var store = new TempStore();
        var summary = Ingest(store, file);
        summary.Stored.Added.ShouldBe(expected.Count);
        summary.SkippedLines.ShouldBe(0);
        using var engine = store.Open();
        var shares = engine.Share(new ShareQuery(ShareDimension.Model, ShareBasis.Tokens, UsagePeriod.Month, All));
        shares.ShouldHaveSingleItem().Key.ShouldBe("gpt-4o-mini");
        shares[0].Value.ShouldBe(expected.Sum(s => s.Input + s.Output));
        engine.Share(new ShareQuery(ShareDimension.Developer, ShareBasis.Requests, UsagePeriod.Day, All)).ShouldHaveSingleItem().Key.ShouldBe("openai");
    }

    [Fact]
    public void The_LiteLLM_span_keeps_its_logged_cost_beside_the_listed_one()
    {
        var file = UsageFixture.Sample("otel/litellm_otel.in.json");
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        var logged = root["resourceSpans"]![0]!["scopeSpans"]![0]!["spans"]![0]!["attributes"]!.AsArray()
            .Single(a => (string)a!["key"]! == "gen_ai.cost.total_cost")!["value"]!["doubleValue"]!.GetValue<double>();
        var span = SpansOf(file).Single();

        using var store = new TempStore();
        Ingest(store, file);
        using var engine = store.Open();
        var cost = engine.Cost(new CostQuery(CostDimension.Model, All, 10)).ShouldHaveSingleItem();
        cost.Logged.ShouldBe(logged);

        // The span is of 2026-09-07, after the second price period began.
        var after = UsageFixture.After;
        var uncached = span.Input - span.CacheRead;
        cost.Listed.ShouldBe((double)(((uncached * after.Input) + (span.CacheRead * after.CacheRead) + (span.Output * after.Output)) / 1_000_000m), 1e-12);
    }

    [Fact]
    public void The_OpenAI_usage_and_cost_pages_ingest_with_their_stated_values()
    {
        var usageFile = UsageFixture.Sample("openai/organization_usage_completions.json");
        var costsFile = UsageFixture.Sample("openai/organization_costs.json");
        var result = JsonNode.Parse(File.ReadAllText(usageFile))!["response"]!["data"]![0]!["results"]![0]!;
        var amount = JsonNode.Parse(File.ReadAllText(costsFile))!["response"]!["data"]![0]!["results"]![0]!["amount"]!["value"]!.GetValue<double>();

        using var store = new TempStore();
        Ingest(store, usageFile).Stored.Added.ShouldBe(1);
        Ingest(store, costsFile).Stored.Added.ShouldBe(1);
        using var engine = store.Open();
        var tokens = engine.Share(new ShareQuery(ShareDimension.Provider, ShareBasis.Tokens, UsagePeriod.Day, All)).ShouldHaveSingleItem();
        tokens.Value.ShouldBe((double)((long)result["input_tokens"]! + (long)result["output_tokens"]!));
        tokens.Period.ShouldBe(DateTimeOffset.FromUnixTimeSeconds((long)JsonNode.Parse(File.ReadAllText(usageFile))!["response"]!["data"]![0]!["start_time"]!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        engine.Share(new ShareQuery(ShareDimension.Provider, ShareBasis.Requests, UsagePeriod.Day, All)).ShouldHaveSingleItem().Value.ShouldBe((double)(long)result["num_model_requests"]!);
        engine.Share(new ShareQuery(ShareDimension.Provider, ShareBasis.SpendLogged, UsagePeriod.Day, All)).ShouldHaveSingleItem().Value.ShouldBe(amount);
        var latency = engine.Latency(new LatencyQuery(All)).ShouldHaveSingleItem();
        latency.CacheShare.ShouldBe((double)(long)result["input_cached_tokens"]! / (long)result["input_tokens"]!);
    }

    [Fact]
    public void A_folder_of_samples_ingests_once_and_again_adds_nothing()
    {
        using var store = new TempStore();
        var first = Ingest(store, UsageFixture.SamplesFolder);
        first.Stored.Added.ShouldBeGreaterThan(0);
        first.SkippedLines.ShouldBe(0);
        var again = Ingest(store, UsageFixture.SamplesFolder);
        again.Stored.Added.ShouldBe(0);
        again.Stored.AlreadyStored.ShouldBe(first.Stored.Added);
    }

    [Fact]
    public void Generated_logs_give_back_their_known_shares_exactly()
    {
        using var store = new TempStore();
        var log = Path.Combine(store.Folder, "generated.csv");
        GenerationTruth truth;
        using (var writer = new StreamWriter(log))
        {
            truth = UsageGenerator.Write(200_000, UsageFormat.Csv, seed: 7, writer);
        }

        var summary = Ingest(store, log);
        summary.Stored.Added.ShouldBe(200_000);
        summary.Unresolved.ShouldBeEmpty();
        using var engine = store.Open();
        foreach (var (dimension, by) in new[] { ("developer", ShareDimension.Developer), ("provider", ShareDimension.Provider), ("model", ShareDimension.Model) })
        {
            foreach (var (basis, pick) in new[] { (ShareBasis.Tokens, (Func<TruthCount, long>)(c => c.Tokens)), (ShareBasis.Requests, c => c.Requests) })
            {
                var expected = truth.Counts.Where(c => c.Dimension == dimension)
                    .Select(c => (c.Month, c.Key, Value: (double)pick(c), Share: (double)pick(c) / truth.Counts.Where(o => o.Dimension == dimension && o.Month == c.Month).Sum(pick)))
                    .OrderBy(c => c.Month, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
                var actual = engine.Share(new ShareQuery(by, basis, UsagePeriod.Month, All))
                    .Select(r => (r.Period, r.Key, r.Value, r.Share)).OrderBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
                actual.Count.ShouldBe(expected.Count);
                for (var i = 0; i < expected.Count; i++)
                {
                    actual[i].Period.ShouldBe(expected[i].Month);
                    actual[i].Key.ShouldBe(expected[i].Key);
                    actual[i].Value.ShouldBe(expected[i].Value);
                    actual[i].Share.ShouldBe(expected[i].Share, 1e-12);
                }
            }
        }
    }

    [Theory]
    [InlineData(UsageFormat.Otel)]
    [InlineData(UsageFormat.LiteLlm)]
    public void Generated_OTel_and_LiteLLM_logs_read_back_what_was_written(UsageFormat format)
    {
        using var store = new TempStore();
        var log = Path.Combine(store.Folder, "generated.log");
        GenerationTruth truth;
        using (var writer = new StreamWriter(log))
        {
            truth = UsageGenerator.Write(3_000, format, seed: 11, writer);
        }

        UsageReaders.Detect(log).ShouldBe(format);
        var summary = Ingest(store, log);
        summary.Stored.Added.ShouldBe(3_000);
        summary.SkippedLines.ShouldBe(0);
        using var engine = store.Open();
        var developers = engine.Share(new ShareQuery(ShareDimension.Developer, ShareBasis.Tokens, UsagePeriod.Month, All));
        developers.Sum(r => r.Value).ShouldBe(truth.Counts.Where(c => c.Dimension == "developer").Sum(c => c.Tokens));
        engine.Latency(new LatencyQuery(All)).Sum(r => r.Requests).ShouldBe(3_000);
    }

    [Fact]
    public void A_malformed_line_is_skipped_with_its_place_and_strict_reading_writes_nothing()
    {
        using var store = new TempStore();
        var log = Path.Combine(store.Folder, "calls.csv");
        File.WriteAllLines(log,
        [
            "ts,model_name,input_tokens,output_tokens",
            "2026-03-01T10:00:00Z,gpt-4o-mini,100,10",
            "2026-03-01T10:01:00Z,gpt-4o-mini,lots,10",
            "not a time,gpt-4o-mini,100,10",
            "1772359320,mystery-model-x,50,5",
        ]);

        Should.Throw<DiagnosticException>(() => Ingest(store, log, strict: true, map: "time=ts,model=model_name"))
            .Diagnostic.ToString().ShouldBe("calls.csv:3: column input_tokens: not a whole number: 'lots'");
        using (var engine = store.Open())
        {
            engine.Summary().Events.ShouldBe(0);
        }

        var summary = Ingest(store, log, map: "time=ts,model=model_name");
        summary.Stored.Added.ShouldBe(2);
        summary.SkippedLines.ShouldBe(2);
        summary.FirstSkipped.Select(e => e.Location.ToString()).ShouldBe(["line 3, column input_tokens", "line 4, column ts"]);
        summary.Unresolved.ShouldHaveSingleItem().ShouldBe(new UnresolvedModel("mystery-model-x", 1, 1));
        using var reopened = store.Open();
        reopened.Unresolved().ShouldHaveSingleItem().ModelRaw.ShouldBe("mystery-model-x");
    }

    [Fact]
    public void Re_costing_uses_the_price_in_force_on_the_day()
    {
        using var store = new TempStore();
        var log = Path.Combine(store.Folder, "calls.jsonl");
        File.WriteAllLines(log,
        [
            """{"id":"a","time":"2026-03-01T00:00:00Z","model":"openai/gpt-4o-mini-2024-07-18","usage":{"in":1000000,"out":1000000}}""",
            """{"id":"b","time":"2026-09-02T00:00:00Z","model":"gpt-4o-mini","usage":{"in":1000000,"out":1000000}}""",
        ]);

        Ingest(store, log, map: "input_tokens=usage.in,output_tokens=usage.out").Stored.Added.ShouldBe(2);
        using var engine = store.Open();
        var days = engine.Share(new ShareQuery(ShareDimension.Model, ShareBasis.SpendListed, UsagePeriod.Day, All));
        days.Select(d => (d.Period, d.Key)).ShouldBe([("2026-03-01", "gpt-4o-mini"), ("2026-09-02", "gpt-4o-mini")]);
        days[0].Value.ShouldBe((double)(UsageFixture.Before.Input + UsageFixture.Before.Output), 1e-9);
        days[1].Value.ShouldBe((double)(UsageFixture.After.Input + UsageFixture.After.Output), 1e-9);
    }

    [Fact]
    public void A_new_days_file_adds_only_its_events_and_export_writes_them_all()
    {
        using var store = new TempStore();
        var monday = Path.Combine(store.Folder, "monday.csv");
        var tuesday = Path.Combine(store.Folder, "tuesday.csv");
        File.WriteAllLines(monday, ["id,time,model,input_tokens", "r1,2026-03-02T09:00:00Z,gpt-4o,10", "r2,2026-03-02T10:00:00Z,gpt-4o,20"]);
        File.WriteAllLines(tuesday, ["id,time,model,input_tokens", "r2,2026-03-02T10:00:00Z,gpt-4o,20", "r3,2026-03-03T09:00:00Z,gpt-4o,30"]);
        Ingest(store, monday).Stored.ShouldBe(new IngestCounts(2, 0));
        Ingest(store, tuesday).Stored.ShouldBe(new IngestCounts(1, 1));

        using var engine = store.Open();
        var parquet = Path.Combine(store.Folder, "events.parquet");
        engine.ExportParquet(parquet);
        new FileInfo(parquet).Length.ShouldBeGreaterThan(0);
        using var check = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        check.Open();
        using var command = check.CreateCommand();
        command.CommandText = $"SELECT count(*), sum(input_tokens)::BIGINT FROM read_parquet('{parquet}')";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(3);
        reader.GetInt64(1).ShouldBe(60);
    }
}
