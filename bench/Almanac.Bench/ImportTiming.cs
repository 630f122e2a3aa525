using System.Diagnostics;
using System.Globalization;
using Almanac.Catalogue;
using Almanac.DataFiles;
using Almanac.Imports;
using Almanac.Imports.Readers;
using Almanac.Storage;
using Almanac.Storage.Postgres;
using Almanac.Storage.Sqlite;
using Npgsql;

namespace Almanac.Bench;

/// <summary>
/// Time to import the public snapshots into a fresh store (read, resolve, store) beside the time merely to
/// read the same input: what resolution and storage add. Each dataset is read through its registered
/// definition; the datasets whose importers are not built yet are listed as skipped. On SQLite, and on
/// PostgreSQL when a server is given.
/// </summary>
internal static class ImportTiming
{
    /// <summary>The three original datasets, imported in this order into a fresh store, may take at most this many times their bare parsing.</summary>
    private const double MaxImportToParse = 3;

    /// <summary>The datasets the import-to-parse target is about: the first three the product imported.</summary>
    private static readonly string[] OriginalDatasets = ["models-dev", "litellm", "epoch"];

    /// <summary>
    /// Passes of warm-up before timing. The runtime recompiles a method optimised only after it has run a number of
    /// times and the process has been quiet for a moment: after one pass much of resolution and storage still ran
    /// unoptimised in the timed import (on a busy machine twice as long as in the third pass), while the smaller
    /// readers were mostly optimised already, so the ratio counted compilation against parsing.
    /// </summary>
    private const int WarmUpRounds = 3;

    /// <summary>PostgreSQL may take at most this many times SQLite.</summary>
    private const double MaxPostgresToSqlite = 2;

    /// <summary>Every dataset with a snapshot in the shared data, in import order, and where its input is.</summary>
    private static readonly (string Code, string Input, SnapshotInfo? Info)[] Inputs =
    [
        ("models-dev", "models-dev/api.json", new SnapshotInfo { Date = new DateOnly(2026, 7, 2) }),
        ("litellm", "litellm/model_prices_and_context_window.json", null),
        ("epoch", "epoch-ai/notable_ai_models_2026-01.csv", null),
        ("openrouter", "openrouter/models", null),
        ("epoch-companies", "epoch-ai/companies", null),
        ("epoch-benchmarks", "epoch-ai/benchmarks", null),
        ("lmarena", "lmarena", null),
        ("openrouter-rankings", "openrouter/rankings/openrouter-usage_2026-05-30.json", null),
    ];

