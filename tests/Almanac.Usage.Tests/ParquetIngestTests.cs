using Almanac.Diagnostics;
using Almanac.Usage;
using Almanac.Usage.Analyses;
using Almanac.Usage.Generation;
using Almanac.Usage.Readers;
using DuckDB.NET.Data;

namespace Almanac.Tests.Usage;

/// <summary>Parquet files read by the mapped reader: a store's own export read back, and a warehouse-style file with typed columns.</summary>
public class ParquetIngestTests
{
    private static readonly DayWindow All = new(null, null);

    private static IngestSummary Ingest(TempStore store, string path, bool strict = false, string? map = null)
    {
        using var engine = store.Open();
        return UsageIngest.Run(path, null, ColumnMap.Parse(map), strict, UsageFixture.Normaliser(), engine);
    }

    private static void Run(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void A_stores_parquet_export_ingests_into_another_store_with_the_same_analyses()
    {
        using var first = new TempStore();
        var log = Path.Combine(first.Folder, "generated.csv");
        using (var writer = new StreamWriter(log))
        {
            UsageGenerator.Write(5_000, UsageFormat.Csv, seed: 13, writer);
        }

        Ingest(first, log).Stored.Added.ShouldBe(5_000);
        var parquet = Path.Combine(first.Folder, "events.parquet");
        using (var engine = first.Open())
        {
            engine.ExportParquet(parquet);
        }

        // The export names its columns as the events table does, so it needs no map.
        using var second = new TempStore();
        UsageReaders.Detect(parquet).ShouldBe(UsageFormat.Csv);
        var summary = Ingest(second, parquet, strict: true);
        summary.Stored.ShouldBe(new IngestCounts(5_000, 0));
        Ingest(second, parquet).Stored.ShouldBe(new IngestCounts(0, 5_000));

        using var original = first.Open();
        using var copy = second.Open();
        copy.Summary().ShouldBe(original.Summary());
        foreach (var basis in new[] { ShareBasis.Tokens, ShareBasis.Requests, ShareBasis.SpendLogged, ShareBasis.SpendListed })
        {
            // Sums of spend may differ in their last bits: the two stores add the same values in another order.
            var query = new ShareQuery(ShareDimension.Model, basis, UsagePeriod.Day, All);
            var expected = original.Share(query);
            var actual = copy.Share(query);
            actual.Select(r => (r.Period, r.Key)).ShouldBe(expected.Select(r => (r.Period, r.Key)));
            for (var i = 0; i < expected.Count; i++)
            {
                actual[i].Value.ShouldBe(expected[i].Value, Math.Abs(expected[i].Value) * 1e-12);
                actual[i].Share.ShouldBe(expected[i].Share, 1e-12);
            }
        }

        copy.Latency(new LatencyQuery(All)).ShouldBe(original.Latency(new LatencyQuery(All)));
    }

    [Fact]
    public void A_typed_parquet_file_reads_its_timestamps_structs_and_nulls_and_a_bad_row_is_named_by_its_number()
    {
        using var store = new TempStore();
        var parquet = Path.Combine(store.Folder, "calls.parquet");
        // Three row groups of two rows: the reader must go through every group. Row 3 has no model.
        Run($$"""
            COPY (SELECT * FROM (VALUES
                ('r1', TIMESTAMP '2026-03-01 10:00:00', 'gpt-4o-mini', {'prompt': 100, 'completion': 10}, 0.002::DOUBLE, 'search'),
                ('r2', TIMESTAMP '2026-03-01 11:30:00', 'gpt-4o-mini', {'prompt': 200, 'completion': 20}, NULL, 'search'),
                ('r3', TIMESTAMP '2026-03-02 09:00:00', NULL, {'prompt': 300, 'completion': 30}, 0.01::DOUBLE, 'chat'),
                ('r4', TIMESTAMP '2026-03-02 09:05:00', 'claude-3-7-sonnet', {'prompt': 400, 'completion': 40}, 0.02::DOUBLE, NULL),
                ('r5', TIMESTAMP '2026-03-31 23:59:59', 'claude-3-7-sonnet', {'prompt': 500, 'completion': 50}, 0.03::DOUBLE, 'chat')
            ) AS t(request_id, ts, model_name, usage, cost, service))
            TO '{{parquet}}' (FORMAT parquet, ROW_GROUP_SIZE 2)
            """);
        const string Map = "id=request_id,time=ts,model=model_name,input_tokens=usage.prompt,output_tokens=usage.completion,cost=cost,app=service";

        Should.Throw<DiagnosticException>(() => Ingest(store, parquet, strict: true, map: Map))
            .Diagnostic.ToString().ShouldBe("calls.parquet: row 3, column model_name: no model");
        var summary = Ingest(store, parquet, map: Map);
        summary.Stored.Added.ShouldBe(4);
        summary.SkippedLines.ShouldBe(1);

        using var engine = store.Open();
        engine.Summary().ShouldBe(new UsageSummary(4, 4, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));
        var tokens = engine.Share(new ShareQuery(ShareDimension.Developer, ShareBasis.Tokens, UsagePeriod.Month, All));
        tokens.Select(r => (r.Key, r.Value)).ShouldBe([("anthropic", 990d), ("openai", 330d)], ignoreOrder: true);
        var logged = engine.Share(new ShareQuery(ShareDimension.Model, ShareBasis.SpendLogged, UsagePeriod.Month, All));
        logged.Sum(r => r.Value).ShouldBe(0.052, 1e-12);
    }

    [Fact]
    public void A_file_that_starts_as_parquet_but_is_cut_short_is_refused_with_its_name()
    {
        using var store = new TempStore();
        var whole = Path.Combine(store.Folder, "whole.parquet");
        Run($"COPY (SELECT 'r' || i AS id, TIMESTAMP '2026-03-01' + INTERVAL (i) MINUTE AS time, 'gpt-4o' AS model FROM range(100) t(i)) TO '{whole}' (FORMAT parquet)");
        var bytes = File.ReadAllBytes(whole);
        var cut = Path.Combine(store.Folder, "cut.parquet");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var error = Should.Throw<DiagnosticException>(() => Ingest(store, cut)).Diagnostic;
        error.Source.ShouldBe("cut.parquet");
        error.Message.ShouldStartWith("not a readable Parquet file");
        using var engine = store.Open();
        engine.Summary().Events.ShouldBe(0);
    }
}
