using System.Globalization;
using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Storage;

namespace Almanac.Imports;

/// <summary>The phases of an import, for progress reports.</summary>
public enum ImportPhase
{
    Resolving,
    Storing,
}

/// <summary>How far an import has come: the phase and, while storing, facts written of the total.</summary>
public readonly record struct ImportProgress(ImportPhase Phase, int Done, int Total);

/// <summary>
/// Turns a dataset snapshot into sourced facts on canonical models and stores them in one
/// transaction. Every value becomes a fact citing the snapshot, dated by it, and keeping the
/// record it came from; first-party offerings are told apart from resellers' in the fact's scope.
/// </summary>
public static class DatasetImporter
{
    public static ImportSummary Import(DatasetSnapshot snapshot, IKnowledgeStore store, DateTimeOffset now, IProgress<ImportProgress>? progress = null)
    {
        progress?.Report(new ImportProgress(ImportPhase.Resolving, 0, snapshot.Records.Count));
        var imported = store.ImportedEntityIds();
        var batch = Prepare(snapshot, store.CuratedEntities(), store.Entities().Where(e => imported.Contains(e.Id)), store.Landed(snapshot.Dataset));
        progress?.Report(new ImportProgress(ImportPhase.Storing, 0, batch.Facts.Count));
        return store.Import(batch, now, progress is null ? null : new Progress(progress, batch.Facts.Count));
    }

    /// <summary>
    /// Resolves the snapshot's records and builds what the store takes. Records are resolved against
    /// the curated entities, so names that earlier imports gathered cannot make a curated match
    /// ambiguous. A record that would start a new model goes instead, in this order, to the model it
    /// landed on in the previous import of its dataset, to an earlier import's model that goes by
    /// its id or name, or to one with the same key: importing again changes nothing, and datasets
    /// imported one after another meet on the same models.
    /// </summary>
    /// <param name="curated">The curated entities, with only their curated names.</param>
    /// <param name="importedEarlier">The entities earlier imports created, with every name they gathered.</param>
    /// <param name="previouslyLanded">Where each record of the previous import of this dataset landed, by record key.</param>
    public static ImportBatch Prepare(
        DatasetSnapshot snapshot,
        IEnumerable<Entity> curated,
        IEnumerable<Entity> importedEarlier,
        IReadOnlyDictionary<string, string>? previouslyLanded = null)
    {
        var earlierModels = importedEarlier.Where(e => e.Kind == EntityKind.Model).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var taken = importedEarlier.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var resolution = new ModelResolver(curated).Resolve([snapshot]);
        var newIds = resolution.NewModels.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var byName = Index(earlierModels, AliasKey.Of);
        var byKey = Index(earlierModels, name => ModelKey.Of(name) is { IsEmpty: false } key ? key.Identity : string.Empty);
        var created = new Dictionary<string, Entity>(StringComparer.Ordinal);

        string Target(RecordResolution r)
        {
            var id = r.ModelId!;
            if (!newIds.Contains(id))
            {
                return id;
            }

            if (previouslyLanded?.GetValueOrDefault(r.Record.Key) is { } before && taken.Contains(before))
            {
                return before;
            }

            foreach (var name in new[] { r.Record.ModelName, r.Record.ModelId }.OfType<string>())
            {
                if (byName.TryGetValue(AliasKey.Of(name), out var named))
                {
                    return named;
                }
            }

            if (!r.Key.IsEmpty && byKey.TryGetValue(r.Key.Identity, out var keyed))
            {
                return keyed;
            }

            if (!taken.Contains(id))
            {
                created[id] = resolution.NewModels.First(m => m.Id == id);
                return id;
            }

            // The id is taken by an earlier import's model of another key: keep them apart.
            var apart = $"{id}-{snapshot.Dataset}";
            created[apart] = resolution.NewModels.First(m => m.Id == id) with { Id = apart };
            return apart;
        }

        var source = SourceOf(snapshot);
        var when = Period.Instant(snapshot.Date);
        var facts = new List<Fact>();
        var aliases = new List<EntityAlias>();
        var unresolved = new List<UnresolvedRecord>();
        var landed = new List<LandedRecord>();
        foreach (var r in resolution.Records)
        {
            if (r.ModelId is null)
            {
                unresolved.Add(new UnresolvedRecord(snapshot.Dataset, r.Record.Key, r.Record.ModelName ?? r.Record.ModelId, r.Record.Provider, r.Message ?? r.Reason?.ToString() ?? "unresolved"));
                continue;
            }

            var model = Target(r);
            landed.Add(new LandedRecord(r.Record.Key, model));
            aliases.Add(new EntityAlias(model, r.Record.ModelId));
            if (r.Record.ModelName is { } name)
            {
                aliases.Add(new EntityAlias(model, name));
            }

            var offering = OfferingScope(r);
            foreach (var value in r.Record.Values)
            {
                var scope = Merge(value.Scope, offering);
                facts.Add(new Fact(model, value.MetricId, scope, when, value.Value, Obtained.Reported, source.Id, null, Origin: r.Record.Key));
            }
        }

        // Two records may state the same thing (LiteLLM lists deepseek-chat under two keys): one fact.
        var distinct = facts.DistinctBy(f => f.Id, StringComparer.Ordinal).ToList();
        return new ImportBatch(
            snapshot.Dataset,
            snapshot.Version,
            source,
            [.. resolution.NewOrganisations, .. created.Values],
            aliases,
            distinct,
            unresolved,
            landed);
    }

    /// <summary>Earlier imports' models by a form of each name they go by; the first id wins a shared form.</summary>
    private static Dictionary<string, string> Index(IEnumerable<Entity> models, Func<string, string> form)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            foreach (var name in KnowledgeBase.NamesOf(model))
            {
                var key = form(name);
                if (key.Length > 0)
                {
                    index.TryAdd(key, model.Id);
                }
            }
        }

        return index;
    }

    /// <summary>The snapshot as a citable source: publisher, title, address, and the day it is as of.</summary>
    public static Source SourceOf(DatasetSnapshot snapshot) => new(
        $"{snapshot.Dataset}-{Slug(snapshot.Version)}",
        snapshot.Publisher,
        $"{snapshot.Title}, snapshot {snapshot.Version}",
        snapshot.Url,
        snapshot.Date,
        SourceKind.Secondary,
        snapshot.Licence);

    private static List<KeyValuePair<string, string>> OfferingScope(RecordResolution r) =>
        r.Record.Provider is { } provider
            ? [KeyValuePair.Create("provider", provider), KeyValuePair.Create("offering", r.IsFirstParty ? "first-party" : "reseller")]
            : [];

    private static Scope Merge(Scope? scope, List<KeyValuePair<string, string>> extra) =>
        extra.Count == 0 ? scope ?? Scope.Empty : Scope.Of((scope ?? Scope.Empty).Values.Concat(extra));

    private static string Slug(string text) =>
        new(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray());

    private sealed class Progress(IProgress<ImportProgress> target, int total) : IProgress<int>
    {
        public void Report(int value) => target.Report(new ImportProgress(ImportPhase.Storing, value, total));
    }
}
