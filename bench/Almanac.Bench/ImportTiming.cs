using System.Diagnostics;
using System.Globalization;
using Almanac.Catalogue;
using Almanac.DataFiles;
using Almanac.Imports;
using Almanac.Imports.Readers;
using Almanac.Storage.Sqlite;

namespace Almanac.Bench;

/// <summary>
/// Time to import the three public snapshots into a fresh embedded store (read, resolve, store),
/// beside the time merely to parse the same files: what resolution and storage add.
/// </summary>
internal static class ImportTiming
{
    public static int Run(string repository, string shared, double targetSeconds)
    {
        (string Dataset, string File, Func<Stream, string, SnapshotInfo?, DatasetSnapshot> Read, SnapshotInfo? Info)[] inputs =
        [
            ("models-dev", Path.Combine(shared, "models-dev", "api.json"), ModelsDevReader.Read, new SnapshotInfo { Date = new DateOnly(2026, 7, 2) }),
            ("litellm", Path.Combine(shared, "litellm", "model_prices_and_context_window.json"), LiteLlmReader.Read, null),
            ("epoch", Path.Combine(shared, "epoch-ai", "notable_ai_models_2026-01.csv"), EpochReader.Read, null),
        ];
        foreach (var input in inputs)
        {
            if (!File.Exists(input.File))
            {
                Console.Error.WriteLine($"bench: missing {input.File}");
                return 2;
            }
        }

        // Warm up the readers once so the parse column measures parsing, not first-call JIT.
        foreach (var input in inputs)
        {
            Read(input.File, input.Read, input.Info);
        }

        var folder = Path.Combine(Path.GetTempPath(), "almanac-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var store = SqliteKnowledgeStore.Open(Path.Combine(folder, "almanac.db"));
            var data = DataFolder.Load(Path.Combine(repository, "data"));
            store.Load(data.Knowledge!, data.Fingerprint, "data", DateTimeOffset.UtcNow);

            Console.WriteLine($"{"dataset",-12} {"records",8} {"facts",8} {"parse",9} {"import",9}");
            double parseTotal = 0, importTotal = 0;
            foreach (var input in inputs)
            {
                var parse = Stopwatch.StartNew();
                var parsed = Read(input.File, input.Read, input.Info);
                parse.Stop();

                var import = Stopwatch.StartNew();
                var snapshot = Read(input.File, input.Read, input.Info);
                var summary = DatasetImporter.Import(snapshot, store, DateTimeOffset.UtcNow);
                import.Stop();

                parseTotal += parse.Elapsed.TotalSeconds;
                importTotal += import.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{input.Dataset,-12} {parsed.Records.Count,8} {summary.Added,8} {parse.Elapsed.TotalSeconds,8:F2}s {import.Elapsed.TotalSeconds,8:F2}s"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-12} {"",8} {"",8} {parseTotal,8:F2}s {importTotal,8:F2}s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target: all three imported in under {targetSeconds:F0} s: {(importTotal < targetSeconds ? "met" : "NOT met")}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DatasetSnapshot Read(string file, Func<Stream, string, SnapshotInfo?, DatasetSnapshot> read, SnapshotInfo? info)
    {
        using var stream = File.OpenRead(file);
        return read(stream, Path.GetFileName(file), info);
    }
}
