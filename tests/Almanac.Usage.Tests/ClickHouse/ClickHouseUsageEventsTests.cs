using System.Globalization;
using Almanac.Usage.Analyses;
using Almanac.Usage;
using Almanac.Usage.ClickHouse;

namespace Almanac.Tests.Usage.ClickHouse;

/// <summary>The usage events store on the two-shard cluster: placement, idempotent inserts and the share analysis against the same figures computed here from the generated events.</summary>
public sealed class ClickHouseUsageEventsTests(GeneratedEventsStore fixture) : IClassFixture<GeneratedEventsStore>
{
    [ClickHouseFact]
    public async Task The_events_spread_over_both_shards_and_the_shards_add_up_to_the_distributed_table()
    {
        fixture.FirstInsert.ShouldBe(new ClickHouseInsertResult(GeneratedEventsStore.Events, GeneratedEventsStore.Events, 0));
        fixture.Store.Shards.Select(s => s.Number).ShouldBe([1, 2]);

        var perShard = new List<(long Rows, long InputTokens)>();
        foreach (var shard in fixture.Store.Shards)
        {
            var row = (await ClickHouseHttpTests.ToListAsync(shard.Node.QueryAsync("shard count",
                "SELECT count() AS events, sum(input_tokens) AS input_tokens FROM usage_events_local"))).Single();
            perShard.Add((row.GetInt64("events"), row.GetInt64("input_tokens")));
        }
        perShard.ShouldAllBe(s => s.Rows > 0);
        // A hash of the id splits 100k events roughly in half; far from half would mean one shard's key.
        perShard.ShouldAllBe(s => s.Rows > GeneratedEventsStore.Events / 3);

        var total = (await ClickHouseHttpTests.ToListAsync(fixture.Store.Http.QueryAsync("total",
            "SELECT count() AS events, sum(input_tokens) AS input_tokens, uniqExact(event_id) AS ids FROM usage_events"))).Single();
        total.GetInt64("events").ShouldBe(GeneratedEventsStore.Events);
        total.GetInt64("ids").ShouldBe(GeneratedEventsStore.Events);
        perShard.Sum(s => s.Rows).ShouldBe(total.GetInt64("events"));
        perShard.Sum(s => s.InputTokens).ShouldBe(total.GetInt64("input_tokens"));
        total.GetInt64("input_tokens").ShouldBe(fixture.Generated.Sum(e => e.InputTokens));
    }

