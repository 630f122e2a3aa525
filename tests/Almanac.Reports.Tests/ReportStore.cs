using Almanac.DataFiles;
using Almanac.Imports;
using Almanac.Imports.Readers;
using Almanac.Knowledge;
using Almanac.Storage;
using Almanac.Storage.Sqlite;

namespace Almanac.Tests.Reports;

/// <summary>
/// A store holding the curated knowledge base, the real models.dev and Epoch AI snapshots, and
/// leaderboard, token-share and company rows shaped as their importers write them, as a
/// user's store looks after <c>almanac sync</c> and imports: built once and shared by the tests that only read it.
/// </summary>
public sealed class ReportStore : IDisposable
{
    public static readonly DateTimeOffset LoadedAt = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    public ReportStore()
    {
        Store = SqliteKnowledgeStore.Open(Path.Combine(_folder, "almanac.db"));
        var data = DataFolder.Load(Path.Combine(Repository.Root, "data"));
        data.Diagnostics.ShouldBeEmpty();
        Store.Load(data.Knowledge!, data.Fingerprint, "data", LoadedAt);
        Import("models-dev/api.json", (s, n) => ModelsDevReader.Read(s, n, new SnapshotInfo { Date = new DateOnly(2026, 7, 2) }));
        Import("epoch-ai/notable_ai_models_2026-01.csv", (s, n) => EpochReader.Read(s, n));

        // Leaderboards, token shares and company rows, as their importers write them.
        foreach (var snapshots in MarketViewFacts.All())
        {
            DatasetImporter.Import(snapshots, Store, LoadedAt);
        }
    }

    public IKnowledgeStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private void Import(string relative, Func<Stream, string, Catalogue.DatasetSnapshot> read)
    {
        var path = Repository.SharedData(relative);
        using var stream = File.OpenRead(path);
        var snapshot = read(stream, path);
        var earlier = Store.Entities().Where(e => Store.ImportedEntityIds().Contains(e.Id)).ToList();
        Store.Import(DatasetImporter.Prepare([snapshot], Store.CuratedEntities(), earlier, Store.Landed(snapshot.Dataset), Store.Records()), LoadedAt);
    }
}

[CollectionDefinition(Name)]
public sealed class SharedReportStore : ICollectionFixture<ReportStore>
{
    public const string Name = "report store";
}

/// <summary>Where the repository and the public dataset snapshots beside it are.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string SharedData(string relative) => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", relative));

    /// <summary>Where tests leave files for people to look at (screenshots, rendered reports).</summary>
    public static string Artefacts(params string[] parts)
    {
        var folder = Path.Combine([Root, "artifacts", .. parts]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Almanac.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No folder holding Almanac.sln above " + AppContext.BaseDirectory);
    }
}
