using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Almanac.Usage.Analyses;
using Almanac.Usage.DuckDb;
using DuckDB.NET.Data;

namespace Almanac.Bench;

/// <summary>
/// The usage bench's two halves run in their own processes (so each one's peak memory is its own):
/// a bare DuckDB connection reading a CSV into a table, the floor an ingest is measured against; and
/// the analyses through the engine against the same questions hand-written in DuckDB SQL over the same
/// store file, with the switching matrix checked against the generator's truth.
/// </summary>
internal static class UsageTiming
{
    internal const int Runs = 3;

    // The issue's target: each analysis within 1.5x of the same question hand-written in DuckDB SQL.
    internal const double QueryTarget = 1.5;

    /// <summary>
    /// Reads the CSV into a table of a new database file, sniffing its types, under the engine's settings
    /// (memory limit, insertion order), and prints the rows and time.
    /// </summary>
    public static int Bare(string csv, string database)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("Data Source=" + database);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = DuckDbUsageStore.Settings;
        command.ExecuteNonQuery();
        Console.WriteLine($"bare read_csv under the engine's settings: {SettingsOf(connection)}");
        command.CommandText = $"CREATE TABLE events AS SELECT * FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}', header = true)";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT count(*) FROM events";
        var rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        Console.WriteLine($"bare read_csv: {rows:N0} rows in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    public static int Queries(string store, string truthFile)
    {
        var results = new List<(string Name, Timing Engine, Timing Hand)>();
        using (var engine = DuckDbUsageStore.Open(store))
        {
            var all = new DayWindow(null, null);
            results.Add(("monthly share by developer", Time(() => engine.Share(new ShareQuery(ShareDimension.Developer, ShareBasis.Tokens, UsagePeriod.Month, all)).Count), default));
            results.Add(("latency by model (p50/p95/p99)", Time(() => engine.Latency(new LatencyQuery(all)).Count), default));
            results.Add(("switching matrix (users, month)", Time(() => engine.Switching(new SwitchingQuery(SwitchingSubject.User, UsagePeriod.Month, all)).Matrix.Count), default));
        }

        // The hand-written side is a fair peer: the same settings as the engine's connection.
        using var connection = new DuckDBConnection("Data Source=" + store);
        connection.Open();
        using (var settings = connection.CreateCommand())
        {
            settings.CommandText = DuckDbUsageStore.Settings;
            settings.ExecuteNonQuery();
        }

        Console.WriteLine($"engine and hand-written SQL under the same settings: {SettingsOf(connection)}");
        LoadTruthModels(connection, truthFile);
        results[0] = results[0] with { Hand = TimeHand(connection, HandShare) };
        results[1] = results[1] with { Hand = TimeHand(connection, HandLatency) };
        var p95Only = TimeHand(connection, HandP95);
        results[2] = results[2] with { Hand = TimeHand(connection, Switching) };
        Console.WriteLine($"{"query",-30} {"engine s",10} {"engine CPU",11} {"hand SQL s",11} {"hand CPU",9} {"ratio",6}  target within {QueryTarget}x");
        foreach (var (name, e, h) in results)
        {
            var ratio = e.Wall / h.Wall;
            var verdict = double.IsNaN(h.Wall) ? "no peer: the hand-written SQL failed" : ratio <= QueryTarget ? "met" : "NOT met";
            Console.WriteLine($"{name,-30} {e.Wall,10:F2} {e.Cpu,11:F2} {h.Wall,11:F2} {h.Cpu,9:F2} {ratio,6:F2}  {verdict}");
        }

        Console.WriteLine($"{"  (hand SQL of one p95 only)",-30} {"-",10} {"-",11} {p95Only.Wall,11:F2} {p95Only.Cpu,9:F2} {results[1].Engine.Wall / p95Only.Wall,6:F2}");

        return double.IsNaN(results[2].Hand.Wall) ? 1 : CheckSwitching(connection, truthFile);
    }

    // A peer query that fails (DuckDB out of memory under the shared memory limit) is reported, not
    // allowed to end the run before the engine's own figures are printed.
    private static Timing TimeHand(DuckDBConnection connection, string sql)
    {
        try
        {
            return Time(() => Count(connection, sql));
        }
        catch (DuckDBException e)
        {
            Console.WriteLine($"hand-written SQL failed: {e.Message.Split('\n')[0]}");
            return new Timing(double.NaN, double.NaN);
        }
    }

    // The median of a few runs after one warm-up, wall and CPU seconds of this process (the ClickHouse half uses it too: there the CPU is only the client's).
    internal readonly record struct Timing(double Wall, double Cpu);

    internal static Timing Time(Func<int> query)
    {
        query();
        var walls = new List<double>();
        var cpus = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            query();
            walls.Add(clock.Elapsed.TotalSeconds);
            cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        return new Timing(walls.Order().ElementAt(Runs / 2), cpus.Order().ElementAt(Runs / 2));
    }

    private static int Count(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The bench's own fixed SQL.
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    private const string HandShare = """
        SELECT strftime(month, '%Y-%m') AS period, developer_id, tokens, tokens / sum(tokens) OVER (PARTITION BY month) AS share
        FROM (SELECT date_trunc('month', make_timestamp(start_ms * 1000)) AS month, developer_id, sum(input_tokens + output_tokens)::DOUBLE AS tokens
              FROM events GROUP BY ALL)
        ORDER BY month, tokens DESC
        """;

    // What the engine's latency analysis answers, written plainly: duration and time-to-first-token
    // p50/p95/p99, error rate and cache share per model and provider.
    private const string HandLatency = """
        SELECT model_id, provider, sum(requests), quantile_cont(duration_ms, [0.5, 0.95, 0.99]), quantile_cont(ttft_ms, [0.5, 0.95, 0.99]),
               sum(errors) / sum(requests), sum(cache_read_tokens) / sum(input_tokens)
        FROM events WHERE requests > 0 GROUP BY ALL ORDER BY ALL
        """;

    private const string HandP95 = "SELECT model_id, provider, quantile_cont(duration_ms, 0.95) FROM events WHERE requests > 0 GROUP BY ALL ORDER BY ALL";

    // Each user's main model per month (most input + output tokens, as the engine's switching and the
    // generator's truth define it; ties to the first name), against the next month's:
    // stayed on the model, moved to another model of the same developer, or switched developer. Models
    // are the generator's (truth_models, from its truth file), so the check does not depend on which
    // models the catalogue of the bench's workspace knows.
    private const string Switching = """
        WITH calls AS (
            SELECT user_id, date_trunc('month', make_timestamp(start_ms * 1000)) AS month, m.model_id, m.developer_id, sum(input_tokens + output_tokens) AS n
            FROM events AS e JOIN truth_models AS m ON m.written = e.model_raw GROUP BY ALL
        ), main AS (
            SELECT user_id, month, arg_max(model_id, (n, model_id)) AS model_id, arg_max(developer_id, (n, model_id)) AS developer_id
            FROM calls GROUP BY ALL
        )
        SELECT strftime(a.month, '%Y-%m') AS from_month, strftime(b.month, '%Y-%m') AS to_month,
               count(*) FILTER (WHERE a.model_id = b.model_id) AS stayed,
               count(*) FILTER (WHERE a.model_id <> b.model_id AND a.developer_id = b.developer_id) AS moved,
               count(*) FILTER (WHERE a.developer_id <> b.developer_id) AS switched
        FROM main AS a JOIN main AS b ON b.user_id = a.user_id AND b.month = a.month + INTERVAL 1 MONTH
        GROUP BY ALL ORDER BY from_month
        """;

    private static string SettingsOf(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('memory_limit'), current_setting('threads'), current_setting('preserve_insertion_order')";
        using var reader = command.ExecuteReader();
        reader.Read();
        return $"memory_limit {reader.GetValue(0)}, threads {reader.GetValue(1)}, preserve_insertion_order {reader.GetValue(2)}";
    }

    private static void LoadTruthModels(DuckDBConnection connection, string truthFile)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(truthFile));
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE OR REPLACE TEMP TABLE truth_models (written VARCHAR, model_id VARCHAR, developer_id VARCHAR)";
        command.ExecuteNonQuery();
        using var appender = connection.CreateAppender("truth_models");
        foreach (var model in truth.RootElement.GetProperty("models").EnumerateArray())
        {
            var row = appender.CreateRow();
            row.AppendValue(model.GetProperty("written").GetString()).AppendValue(model.GetProperty("model_id").GetString()).AppendValue(model.GetProperty("developer").GetString());
            row.EndRow();
        }
    }

    private static int CheckSwitching(DuckDBConnection connection, string truthFile)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(truthFile));
        var expected = truth.RootElement.GetProperty("switching").EnumerateArray()
            .Select(s => $"{s.GetProperty("from").GetString()}→{s.GetProperty("to").GetString()} stayed {s.GetProperty("stayed").GetInt64()} moved {s.GetProperty("moved").GetInt64()} switched {s.GetProperty("switched").GetInt64()}")
            .ToList();
        using var command = connection.CreateCommand();
        command.CommandText = Switching;
        using var reader = command.ExecuteReader();
        var actual = new List<string>();
        while (reader.Read())
        {
            actual.Add($"{reader.GetString(0)}→{reader.GetString(1)} stayed {reader.GetInt64(2)} moved {reader.GetInt64(3)} switched {reader.GetInt64(4)}");
        }

        var same = actual.SequenceEqual(expected);
        Console.WriteLine($"switching matrix against the generator's truth: {(same ? "equal" : "DIFFERENT")}");
        foreach (var line in actual)
        {
            Console.WriteLine("  " + line);
        }

        if (!same)
        {
            expected.ForEach(e => Console.WriteLine("  expected " + e));
        }

        return same ? 0 : 1;
    }
}
