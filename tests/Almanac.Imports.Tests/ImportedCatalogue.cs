using Almanac.Catalogue;
using Almanac.DataFiles;
using Almanac.Imports;
using Almanac.Imports.Readers;
using Almanac.Knowledge;
using Almanac.Knowledge.Imports;
using Almanac.Storage;
using Almanac.Storage.Sqlite;
using Almanac.Tests.Imports.Readers;

namespace Almanac.Tests.Imports;

/// <summary>
/// A store holding the curated knowledge base and the three real public snapshots, imported one
/// after another as a user would: built once and shared by the tests that only read it.
/// </summary>
public sealed class ImportedCatalogue : IDisposable
{
    public static readonly DateTimeOffset ImportedAt = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    public ImportedCatalogue()
    {
        Store = SqliteKnowledgeStore.Open(Path.Combine(_folder, "almanac.db"));
        var data = DataFolder.Load(RepositoryData());
        data.Diagnostics.ShouldBeEmpty();
        Store.Load(data.Knowledge!, data.Fingerprint, "data", ImportedAt);

        ModelsDev = SharedData.Read("models-dev/api.json", (s, n) => ModelsDevReader.Read(s, n, new SnapshotInfo { Date = new DateOnly(2026, 7, 2) }));
        LiteLlm = SharedData.Read("litellm/model_prices_and_context_window.json", (s, n) => LiteLlmReader.Read(s, n));
        Epoch = SharedData.Read("epoch-ai/notable_ai_models_2026-01.csv", (s, n) => EpochReader.Read(s, n));
        foreach (var snapshot in new[] { ModelsDev, LiteLlm, Epoch })
        {
            var batch = DatasetImporter.Prepare([snapshot], Store.CuratedEntities(), Earlier(Store), Store.Landed(snapshot.Dataset), Store.Records());
            Batches[snapshot.Dataset] = batch;
            Summaries[snapshot.Dataset] = Store.Import(batch, ImportedAt);
        }
    }

    public IKnowledgeStore Store { get; }

    public DatasetSnapshot ModelsDev { get; }

    public DatasetSnapshot LiteLlm { get; }

    public DatasetSnapshot Epoch { get; }

    public Dictionary<string, ImportBatch> Batches { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ImportSummary> Summaries { get; } = new(StringComparer.Ordinal);

    public static IEnumerable<Entity> Earlier(IKnowledgeStore store) =>
        store.Entities().Where(e => store.ImportedEntityIds().Contains(e.Id)).ToList();

    public static string RepositoryData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Almanac.sln")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new InvalidOperationException("No folder holding Almanac.sln above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
