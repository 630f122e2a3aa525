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
    public static ImportSummary Import(DatasetSnapshot snapshot, IKnowledgeStore store, DateTimeOffset now, IProgress<ImportProgress>? progress = null) =>
        Import([snapshot], store, now, progress);

    /// <summary>Imports successive snapshots of one dataset (a folder of them) in one transaction.</summary>
    public static ImportSummary Import(IReadOnlyList<DatasetSnapshot> snapshots, IKnowledgeStore store, DateTimeOffset now, IProgress<ImportProgress>? progress = null)
    {
        var records = snapshots.Sum(s => s.Records.Count);
        progress?.Report(new ImportProgress(ImportPhase.Resolving, 0, records));
        var imported = store.ImportedEntityIds();
        var batch = Prepare(snapshots, store.CuratedEntities(), store.Entities().Where(e => imported.Contains(e.Id)), store.Landed(snapshots[0].Dataset));
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
        IReadOnlyDictionary<string, string>? previouslyLanded = null) =>
        Prepare([snapshot], curated, importedEarlier, previouslyLanded);

    /// <summary>
    /// As <see cref="Prepare(DatasetSnapshot, IEnumerable{Entity}, IEnumerable{Entity}, IReadOnlyDictionary{string, string}?)"/>
    /// for successive snapshots of one dataset: every record is resolved with the others, and each fact
    /// cites the snapshot that showed it, dated by that snapshot.
    /// </summary>
    public static ImportBatch Prepare(
        IReadOnlyList<DatasetSnapshot> snapshots,
        IEnumerable<Entity> curated,
        IEnumerable<Entity> importedEarlier,
        IReadOnlyDictionary<string, string>? previouslyLanded = null)
    {
        if (snapshots.Count == 0 || snapshots.Any(s => s.Dataset != snapshots[0].Dataset))
        {
            throw new ArgumentException("one or more snapshots of one dataset are needed", nameof(snapshots));
        }

        var curatedList = curated as IReadOnlyCollection<Entity> ?? curated.ToList();
        var dataset = snapshots[0].Dataset;
        var snapshotOf = new Dictionary<DatasetRecord, DatasetSnapshot>(ReferenceEqualityComparer.Instance);
        foreach (var s in snapshots)
        {
            foreach (var record in s.Records)
            {
                snapshotOf.TryAdd(record, s);
            }
        }

        var modelRecords = snapshots.SelectMany(s => s.Records).Where(r => r.Subject == EntityKind.Model).ToList();
        var earlierModels = importedEarlier.Where(e => e.Kind == EntityKind.Model).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var taken = importedEarlier.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var resolution = new ModelResolver(curatedList).Resolve(modelRecords.Select(r => new SourcedRecord(dataset, r)));
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
            var apart = $"{id}-{dataset}";
            created[apart] = resolution.NewModels.First(m => m.Id == id) with { Id = apart };
            return apart;
        }

        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        var snapshotSources = snapshots.ToDictionary(s => s, SourceOf, (IEqualityComparer<DatasetSnapshot>)ReferenceEqualityComparer.Instance);
        var facts = new List<Fact>();
        var aliases = new List<EntityAlias>();
        var unresolved = new List<UnresolvedRecord>();
        var landed = new Dictionary<string, string>(StringComparer.Ordinal);

        void AddFacts(DatasetRecord record, string entity, List<KeyValuePair<string, string>> offering)
        {
            var snapshot = snapshotOf[record];
            var snapshotSource = snapshotSources[snapshot];
            foreach (var value in record.Values)
            {
                var source = value.Source ?? snapshotSource;
                sources.TryAdd(source.Id, source);
                var scope = Merge(value.Scope, offering);
                var period = value.Period ?? Period.Instant(snapshot.Date);
                facts.Add(new Fact(entity, value.MetricId, scope, period, value.Value, value.Obtained, source.Id, value.Quote, Note: value.Note, Origin: record.Key));
            }
        }

        // One record key is one offering across successive snapshots, even where its name changed
        // (OpenRouter renamed "DeepSeek: R1 Distill Qwen 14B" to "DeepSeek: DeepSeek R1 Distill Qwen 14B"):
        // all its records land where the newest one landing on a curated model does, else the newest that lands.
        var byRecordKey = resolution.Records.Where(r => r.ModelId is not null)
            .GroupBy(r => r.Record.Key, StringComparer.Ordinal)
            .Where(g => g.Select(r => r.ModelId).Distinct(StringComparer.Ordinal).Skip(1).Any())
            .ToDictionary(
                g => g.Key,
                g => g.LastOrDefault(r => !newIds.Contains(r.ModelId!)) ?? g.Last(),
                StringComparer.Ordinal);

        foreach (var resolved in resolution.Records)
        {
            var r = resolved.ModelId is not null && byRecordKey.TryGetValue(resolved.Record.Key, out var lead)
                ? resolved with { ModelId = lead.ModelId, Key = lead.Key, Developer = lead.Developer, IsFirstParty = lead.IsFirstParty }
                : resolved;
            if (r.ModelId is null)
            {
                unresolved.Add(new UnresolvedRecord(dataset, r.Record.Key, r.Record.ModelName ?? r.Record.ModelId, r.Record.Provider, r.Message ?? r.Reason?.ToString() ?? "unresolved"));
                continue;
            }

            var model = Target(r);
            landed[r.Record.Key] = model;
            aliases.Add(new EntityAlias(model, r.Record.ModelId));
            if (r.Record.ModelName is { } name)
            {
                aliases.Add(new EntityAlias(model, name));
            }

            AddFacts(r.Record, model, OfferingScope(r));
        }

        var organisations = new OrganisationLanding(curatedList, importedEarlier);
        foreach (var record in snapshots.SelectMany(s => s.Records).Where(r => r.Subject == EntityKind.Organisation))
        {
            if (organisations.Land(record.ModelName ?? record.ModelId) is not { } organisation)
            {
                unresolved.Add(new UnresolvedRecord(dataset, record.Key, record.ModelName ?? record.ModelId, record.Provider, "no organisation name"));
                continue;
            }

            landed[record.Key] = organisation;
            AddFacts(record, organisation, []);
        }

        var defined = snapshots.SelectMany(s => s.Entities)
            .DistinctBy(e => e.Id, StringComparer.Ordinal)
            .Where(e => !curatedList.Any(c => c.Id == e.Id))
            .ToList();
        foreach (var entity in defined)
        {
            aliases.AddRange(entity.Aliases.Append(entity.Name.En).Select(a => new EntityAlias(entity.Id, a)));
        }

        // Two records may state the same thing (LiteLLM lists deepseek-chat under two keys): one fact.
        var distinct = facts.DistinctBy(f => f.Id, StringComparer.Ordinal).ToList();
        var last = snapshots[^1];
        var version = snapshots.Count == 1 ? last.Version : $"{snapshots[0].Version} … {last.Version} ({snapshots.Count} snapshots)";
        return new ImportBatch(
            dataset,
            version,
            [.. snapshotSources.Values, .. sources.Values.Where(s => !snapshotSources.Values.Any(own => own.Id == s.Id))],
            [.. resolution.NewOrganisations, .. organisations.Created, .. created.Values, .. defined],
            aliases,
            distinct,
            [.. unresolved.DistinctBy(u => u.RecordKey, StringComparer.Ordinal)],
            [.. landed.Select(l => new LandedRecord(l.Key, l.Value))]);
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
