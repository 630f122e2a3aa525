using Almanac.Usage.Analyses;
using Almanac.Usage.ClickHouse;

namespace Almanac.Bench;

/// <summary>
/// The usage analyses on the ClickHouse cluster against the same questions hand-written in ClickHouse
/// SQL over the same events table, the half of the usage bench that <c>ALMANAC_BENCH_CLICKHOUSE</c> turns on.
/// </summary>
internal static class UsageClickHouseTiming
{
    private const double QueryTarget = UsageTiming.QueryTarget;

    // The engine reads only committed ingests (usage_committed_events); a user writing the question
    // by hand reads the events table itself, so that is the peer.
    private const string HandShare = """
        SELECT month, developer_id, tokens, tokens / total AS share
        FROM (SELECT toStartOfMonth(day) AS month, developer_id, toFloat64(sum(input_tokens + output_tokens)) AS tokens FROM usage_events GROUP BY month, developer_id)
        ANY INNER JOIN (SELECT toStartOfMonth(day) AS month, toFloat64(sum(input_tokens + output_tokens)) AS total FROM usage_events GROUP BY month) USING month
        ORDER BY month, tokens DESC
        """;

    private const string HandLatency = """
        SELECT model_id, provider, sum(requests) AS calls, quantilesExact(0.5, 0.95, 0.99)(duration_ms) AS durations, quantilesExact(0.5, 0.95, 0.99)(ttft_ms) AS ttfts,
               sum(errors) / calls AS error_rate, sum(cache_read_tokens) / sum(input_tokens) AS cache_share
        FROM usage_events WHERE requests > 0 GROUP BY model_id, provider ORDER BY calls DESC
        """;

    public static int Queries(string url)
    {
        using var engine = ClickHouseUsageEngine.Open(url);
        var all = new DayWindow(null, null);
        var http = engine.Events.Http;
        var rows = new List<(string Name, UsageTiming.Timing Engine, UsageTiming.Timing? Hand)>
        {
            ("monthly share by developer", UsageTiming.Time(() => engine.Share(new ShareQuery(ShareDimension.Developer, ShareBasis.Tokens, UsagePeriod.Month, all)).Count), UsageTiming.Time(() => Count(http, HandShare))),
            ("latency by model (p50/p95/p99)", UsageTiming.Time(() => engine.Latency(new LatencyQuery(all)).Count), UsageTiming.Time(() => Count(http, HandLatency))),
            ("switching matrix (users, month)", UsageTiming.Time(() => engine.Switching(new SwitchingQuery(SwitchingSubject.User, UsagePeriod.Month, all)).Matrix.Count), null),
        };
        Console.WriteLine($"ClickHouse at {http.Address}, {engine.Events.Shards.Count} shards, {engine.Summary().Events:N0} events");
        Console.WriteLine($"{"query",-30} {"engine s",10} {"engine CPU",11} {"hand SQL s",11} {"ratio",6}  target within {QueryTarget}x (CPU: this client's)");
        foreach (var (name, e, h) in rows)
        {
            if (h is { } hand)
            {
                var ratio = e.Wall / hand.Wall;
                Console.WriteLine($"{name,-30} {e.Wall,10:F2} {e.Cpu,11:F2} {hand.Wall,11:F2} {ratio,6:F2}  {(ratio <= QueryTarget ? "met" : "NOT met")}");
            }
            else
            {
                Console.WriteLine($"{name,-30} {e.Wall,10:F2} {e.Cpu,11:F2} {"-",11} {"-",6}  (no hand-written peer: 18.16 has no window functions to write it plainly)");
            }
        }

        return 0;
    }

    private static int Count(ClickHouseHttp http, string sql)
    {
        var rows = 0;
        var enumerator = http.QueryAsync("hand-written", sql).GetAsyncEnumerator();
        try
        {
            while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                rows++;
            }
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return rows;
    }
}
