using Almanac.Usage.Analyses;
using System.Diagnostics;
using Almanac.Usage.ClickHouse;
using Xunit.Abstractions;

namespace Almanac.Tests.Usage.ClickHouse;

/// <summary>
/// Times inserting N generated events into the cluster over HTTP, inserting them again (the id
/// look-ups alone, nothing added) and the share query on them. Runs only when
/// <c>ALMANAC_MEASURE_CLICKHOUSE_EVENTS</c> gives N (e.g. 1000000) and the cluster is set; prints
/// its figures to the test output (<c>--logger "console;verbosity=detailed"</c>).
/// </summary>
public sealed class ClickHouseScaleMeasurement(ITestOutputHelper output)
{
    private static readonly string? Events = Environment.GetEnvironmentVariable("ALMANAC_MEASURE_CLICKHOUSE_EVENTS");

    [ClickHouseFact]
    public async Task Insert_and_share_at_scale()
    {
        if (!int.TryParse(Events, out var count))
            return; // not asked for: the measurement is no test of correctness
        var events = UsageEventGenerator.Generate(count, seed: 1);
        var store = await ClickHouseUsageEvents.OpenAsync(ClickHouseTestCluster.FreshDatabaseUrl());
        try
        {
            var clock = new Clock();
            var first = await store.InsertAsync(events);
            Report($"insert {count:N0} events", clock, count);
            first.Added.ShouldBe(count);

            clock.Restart();
            var again = await store.InsertAsync(events);
            Report($"insert the same {count:N0} again (look-ups only, {again.Added} added)", clock, count);
            again.Added.ShouldBe(0);

            // The same rows through the adapter alone, without the look-ups, into a copy of the table.
            await store.Http.ExecuteAsync("copy table", "CREATE TABLE bare_local AS usage_events_local");
            clock.Restart();
            await store.Http.InsertAsync("bare insert", "bare_local", ClickHouseUsageEvents.Columns,
                events.Select(e => (e, ClickHouseUsageEvents.DayOf(e))), ClickHouseUsageEvents.WriteRow);
            Report($"the same {count:N0} rows streamed into one node's table, no look-ups", clock, count);

            // Logs are written in time order: then each batch's look-up reads only a few days.
            var ordered = UsageEventGenerator.Generate(count, seed: 2).OrderBy(e => e.StartMs).ToList();
            clock.Restart();
            (await store.InsertAsync(ordered)).Added.ShouldBe(count);
            Report($"insert {count:N0} more events in time order (on top of {count:N0})", clock, count);
            clock.Restart();
            (await store.InsertAsync(ordered)).Added.ShouldBe(0);
            Report($"insert those {count:N0} again (look-ups only)", clock, count);

            var engine = new ClickHouseUsageEngine(store);
            foreach (var (by, basis, period) in new[] { (ShareDimension.Developer, ShareBasis.Tokens, UsagePeriod.Month), (ShareDimension.Model, ShareBasis.Spend, UsagePeriod.Day), (ShareDimension.Provider, ShareBasis.Requests, UsagePeriod.Week) })
            {
                for (var run = 1; run <= 3; run++)
                {
                    clock.Restart();
                    var rows = engine.Share(new ShareQuery(by, basis, period, default)).Count;
                    Report($"share by {by}, {basis}, per {period} (run {run}, {rows} rows)", clock, count);
                }
            }

            // What reading only committed ingests costs: the same share SQL over the events table itself.
            var unfiltered = ClickHouseSql.Bind(ClickHouseSql.File("share"), new Dictionary<string, object?>
            {
                ["by"] = "developer", ["basis"] = "tokens", ["period"] = "month", ["from"] = ClickHouseSql.FirstDate, ["to"] = ClickHouseSql.LastDate,
            }).Replace("usage_committed_events", "usage_events", StringComparison.Ordinal);
            for (var run = 1; run <= 3; run++)
            {
                clock.Restart();
                var rows = (await ClickHouseHttpTests.ToListAsync(store.Http.QueryAsync("share unfiltered", unfiltered))).Count;
                Report($"share by Developer, Tokens, per Month over every row, committed or not (run {run}, {rows} rows)", clock, count);
            }
        }
        finally
        {
            await ClickHouseTestCluster.DropAsync(store);
            store.Dispose();
        }
    }

    private void Report(string what, Clock clock, int events) =>
        output.WriteLine($"{what}: {clock.Elapsed.TotalSeconds:0.000} s ({events / clock.Elapsed.TotalSeconds:N0} events/s), " +
                         $"this process {clock.Processor.TotalSeconds:0.000} s of CPU");

    /// <summary>Wall time and this process's CPU time (the servers' work is not in it), since the last restart.</summary>
    private sealed class Clock
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private TimeSpan _processorAtStart = Process.GetCurrentProcess().TotalProcessorTime;

        public TimeSpan Elapsed => _wall.Elapsed;

        public TimeSpan Processor => Process.GetCurrentProcess().TotalProcessorTime - _processorAtStart;

        public void Restart()
        {
            _processorAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            _wall.Restart();
        }
    }
}
