using Almanac.Tests.Usage.ClickHouse;
using Almanac.Usage;
using Almanac.Usage.Analyses;
using Almanac.Usage.ClickHouse;
using Almanac.Usage.DuckDb;
using Almanac.Usage.Generation;
using Almanac.Usage.Readers;
using DuckDB.NET.Data;

namespace Almanac.Tests.Usage;

/// <summary>
/// The same events in a DuckDB file and in a fresh database of the two-shard ClickHouse cluster: a
/// generated log of 50,000 calls and the real samples (the three OTel captures, the OpenAI usage
/// and cost pages) through the one ingest pipeline, and 20,000 events with missing latencies and
/// costs, empty teams, tags and unresolved models straight into each engine.
/// </summary>
public sealed class BothEngines : IDisposable
{
    public const int GeneratedCalls = 50_000;

    private readonly TempStore _file = new();

    public BothEngines()
    {
        if (ClickHouseTestCluster.Url is null)
            return;
        var log = Path.Combine(_file.Folder, "generated.csv");
        using (var writer = new StreamWriter(log))
            UsageGenerator.Write(GeneratedCalls, UsageFormat.Csv, seed: 29, writer);
        var direct = UsageEventGenerator.Generate(20_000, seed: 31);

        DuckDb = _file.Open();
        ClickHouse = ClickHouseUsageEngine.Open(ClickHouseTestCluster.FreshDatabaseUrl());
        foreach (IUsageEngine engine in new IUsageEngine[] { DuckDb, ClickHouse })
        {
            foreach (var input in new[] { log, UsageFixture.SamplesFolder })
                Ingested.Add(UsageIngest.Run(input, null, ColumnMap.Parse(null), strict: false, UsageFixture.Normaliser(), engine).Stored);
            Ingested.Add(engine.Ingest(direct));
        }
    }

    public DuckDbUsageStore DuckDb { get; } = null!;

    public ClickHouseUsageEngine ClickHouse { get; } = null!;

    /// <summary>What each ingest stored: the DuckDB ones, then the same inputs' on ClickHouse.</summary>
    public List<IngestCounts> Ingested { get; } = [];

    public void Dispose()
    {
        DuckDb?.Dispose();
        if (ClickHouse is not null)
        {
            ClickHouseTestCluster.DropAsync(ClickHouse.Events).GetAwaiter().GetResult();
            ClickHouse.Dispose();
        }

        _file.Dispose();
    }
}

/// <summary>
/// Every analysis gives the same rows on both engines. Counts, token and request sums, error rates
/// and cache shares are compared exactly: they are whole numbers, or one division of the same whole
/// numbers. Costs and spend are compared to 1e-9 relative: they are sums of inexact doubles (list
/// price × tokens), and the engines add them in different orders (per shard, per thread).
/// Percentiles are the same arithmetic on both (docs/usage.md) but are compared to 1e-9 relative
/// too: ClickHouse 18.16 reads about one double in two hundred written as text one unit in the last
/// place off, so a stored latency can differ from the file's in its last bit.
/// </summary>
public sealed class EngineAgreementTests(BothEngines engines) : IClassFixture<BothEngines>
{
    private const double Relative = 1e-9;

