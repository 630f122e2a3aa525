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
        var batch = Prepare(snapshot, store.Entities(), store.ImportedEntityIds());
        progress?.Report(new ImportProgress(ImportPhase.Storing, 0, batch.Facts.Count));
        return store.Import(batch, now, progress is null ? null : new Progress(progress, batch.Facts.Count));
    }

    /// <summary>
    /// Resolves the snapshot's records and builds what the store takes. Records are resolved against
    /// the curated entities; a model that earlier imports already created is then found again by its
    /// key, so importing datasets one after another gives the same models as importing them together,
    /// and the names earlier imports gathered cannot make a curated match ambiguous.
    /// </summary>
    /// <param name="imported">The ids among <paramref name="known"/> that imports created.</param>
    public static ImportBatch Prepare(DatasetSnapshot snapshot, IEnumerable<Entity> known, IReadOnlySet<string> imported)
    {
        var entities = known.ToList();
        var resolution = new ModelResolver(entities.Where(e => !imported.Contains(e.Id))).Resolve([snapshot]);
        var earlier = EarlierModels(entities.Where(e => imported.Contains(e.Id) && e.Kind == EntityKind.Model));
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in resolution.Records.Where(r => r.ModelId is not null && !r.Key.IsEmpty))
        {
            if (resolution.NewModels.Any(m => m.Id == r.ModelId) && !renamed.ContainsKey(r.ModelId!))
            {
                if (earlier.TryGetValue(r.Key.Identity, out var existing))
                {
                    renamed[r.ModelId!] = existing;
                }
                else if (imported.Contains(r.ModelId!))
                {
                    // The id is taken by an earlier import's model of another key: keep them apart.
                    renamed[r.ModelId!] = $"{r.ModelId}-{snapshot.Dataset}";
                }
            }
        }

        string Canonical(string id) => renamed.GetValueOrDefault(id, id);
        var source = SourceOf(snapshot);
        var when = Period.Instant(snapshot.Date);
        var facts = new List<Fact>();
        var aliases = new List<EntityAlias>();
        var unresolved = new List<UnresolvedRecord>();
        foreach (var r in resolution.Records)
        {
            if (r.ModelId is not { } resolved)
            {
                unresolved.Add(new UnresolvedRecord(snapshot.Dataset, r.Record.Key, r.Record.ModelName ?? r.Record.ModelId, r.Record.Provider, r.Message ?? r.Reason?.ToString() ?? "unresolved"));
                continue;
            }

            var model = Canonical(resolved);
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
            [
                .. resolution.NewOrganisations,
                .. resolution.NewModels
                    .Where(m => !renamed.TryGetValue(m.Id, out var to) || !imported.Contains(to))
                    .Select(m => renamed.TryGetValue(m.Id, out var to) ? m with { Id = to } : m),
            ],
            aliases,
            distinct,
            unresolved);
    }

    /// <summary>Earlier imports' models by the key of each name they go by; the first id wins a shared key.</summary>
    private static Dictionary<string, string> EarlierModels(IEnumerable<Entity> models)
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var model in models.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            foreach (var name in KnowledgeBase.NamesOf(model))
            {
                var key = ModelKey.Of(name);
                if (!key.IsEmpty)
                {
                    byKey.TryAdd(key.Identity, model.Id);
                }
            }
        }

        return byKey;
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
