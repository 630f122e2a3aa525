using Almanac.Catalogue;
using Almanac.DataFiles;
using Almanac.Imports;
using Almanac.Imports.Readers;
using Almanac.Knowledge;
using Almanac.Storage;
using Almanac.Storage.Sqlite;
using Almanac.Tests.Imports.Readers;

namespace Almanac.Tests.Imports;

/// <summary>The same three real snapshots, imported in every order into fresh stores, give the same store.</summary>
public sealed class ImportOrderTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    private static readonly Lazy<Dictionary<string, DatasetSnapshot>> Snapshots = new(() => new(StringComparer.Ordinal)
    {
        ["models-dev"] = SharedData.Read("models-dev/api.json", (s, n) => ModelsDevReader.Read(s, n, new SnapshotInfo { Date = new DateOnly(2026, 7, 2) })),
        ["litellm"] = SharedData.Read("litellm/model_prices_and_context_window.json", (s, n) => LiteLlmReader.Read(s, n)),
        ["epoch"] = SharedData.Read("epoch-ai/notable_ai_models_2026-01.csv", (s, n) => EpochReader.Read(s, n)),
    });

    private SqliteKnowledgeStore Fresh(string name)
    {
        var store = SqliteKnowledgeStore.Open(Path.Combine(_folder, name + ".db"));
        var data = DataFolder.Load(ImportedCatalogue.RepositoryData());
        store.Load(data.Knowledge!, data.Fingerprint, "data", At);
        return store;
    }

    /// <summary>What must not depend on the order: the models that carry facts, and every current fact.</summary>
    private static (List<string> Models, List<string> Facts) Contents(SqliteKnowledgeStore store)
    {
        var facts = store.Facts(new FactQuery());
        var carrying = facts.Select(f => f.Fact.EntityId).ToHashSet(StringComparer.Ordinal);
        var models = store.Entities().Where(e => e.Kind == EntityKind.Model && carrying.Contains(e.Id))
            .Select(e => $"{e.Id}|{e.Name.En}|{e.Developer}").Order(StringComparer.Ordinal).ToList();
        var rows = facts.Select(f => $"{f.Fact.Id}|{f.Fact.EntityId}|{f.Fact.MetricId}|{f.Fact.Scope.Canonical}|{f.Fact.Period}|{f.Fact.Value}")
            .Order(StringComparer.Ordinal).ToList();
        return (models, rows);
    }

    [Fact]
    public void Every_order_of_the_three_snapshots_gives_the_same_models_and_current_facts()
    {
        string[] datasets = ["models-dev", "litellm", "epoch"];
        var orders = from a in datasets from b in datasets from c in datasets where a != b && b != c && a != c select new[] { a, b, c };
        (List<string> Models, List<string> Facts)? first = null;
        string? firstOrder = null;
        foreach (var order in orders)
        {
            using var store = Fresh(string.Join('-', order));
            foreach (var dataset in order)
            {
                DatasetImporter.Import(Snapshots.Value[dataset], store, At);
            }

            var contents = Contents(store);
            contents.Models.Count.ShouldBeGreaterThan(1000);
            if (first is null)
            {
                first = contents;
                firstOrder = string.Join(" then ", order);
                continue;
            }

            var label = $"{string.Join(" then ", order)} against {firstOrder}";
            contents.Models.Except(first.Value.Models).Take(5).ShouldBeEmpty(label);
            first.Value.Models.Except(contents.Models).Take(5).ShouldBeEmpty(label);
            contents.Facts.Except(first.Value.Facts).Take(5).ShouldBeEmpty(label);
            first.Value.Facts.Except(contents.Facts).Take(5).ShouldBeEmpty(label);
            contents.Facts.Count.ShouldBe(first.Value.Facts.Count, label);
        }
    }

    [Fact]
    public void Importing_each_snapshot_again_after_the_others_adds_and_moves_nothing()
    {
        using var store = Fresh("again");
        foreach (var dataset in new[] { "litellm", "epoch", "models-dev" })
        {
            DatasetImporter.Import(Snapshots.Value[dataset], store, At);
        }

        var before = Contents(store);
        foreach (var dataset in new[] { "litellm", "epoch", "models-dev" })
        {
            var again = DatasetImporter.Import(Snapshots.Value[dataset], store, At.AddDays(1));
            again.Added.ShouldBe(0, dataset);
            again.Moved.ShouldBe(0, dataset);
            again.NewEntities.ShouldBe(0, dataset);
        }

        Contents(store).Facts.ShouldBe(before.Facts);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