    private static readonly DayWindow[] Windows =
    [
        new(null, null),
        new(new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 10)),
        new(null, new DateOnly(2026, 1, 31)),
    ];

    public static TheoryData<ShareDimension, ShareBasis, UsagePeriod> ShareCombinations()
    {
        var data = new TheoryData<ShareDimension, ShareBasis, UsagePeriod>();
        foreach (var by in Enum.GetValues<ShareDimension>())
            foreach (var basis in Enum.GetValues<ShareBasis>())
                foreach (var period in Enum.GetValues<UsagePeriod>())
                    data.Add(by, basis, period);
        return data;
    }

    [ClickHouseFact]
    public void Both_stores_took_the_same_events()
    {
        var half = engines.Ingested.Count / 2;
        engines.Ingested.Take(half).ShouldBe(engines.Ingested.Skip(half));
        engines.Ingested[0].Added.ShouldBe(BothEngines.GeneratedCalls);
        engines.ClickHouse.Summary().ShouldBe(engines.DuckDb.Summary());
        engines.ClickHouse.Unresolved().ShouldBe(engines.DuckDb.Unresolved());
        engines.DuckDb.Unresolved().ShouldNotBeEmpty();
    }

    [ClickHouseTheory]
    [MemberData(nameof(ShareCombinations))]
    public void Share_agrees(ShareDimension by, ShareBasis basis, UsagePeriod period)
    {
        var exact = basis is ShareBasis.Tokens or ShareBasis.Requests;
        foreach (var window in Windows)
        {
            var query = new ShareQuery(by, basis, period, window);
            var expected = engines.DuckDb.Share(query);
            var actual = engines.ClickHouse.Share(query);
            expected.ShouldNotBeEmpty();
            actual.Select(r => (r.Period, r.Key)).ShouldBe(expected.Select(r => (r.Period, r.Key)), $"{query}");
            foreach (var (a, e) in actual.Zip(expected))
            {
                Same(a.Value, e.Value, exact, $"{query} {e.Period} {e.Key} value");
                Same(a.Share, e.Share, exact, $"{query} {e.Period} {e.Key} share");
            }
        }
    }

    [ClickHouseFact]
    public void Latency_agrees()
    {
        foreach (var window in Windows)
        {
            var expected = engines.DuckDb.Latency(new LatencyQuery(window));
            expected.ShouldNotBeEmpty();
            expected.ShouldContain(r => r.TtftP99 != null);
            var actual = engines.ClickHouse.Latency(new LatencyQuery(window));
            actual.Select(r => (r.Model, r.Provider, r.Requests, r.ErrorRate, r.CacheShare))
                .ShouldBe(expected.Select(r => (r.Model, r.Provider, r.Requests, r.ErrorRate, r.CacheShare)), $"{window}");
            foreach (var (a, e) in actual.Zip(expected))
            {
                var what = $"{window} {e.Model} {e.Provider}";
                Same(a.DurationP50, e.DurationP50, what);
                Same(a.DurationP95, e.DurationP95, what);
                Same(a.DurationP99, e.DurationP99, what);
                Same(a.TtftP50, e.TtftP50, what);
                Same(a.TtftP95, e.TtftP95, what);
                Same(a.TtftP99, e.TtftP99, what);
            }
        }
    }

    [ClickHouseTheory]
    [InlineData(CostDimension.Team, 100)]
    [InlineData(CostDimension.User, 1_000)]
    [InlineData(CostDimension.Tag, 100)]
    [InlineData(CostDimension.Model, 100)]
    [InlineData(CostDimension.App, 100)]
    [InlineData(CostDimension.Model, 3)]
    public void Cost_agrees(CostDimension by, int limit)
    {
        foreach (var window in Windows)
        {
            var query = new CostQuery(by, window, limit);
            var expected = engines.DuckDb.Cost(query);
            var actual = engines.ClickHouse.Cost(query);
            expected.ShouldNotBeEmpty();
            actual.Select(r => (r.Key, r.Requests, r.EventsLogged, r.EventsListed))
                .ShouldBe(expected.Select(r => (r.Key, r.Requests, r.EventsLogged, r.EventsListed)), $"{query}");
            foreach (var (a, e) in actual.Zip(expected))
            {
                Same(a.Logged, e.Logged, exact: false, $"{query} {e.Key} logged");
                Same(a.Listed, e.Listed, exact: false, $"{query} {e.Key} listed");
                Same(a.Difference, e.Difference, exact: false, $"{query} {e.Key} difference");
            }
        }
    }

    /// <summary>
    /// Releases over the logs' three months (January to March 2026): the generated log's planted one,
    /// models of both logs released before, during and after their first call (preview use), one whose
    /// day 7 is before the first logged day and day 90 after the last, one of a developer with no
    /// traffic, one never called, and one named twice (the first counts).
    /// </summary>
    private static readonly ModelRelease[] Releases =
    [
        new("claude-3-7-sonnet", "anthropic", new DateOnly(2026, 1, 20)),
        new("gpt-4o", "openai", new DateOnly(2025, 12, 20)),
        new("gpt-4o-mini", "openai", new DateOnly(2026, 2, 14)),
        new("claude-sonnet-4", "anthropic", new DateOnly(2026, 1, 3)),
        new("gemini-2-5-pro", "google", new DateOnly(2026, 3, 1)),
        new("llama-3-1-70b", "meta", new DateOnly(2026, 1, 1)),
        new("mistral-large-3", "mistral", new DateOnly(2026, 2, 1)),
        new("gemini-9-ultra", "google", new DateOnly(2026, 1, 25)),
        new("gpt-4o", "openai", new DateOnly(2026, 2, 2)),
    ];

    private static readonly DayWindow[] ReleaseWindows =
    [
        new(null, null),
        new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)),
        new(new DateOnly(2027, 1, 1), null),
    ];

    [ClickHouseTheory]
    [InlineData(ShareBasis.Tokens)]
    [InlineData(ShareBasis.Requests)]
    [InlineData(ShareBasis.Spend)]
    [InlineData(ShareBasis.SpendLogged)]
    [InlineData(ShareBasis.SpendListed)]
    public void Adoption_agrees(ShareBasis basis)
    {
        var exact = basis is ShareBasis.Tokens or ShareBasis.Requests;
        foreach (var window in ReleaseWindows)
        {
            var query = new AdoptionQuery(Releases, basis, window);
            var expected = engines.DuckDb.Adoption(query);
            var actual = engines.ClickHouse.Adoption(query);
            actual.Select(r => (r.ModelId, r.DeveloperId, r.Released, r.FirstUsed, r.DaysToFirstUse))
                .ShouldBe(expected.Select(r => (r.ModelId, r.DeveloperId, r.Released, r.FirstUsed, r.DaysToFirstUse)), $"{basis} {window}");
            foreach (var (a, e) in actual.Zip(expected))
            {
                var what = $"{basis} {window} {e.ModelId}";
                Same(a.ShareDay7, e.ShareDay7, exact, what + " day 7");
                Same(a.ShareDay30, e.ShareDay30, exact, what + " day 30");
                Same(a.ShareDay90, e.ShareDay90, exact, what + " day 90");
            }
        }

        // The releases reach every case the SQL tells apart: shares and no shares, first use and none, preview use.
        var all = engines.DuckDb.Adoption(new AdoptionQuery(Releases, basis, new DayWindow(null, null)));
        all.Count.ShouldBe(Releases.DistinctBy(r => r.ModelId).Count());
        all.ShouldContain(r => r.ShareDay7 > 0 && r.ShareDay30 > 0);
        all.ShouldContain(r => r.ShareDay7 == null && r.ShareDay30 != null);
        all.ShouldContain(r => r.ShareDay90 == null && r.FirstUsed != null);
        all.ShouldContain(r => r.FirstUsed == null);
        all.ShouldContain(r => r.DaysToFirstUse < 0);
        all.ShouldContain(r => r.DaysToFirstUse > 0);
    }

    public static TheoryData<SwitchingSubject, UsagePeriod> SwitchingCombinations()
    {
        var data = new TheoryData<SwitchingSubject, UsagePeriod>();
        foreach (var by in Enum.GetValues<SwitchingSubject>())
            foreach (var period in Enum.GetValues<UsagePeriod>())
                data.Add(by, period);
        return data;
    }

    [ClickHouseTheory]
    [MemberData(nameof(SwitchingCombinations))]
    public void Switching_agrees(SwitchingSubject by, UsagePeriod period)
    {
        foreach (var window in Windows)
        {
            var query = new SwitchingQuery(by, period, window);
            var expected = engines.DuckDb.Switching(query);
            // January alone holds one month: nothing to switch between, and both engines must say so.
            if (window == Windows[0])
                expected.Matrix.ShouldNotBeEmpty($"{query}");
            var actual = engines.ClickHouse.Switching(query);
            // Counts, and shares as one division of the same counts: all exact.
            actual.Matrix.ShouldBe(expected.Matrix, $"{query}");
            actual.Steps.ShouldBe(expected.Steps, $"{query}");
        }
    }

    [ClickHouseFact]
    public void The_parquet_export_of_the_cluster_holds_what_the_file_exports()
    {
        var folder = Directory.CreateTempSubdirectory("almanac-usage-export-").FullName;
        try
        {
            var fromFile = Path.Combine(folder, "file.parquet");
            var fromCluster = Path.Combine(folder, "cluster.parquet");
            engines.DuckDb.ExportParquet(fromFile);
            // Written by the embedded engine's own export, from the events the cluster streams
            // (not disposed: the engine shares the fixture's adapter).
            new ClickHouseUsageEngine(engines.ClickHouse.Events, WriteThroughDuckDb).ExportParquet(fromCluster);
            Should.Throw<NotSupportedException>(() => new ClickHouseUsageEngine(engines.ClickHouse.Events).ExportParquet(fromCluster));
            // Row groups may be cut differently, so the files are compared by their rows, read back.
            using var reader = new DuckDBConnection("Data Source=:memory:");
            reader.Open();
            using var compare = reader.CreateCommand();
            // Doubles to 1e-15 relative (a unit in the last place; see the class comment), all else exactly.
            const string Doubles = "duration_ms, ttft_ms, cost_logged, cost_listed";
            static string Off(string column) => $"count(*) FILTER (WHERE (a.{column} IS NULL) <> (b.{column} IS NULL) OR abs(a.{column} - b.{column}) > 1e-15 * greatest(abs(a.{column}), abs(b.{column})))";
            compare.CommandText = $"""
                SELECT (SELECT count(*) FROM (SELECT * EXCLUDE ({Doubles}) FROM read_parquet('{fromFile}') EXCEPT ALL SELECT * EXCLUDE ({Doubles}) FROM read_parquet('{fromCluster}'))),
                       (SELECT count(*) FROM read_parquet('{fromCluster}')),
                       (SELECT {Off("duration_ms")} + {Off("ttft_ms")} + {Off("cost_logged")} + {Off("cost_listed")}
                        FROM read_parquet('{fromFile}') AS a JOIN read_parquet('{fromCluster}') AS b USING (event_id))
                """;
            using var rows = compare.ExecuteReader();
            rows.Read().ShouldBeTrue();
            (rows.GetInt64(0), rows.GetInt64(1), rows.GetInt64(2)).ShouldBe((0L, engines.DuckDb.Summary().Events, 0L));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static void WriteThroughDuckDb(IEnumerable<UsageEvent> events, string path)
        {
            using var scratch = new TempStore();
            using var store = scratch.Open();
            store.Ingest(events);
            store.ExportParquet(path);
        }
    }

    private static void Same(double? actual, double? expected, string what) => Same(actual, expected, exact: false, what);

    private static void Same(double? actual, double? expected, bool exact, string what)
    {
        (actual is null).ShouldBe(expected is null, what);
        if (actual is { } a && expected is { } e)
            Same(a, e, exact, what);
    }

    private static void Same(double actual, double expected, bool exact, string what)
    {
        if (exact || actual == expected)
        {
            actual.ShouldBe(expected, what);
            return;
        }

        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(Relative * Math.Max(Math.Abs(actual), Math.Abs(expected)), what);
    }
}