    public static int Run(string repository, string shared, double targetSeconds, string? postgres)
    {
        var ready = new List<(DatasetDefinition Definition, string Path, SnapshotInfo? Info)>();
        foreach (var (code, input, info) in Inputs)
        {
            var path = Path.Combine(shared, input);
            if (Datasets.Find(code) is not { } definition)
            {
                Console.WriteLine($"skipped {code}: no importer registered yet");
                continue;
            }

            if (!File.Exists(path) && !Directory.Exists(path))
            {
                Console.Error.WriteLine($"bench: missing {path}");
                return 2;
            }

            ready.Add((definition, path, info));
        }

        // Warm up the readers so the parse column measures parsing, not first-call JIT.
        for (var round = 0; round < WarmUpRounds; round++)
        {
            foreach (var input in ready)
            {
                Read(input);
            }
        }

        var data = DataFolder.Load(Path.Combine(repository, "data"));

        // Warm up the import path the same way, into a store thrown away: the parse column is
        // measured warm, so the import column must be too, or the ratio counts first-call JIT of
        // resolution and storage against steady-state parsing.
        for (var round = 0; round < WarmUpRounds; round++)
        {
            WarmUp(ready.Where(input => OriginalDatasets.Contains(input.Definition.Code)).ToList(), data);
        }

        var sqlite = Time("SQLite", ready, () => (OpenSqlite(out var cleanup), cleanup), data);
        var (originalParse, originalImport) = sqlite.Original;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"target: {string.Join(", ", OriginalDatasets)} imported within {MaxImportToParse:F0}x their parsing: {(originalImport <= MaxImportToParse * originalParse ? "met" : "NOT met")} ({originalImport / originalParse:F1}x: {originalImport:F2} s against {originalParse:F2} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target: every dataset imported in under {targetSeconds:F0} s on SQLite: {(sqlite.Import < targetSeconds ? "met" : "NOT met")} ({sqlite.Import:F2} s)"));
        if (postgres is null)
        {
            Console.WriteLine("PostgreSQL: not timed (give a connection string, e.g. from scripts/postgres.sh)");
            return 0;
        }

        var server = Time("PostgreSQL", ready, () => (OpenPostgres(postgres, out var cleanup), cleanup), data);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target: PostgreSQL within {MaxPostgresToSqlite:F0}x SQLite: {(server.Import <= MaxPostgresToSqlite * sqlite.Import ? "met" : "NOT met")} ({server.Import / sqlite.Import:F1}x: {server.Import:F2} s against {sqlite.Import:F2} s)"));
        return 0;
    }

    private static (double Parse, double Import, (double Parse, double Import) Original) Time(
        string engine,
        List<(DatasetDefinition Definition, string Path, SnapshotInfo? Info)> inputs,
        Func<(IKnowledgeStore Store, Action Cleanup)> open,
        LoadResult data)
    {
        var (store, cleanup) = open();
        try
        {
            store.Load(data.Knowledge!, data.Fingerprint, "data", DateTimeOffset.UtcNow);
            Console.WriteLine();
            Console.WriteLine($"{engine}, a fresh store:");
            Console.WriteLine($"{"dataset",-20} {"records",8} {"facts",8} {"moved",7} {"parse",9} {"import",9} {"ratio",7} {"parse cpu",10} {"import cpu",11}");
            double parseTotal = 0, importTotal = 0, originalParse = 0, originalImport = 0;
            foreach (var input in inputs)
            {
                // Processor time beside wall time: on a shared machine the wall clock also counts others' work.
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var parse = Stopwatch.StartNew();
                var parsed = Read(input);
                parse.Stop();
                var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;

                var import = Stopwatch.StartNew();
                var snapshots = Read(input);
                var summary = DatasetImporter.Import(snapshots, store, DateTimeOffset.UtcNow);
                import.Stop();
                var cpu2 = Process.GetCurrentProcess().TotalProcessorTime;

                parseTotal += parse.Elapsed.TotalSeconds;
                importTotal += import.Elapsed.TotalSeconds;
                if (OriginalDatasets.Contains(input.Definition.Code))
                {
                    originalParse += parse.Elapsed.TotalSeconds;
                    originalImport += import.Elapsed.TotalSeconds;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{input.Definition.Code,-20} {parsed.Sum(s => s.Records.Count),8} {summary.Added,8} {summary.Moved,7} {parse.Elapsed.TotalSeconds,8:F2}s {import.Elapsed.TotalSeconds,8:F2}s {import.Elapsed.TotalSeconds / parse.Elapsed.TotalSeconds,6:F1}x {(cpu1 - cpu0).TotalSeconds,9:F2}s {(cpu2 - cpu1).TotalSeconds,10:F2}s"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-20} {"",8} {"",8} {"",7} {parseTotal,8:F2}s {importTotal,8:F2}s {importTotal / parseTotal,6:F1}x"));
            return (parseTotal, importTotal, (originalParse, originalImport));
        }
        finally
        {
            store.Dispose();
            cleanup();
        }
    }

    private static void WarmUp(List<(DatasetDefinition Definition, string Path, SnapshotInfo? Info)> inputs, LoadResult data)
    {
        var store = OpenSqlite(out var cleanup);
        try
        {
            store.Load(data.Knowledge!, data.Fingerprint, "data", DateTimeOffset.UtcNow);
            foreach (var input in inputs)
            {
                DatasetImporter.Import(Read(input), store, DateTimeOffset.UtcNow);
            }
        }
        finally
        {
            store.Dispose();
            cleanup();
        }
    }

    private static SqliteKnowledgeStore OpenSqlite(out Action cleanup)
    {
        var folder = Path.Combine(Path.GetTempPath(), "almanac-bench-" + Guid.NewGuid().ToString("N"));
        cleanup = () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        };
        return SqliteKnowledgeStore.Open(Path.Combine(folder, "almanac.db"));
    }

    // A schema of its own on the given server, dropped afterwards.
    private static PostgresKnowledgeStore OpenPostgres(string server, out Action cleanup)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        void Run(string sql)
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }

        Run($"CREATE SCHEMA {schema}");
        cleanup = () => Run($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        return PostgresKnowledgeStore.Open(new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString);
    }

    private static IReadOnlyList<DatasetSnapshot> Read((DatasetDefinition Definition, string Path, SnapshotInfo? Info) input) =>
        input.Definition.Read(DatasetInput.FromPath(input.Path), input.Info);
}