    [ClickHouseFact]
    public async Task One_event_id_lives_on_one_shard_only()
    {
        var sample = fixture.Generated.Where((_, i) => i % 997 == 0).Select(e => e.EventId).ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var shard in fixture.Store.Shards)
        {
            var sql = $"SELECT event_id FROM usage_events_local WHERE event_id IN ({string.Join(", ", sample.Select(ClickHouseSql.Quote))})";
            await foreach (var row in shard.Node.QueryAsync("shard ids", sql))
                seen[row.GetString("event_id")] = seen.GetValueOrDefault(row.GetString("event_id")) + 1;
        }
        seen.Keys.Order(StringComparer.Ordinal).ShouldBe(sample.Order(StringComparer.Ordinal));
        seen.Values.ShouldAllBe(count => count == 1);
    }

    [ClickHouseFact]
    public async Task Inserting_the_same_events_again_adds_nothing()
    {
        var again = await fixture.Store.InsertAsync(fixture.Generated);
        again.ShouldBe(new ClickHouseInsertResult(GeneratedEventsStore.Events, 0, GeneratedEventsStore.Events));
        (await CountAsync(fixture.Store)).ShouldBe(GeneratedEventsStore.Events);
    }

    [ClickHouseFact]
    public async Task A_stored_event_reads_back_field_for_field()
    {
        var expected = fixture.Generated[12_345];
        var row = (await ClickHouseHttpTests.ToListAsync(fixture.Store.Http.QueryAsync("one event",
            $"SELECT * FROM usage_events WHERE event_id = {ClickHouseSql.Quote(expected.EventId)}"))).Single();
        var read = new UsageEvent(
            row.GetString("event_id"), row.GetInt64("start_ms"), row.GetNullableDouble("duration_ms"), row.GetNullableDouble("ttft_ms"),
            row.GetString("source"), row.GetString("model_raw"), row.GetString("model_id"), row.GetString("developer_id"),
            row.GetString("provider"), row.GetInt64("input_tokens"), row.GetInt64("output_tokens"), row.GetInt64("cache_read_tokens"),
            row.GetInt64("reasoning_tokens"), row.GetInt64("requests"), row.GetInt64("errors"), row.GetNullableDouble("cost_logged"),
            row.GetNullableDouble("cost_listed"), row.GetString("user_id"), row.GetString("team"), row.GetString("app"), row.GetString("tags"));
        read.ShouldBe(expected);
        row.GetDate("day").ShouldBe(DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(expected.StartMs).UtcDateTime));
    }

    [ClickHouseTheory]
    [InlineData(ShareDimension.Developer, ShareBasis.Tokens, UsagePeriod.Month)]
    [InlineData(ShareDimension.Provider, ShareBasis.Requests, UsagePeriod.Week)]
    [InlineData(ShareDimension.Model, ShareBasis.Spend, UsagePeriod.Day)]
    [InlineData(ShareDimension.Developer, ShareBasis.SpendLogged, UsagePeriod.Week)]
    [InlineData(ShareDimension.Model, ShareBasis.SpendListed, UsagePeriod.Month)]
    [InlineData(ShareDimension.Model, ShareBasis.Tokens, UsagePeriod.Month)]
    [InlineData(ShareDimension.Provider, ShareBasis.Tokens, UsagePeriod.Day)]
    public void Share_gives_exactly_the_shares_computed_from_the_events(ShareDimension by, ShareBasis basis, UsagePeriod period)
    {
        var rows = new ClickHouseUsageEngine(fixture.Store).Share(new ShareQuery(by, basis, period, default));
        rows.ShouldBe(ExpectedShares(fixture.Generated, by, basis, period, from: null, to: null));
    }

    [ClickHouseFact]
    public void Share_over_a_day_range_counts_those_days_only()
    {
        var from = new DateOnly(2026, 1, 15);
        var to = new DateOnly(2026, 2, 10);
        var rows = new ClickHouseUsageEngine(fixture.Store).Share(new ShareQuery(ShareDimension.Developer, ShareBasis.Requests, UsagePeriod.Week, new DayWindow(from, to)));
        rows.ShouldBe(ExpectedShares(fixture.Generated, ShareDimension.Developer, ShareBasis.Requests, UsagePeriod.Week, from, to));
        rows.Min(r => r.Period).ShouldBe("2026-01-12"); // the Monday of the week holding the 15th
    }

    [ClickHouseFact]
    public async Task A_new_batch_overlapping_stored_events_adds_only_the_new_ones_and_a_repeat_in_the_input_once()
    {
        var store = await ClickHouseUsageEvents.OpenAsync(ClickHouseTestCluster.FreshDatabaseUrl());
        try
        {
            var events = UsageEventGenerator.Generate(5_000, seed: 7);
            (await store.InsertAsync(events.Take(3_000), batchSize: 1_000)).Added.ShouldBe(3_000);
            var overlapping = events.Skip(2_000).Concat(events.Skip(4_500)).ToList(); // 3,000 more, 500 of them twice
            var result = await store.InsertAsync(overlapping, batchSize: 700);
            result.ShouldBe(new ClickHouseInsertResult(overlapping.Count, 2_000, overlapping.Count - 2_000));
            (await CountAsync(store)).ShouldBe(5_000);
        }
        finally
        {
            await ClickHouseTestCluster.DropAsync(store);
            store.Dispose();
        }
    }

    [ClickHouseFact]
    public async Task An_ingest_cancelled_midway_leaves_no_new_event_visible_and_the_same_ingest_again_adds_them_all()
    {
        var store = await ClickHouseUsageEvents.OpenAsync(ClickHouseTestCluster.FreshDatabaseUrl());
        try
        {
            var engine = new ClickHouseUsageEngine(store);
            var before = UsageEventGenerator.Generate(1_000, seed: 41);
            (await store.InsertAsync(before, batchSize: 400)).Added.ShouldBe(before.Count);
            var events = UsageEventGenerator.Generate(3_000, seed: 43);
            using var cancel = new CancellationTokenSource();
            // Cancelled while the third batch is being read: two batches of 1,000 are already written.
            IEnumerable<UsageEvent> Cancelling()
            {
                foreach (var (usage, i) in events.Select((e, i) => (e, i)))
                {
                    if (i == 2_500)
                        cancel.Cancel();
                    yield return usage;
                }
            }
            await Should.ThrowAsync<OperationCanceledException>(() => store.InsertAsync(Cancelling(), batchSize: 1_000, cancellationToken: cancel.Token));
            (await CountAsync(store)).ShouldBe(before.Count + 2_000); // written, but not committed
            engine.Summary().Events.ShouldBe(before.Count);
            engine.Summary().Requests.ShouldBe(before.Sum(e => e.Requests));

            var again = await store.InsertAsync(events, batchSize: 1_000);
            again.ShouldBe(new ClickHouseInsertResult(events.Count, events.Count, 0));
            engine.Summary().Events.ShouldBe(before.Count + events.Count);
            engine.Summary().Requests.ShouldBe(before.Sum(e => e.Requests) + events.Sum(e => e.Requests));
            (await store.InsertAsync(events, batchSize: 1_000)).Added.ShouldBe(0);
        }
        finally
        {
            await ClickHouseTestCluster.DropAsync(store);
            store.Dispose();
        }
    }

    [ClickHouseFact]
    public async Task Opening_again_keeps_the_store_and_a_newer_schema_on_any_shard_is_refused()
    {
        var url = ClickHouseTestCluster.FreshDatabaseUrl();
        var store = await ClickHouseUsageEvents.OpenAsync(url);
        try
        {
            await store.InsertAsync(UsageEventGenerator.Generate(100, seed: 3));
            using (var again = await ClickHouseUsageEvents.OpenAsync(url))
                (await CountAsync(again)).ShouldBe(100);

            var second = store.Shards.Single(s => s.Number == 2).Node;
            await second.ExecuteAsync("newer schema", $"INSERT INTO usage_schema VALUES ({ClickHouseUsageEvents.SchemaVersion + 1}, 0)");
            var error = await Should.ThrowAsync<ClickHouseException>(() => ClickHouseUsageEvents.OpenAsync(url));
            error.Message.ShouldContain($"(shard 2) has schema version {ClickHouseUsageEvents.SchemaVersion + 1}, newer than this Almanac's {ClickHouseUsageEvents.SchemaVersion}");
        }
        finally
        {
            await ClickHouseTestCluster.DropAsync(store);
            store.Dispose();
        }
    }

    [Fact]
    public void An_event_on_a_day_a_clickhouse_date_cannot_hold_is_refused_with_its_id()
    {
        var late = UsageEventGenerator.Generate(1, seed: 1)[0] with
        {
            StartMs = new DateTimeOffset(2106, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
        };
        Should.Throw<ArgumentException>(() => ClickHouseUsageEvents.DayOf(late))
            .Message.ShouldStartWith($"event {late.EventId} starts on 2106-01-01; ClickHouse stores days from 1970-01-01 to 2105-12-31");
        ClickHouseUsageEvents.DayOf(late with { StartMs = 0 }).ShouldBe(new DateOnly(1970, 1, 1));
    }

    [Fact]
    public void An_undefined_dimension_is_refused_before_anything_is_sent()
    {
        // No server is needed: the codes are made before a statement is bound.
        ClickHouseUsageEngine.Code(ShareBasis.SpendLogged).ShouldBe("spendlogged");
        Should.Throw<ArgumentOutOfRangeException>(() => ClickHouseUsageEngine.Code((ShareDimension)7))
            .Message.ShouldStartWith("no ShareDimension 7");
    }

    private static async Task<long> CountAsync(ClickHouseUsageEvents store) =>
        (await ClickHouseHttpTests.ToListAsync(store.Http.QueryAsync("count", "SELECT count() AS n FROM usage_events"))).Single().GetInt64("n");

    /// <summary>The share analysis done in C# on the events themselves, with the semantics both engines share (docs/usage.md).</summary>
    private static List<ShareRow> ExpectedShares(IEnumerable<UsageEvent> events, ShareDimension by, ShareBasis basis, UsagePeriod period, DateOnly? from, DateOnly? to)
    {
        static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;
        var values = events
            .Select(e => (Event: e, Day: DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(e.StartMs).UtcDateTime)))
            .Where(e => (from is null || e.Day >= from) && (to is null || e.Day <= to))
            .GroupBy(e => (
                Period: period switch
                {
                    UsagePeriod.Day => e.Day,
                    UsagePeriod.Week => e.Day.AddDays(-(((int)e.Day.DayOfWeek + 6) % 7)),
                    _ => new DateOnly(e.Day.Year, e.Day.Month, 1),
                },
                Key: by switch
                {
                    ShareDimension.Developer => Or(e.Event.DeveloperId, "(unknown)"),
                    ShareDimension.Provider => Or(e.Event.Provider, "(unknown)"),
                    _ => Or(e.Event.ModelId, Or(e.Event.ModelRaw, "(unknown)")),
                }))
            .Select(g => (g.Key.Period, g.Key.Key, Value: g.Sum(e => basis switch
            {
                ShareBasis.Tokens => (double)(e.Event.InputTokens + e.Event.OutputTokens),
                ShareBasis.Requests => e.Event.Requests,
                ShareBasis.Spend => e.Event.CostLogged ?? e.Event.CostListed ?? 0,
                ShareBasis.SpendLogged => e.Event.CostLogged ?? 0,
                _ => e.Event.CostListed ?? 0,
            })))
            .Where(v => v.Value != 0)
            .ToList();
        var totals = values.GroupBy(v => v.Period).ToDictionary(g => g.Key, g => g.Sum(v => v.Value));
        return values
            .OrderBy(v => v.Period).ThenByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new ShareRow(period == UsagePeriod.Month ? v.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture) : v.Period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Key, v.Value, v.Value / totals[v.Period]))
            .ToList();
    }
}
