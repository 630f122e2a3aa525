using System.Diagnostics;
using Almanac.Tests.Usage.ClickHouse;
using Almanac.Usage.ClickHouse;
using Almanac.Usage.Generation;
using Almanac.Usage.Readers;

namespace Almanac.Tests.Cli;

/// <summary>A usage ingest killed while it writes leaves the usage store as the last committed ingest left it, on either engine.</summary>
public sealed class InterruptedUsageIngestTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    private string Store => Path.Combine(_folder, "almanac.db");

    private string? _clickHouseStore;

    [Fact]
    public Task A_killed_ingest_into_DuckDB_leaves_the_store_with_exactly_its_previous_events() =>
        KillMidwayAndCompare(Path.Combine(_folder, "usage.duckdb"));

    [ClickHouseFact]
    public Task A_killed_ingest_into_the_ClickHouse_cluster_leaves_no_new_event_visible()
    {
        _clickHouseStore = ClickHouseTestCluster.FreshDatabaseUrl();
        return KillMidwayAndCompare(_clickHouseStore);
    }

    private async Task KillMidwayAndCompare(string usageStore)
    {
        Directory.CreateDirectory(_folder);
        var small = Generate("small.csv", 500, seed: 5);
        var large = Generate("large.csv", 3_000_000, seed: 6);
        var ingested = Run(usageStore, "usage", "ingest", small);
        ingested.ExitCode.ShouldBe(0, ingested.Error);
        var before = Run(usageStore, "usage", "share", "--by", "model", "--basis", "requests", "--period", "day", "--format", "json");
        before.ExitCode.ShouldBe(0, before.Error);
        before.Output.ShouldContain("\"value\"");

        using var process = Start(usageStore, "usage", "ingest", large);
        var started = await ChildCli.WaitForLineAsync(process, line => line.Contains("usage ingest", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        started.ShouldBeTrue("the ingest should have started reading when it is killed");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        process.HasExited.ShouldBeFalse("the ingest should still be writing when it is killed; make the file larger");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        Run(usageStore, "usage", "share", "--by", "model", "--basis", "requests", "--period", "day", "--format", "json").Output.ShouldBe(before.Output);
        var again = Run(usageStore, "usage", "ingest", small);
        again.ExitCode.ShouldBe(0, again.Error);
        again.Output.ShouldContain("already stored");
        Run(usageStore, "usage", "share", "--by", "model", "--basis", "requests", "--period", "day", "--format", "json").Output.ShouldBe(before.Output);
    }

    private string Generate(string name, long events, int seed)
    {
        var path = Path.Combine(_folder, name);
        using var writer = new StreamWriter(path);
        UsageGenerator.Write(events, UsageFormat.Csv, seed, writer);
        return path;
    }

    private CliRun Run(string usageStore, params string[] args) => CliRun.Of([.. args, "--usage-store", usageStore, "--store", Store, "--data", CliRun.RepositoryData]);

    private Process Start(string usageStore, params string[] args) => ChildCli.Start(args.Concat(["--usage-store", usageStore, "--store", Store, "--data", CliRun.RepositoryData]));

    public void Dispose()
    {
        if (_clickHouseStore is not null)
        {
            using var store = ClickHouseUsageEvents.OpenAsync(_clickHouseStore).GetAwaiter().GetResult();
            ClickHouseTestCluster.DropAsync(store).GetAwaiter().GetResult();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
