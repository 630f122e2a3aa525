using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Knowledge.Imports;
using Almanac.Periods;

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
    public static ImportSummary Import(DatasetSnapshot snapshot, IImportTarget store, DateTimeOffset now, IProgress<ImportProgress>? progress = null) =>
        Import([snapshot], store, now, progress);

    /// <summary>Imports successive snapshots of one dataset (a folder of them) in one transaction.</summary>
    public static ImportSummary Import(IReadOnlyList<DatasetSnapshot> snapshots, IImportTarget store, DateTimeOffset now, IProgress<ImportProgress>? progress = null)
    {
        var records = snapshots.Sum(s => s.Records.Count);
        progress?.Report(new ImportProgress(ImportPhase.Resolving, 0, records));
        var dataset = snapshots.Count > 0 ? snapshots[0].Dataset : string.Empty;
        var batch = Prepare(
            snapshots,
            store.CuratedEntities(),
            EarlierOrganisationsNeeded(snapshots) ? ImportedEntities(store) : [],
            null,
            store.Records().Where(r => r.Dataset != dataset).ToList());
        progress?.Report(new ImportProgress(ImportPhase.Storing, 0, batch.Facts.Count));
        var summary = store.Import(batch, now, progress is null ? null : new Progress(progress, batch.Facts.Count));
        return summary with { Dropped = snapshots.Sum(s => s.Dropped.Count) };
    }

    /// <summary>
    /// Whether resolving the snapshots asks for the entities earlier imports created: only company and product rows
    /// land by those (<see cref="OrganisationLanding"/>); model records resolve against the curated entities and the
    /// other datasets' records. Reading every entity with every name it gathered costs an import of a few hundred
    /// model records as much as resolving them, so an import of model records alone does not.
    /// </summary>
    private static bool EarlierOrganisationsNeeded(IReadOnlyList<DatasetSnapshot> snapshots) =>
        snapshots.Any(s => s.Records.Any(r => r.Subject != EntityKind.Model));

    private static List<Entity> ImportedEntities(IImportTarget store)
    {
        var imported = store.ImportedEntityIds();
        return store.Entities().Where(e => imported.Contains(e.Id)).ToList();
    }

    /// <summary>Resolves one snapshot's records and builds what the store takes; see the overload for successive snapshots.</summary>
    /// <param name="curated">The curated entities, with only their curated names.</param>
    /// <param name="importedEarlier">The entities earlier imports created, with every name they gathered.</param>
    /// <param name="previouslyLanded">Where each record of the previous import of this dataset landed, by record key
    /// (kept for callers; landing now follows from the records alone).</param>
    public static ImportBatch Prepare(
        DatasetSnapshot snapshot,
        IEnumerable<Entity> curated,
        IEnumerable<Entity> importedEarlier,
        IReadOnlyDictionary<string, string>? previouslyLanded = null) =>
        Prepare([snapshot], curated, importedEarlier, previouslyLanded);

    /// <summary>
    /// As <see cref="Prepare(IReadOnlyList{DatasetSnapshot}, IEnumerable{Entity}, IEnumerable{Entity}, IReadOnlyDictionary{string, string}?, IReadOnlyList{SourcedRecord})"/>
    /// with no other dataset's records.
    /// </summary>
    public static ImportBatch Prepare(
        IReadOnlyList<DatasetSnapshot> snapshots,
        IEnumerable<Entity> curated,
        IEnumerable<Entity> importedEarlier,
        IReadOnlyDictionary<string, string>? previouslyLanded = null) =>
        Prepare(snapshots, curated, importedEarlier, previouslyLanded, []);

    /// <summary>
    /// Resolves the records of successive snapshots of one dataset together with the latest records of every
    /// other dataset imported before (<paramref name="otherDatasets"/>), against the curated entities only, and
    /// builds what the store takes. Records are resolved in one order, by dataset and record key, so where a
    /// record lands, and what a new model is called, follows from the records alone, not from which dataset came
    /// first; records of other datasets that now land elsewhere are listed in <see cref="ImportBatch.Relanded"/>
    /// for the store to move their facts. Each fact cites the snapshot that showed it, dated by that snapshot;
    /// every record of one key lands where the latest snapshot's record of that key does.
    /// </summary>
    /// <param name="otherDatasets">The latest records of the other datasets in the store (<see cref="IImportTarget.Records"/>).</param>
    public static ImportBatch Prepare(
        IReadOnlyList<DatasetSnapshot> snapshots,
        IEnumerable<Entity> curated,
        IEnumerable<Entity> importedEarlier,
        IReadOnlyDictionary<string, string>? previouslyLanded,
        IReadOnlyList<SourcedRecord> otherDatasets)
    {
        _ = previouslyLanded;
        if (snapshots.Count == 0 || snapshots.Any(s => s.Dataset != snapshots[0].Dataset))
        {
            throw new ArgumentException("one or more snapshots of one dataset are needed", nameof(snapshots));
        }

        var curatedList = curated as IReadOnlyCollection<Entity> ?? curated.ToList();
        var earlierList = importedEarlier as IReadOnlyCollection<Entity> ?? importedEarlier.ToList();
        var dataset = snapshots[0].Dataset;
        var snapshotOf = new Dictionary<DatasetRecord, DatasetSnapshot>(ReferenceEqualityComparer.Instance);
        foreach (var s in snapshots)
        {
            foreach (var record in s.Records)
            {
                snapshotOf.TryAdd(record, s);
            }
        }

        // The latest record of each key stands for the key: the store keeps it for later imports to resolve with.
        var latest = new Dictionary<string, DatasetRecord>(StringComparer.Ordinal);
        foreach (var record in snapshots.SelectMany(s => s.Records))
        {
            latest[record.Key] = record;
        }

        var joint = otherDatasets.Where(o => o.Dataset != dataset)
            .Concat(latest.Values.Select(r => new SourcedRecord(dataset, r)))
            .Where(r => r.Record.Subject == EntityKind.Model)
            .OrderBy(r => r.Dataset, StringComparer.Ordinal)
            .ThenBy(r => r.Record.Key, StringComparer.Ordinal)
            .ToList();
        var resolution = new ModelResolver(curatedList).Resolve(joint);
        var ownResolution = new Dictionary<string, RecordResolution>(StringComparer.Ordinal);
        foreach (var r in resolution.Records.Where(r => r.Dataset == dataset))
        {
            ownResolution[r.Record.Key] = r;
        }

        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        var snapshotSources = snapshots.ToDictionary(s => s, SourceOf, (IEqualityComparer<DatasetSnapshot>)ReferenceEqualityComparer.Instance);
        var facts = new List<Fact>(snapshots.Sum(s => s.Records.Sum(r => r.Values.Count)));
        var aliases = new List<EntityAlias>();
        var unresolved = new List<UnresolvedRecord>();
        var landed = new Dictionary<string, LandedRecord>(StringComparer.Ordinal);
        var relanded = new List<LandedRecord>();

        // Records mostly share their values' own scopes and their provider and offering: merging the offering in
        // builds and sorts a new scope, so once for each such combination in the whole import, not per record.
        var mergedScopes = new Dictionary<(Scope Own, string? Provider, string? Offering), Scope>();

        void AddFacts(DatasetRecord record, string entity, RecordResolution? resolution)
        {
            var snapshot = snapshotOf[record];
            var snapshotSource = snapshotSources[snapshot];
            var provider = resolution?.Record.Provider;
            var offering = provider is null ? null : Offering(provider, resolution!.IsFirstParty);
            foreach (var value in record.Values)
            {
                var source = value.Source ?? snapshotSource;
                sources.TryAdd(source.Id, source);
                var own = value.Scope ?? Scope.Empty;
                if (!mergedScopes.TryGetValue((own, provider, offering), out var scope))
                {
                    mergedScopes[(own, provider, offering)] = scope = provider is null
                        ? own
                        : Merge(own, [KeyValuePair.Create("provider", provider), KeyValuePair.Create("offering", offering!)]);
                }

                var period = value.Period ?? Period.Instant(snapshot.Date);
                facts.Add(new Fact(entity, value.MetricId, scope, period, value.Value, value.Obtained, source.Id, value.Quote, Note: value.Note, Origin: record.Key));
            }
        }

        void AddAliases(RecordResolution r)
        {
            aliases.Add(new EntityAlias(r.ModelId!, r.Record.ModelId));
            if (r.Record.ModelName is { } name)
            {
                aliases.Add(new EntityAlias(r.ModelId!, name));
            }
        }

        foreach (var r in resolution.Records)
        {
            if (r.ModelId is null)
            {
                if (r.Dataset == dataset)
                {
                    unresolved.Add(new UnresolvedRecord(dataset, r.Record.Key, r.Record.ModelName ?? r.Record.ModelId, r.Record.Provider, r.Message ?? r.Reason?.ToString() ?? "unresolved"));
                }

                continue;
            }

            AddAliases(r);
            var landing = new LandedRecord(r.Record.Key, r.ModelId, r.Dataset == dataset ? null : r.Dataset, OfferingOf(r));
            if (r.Dataset == dataset)
            {
                landed[r.Record.Key] = landing;
            }
            else
            {
                relanded.Add(landing);
            }
        }

        // Every record of a key, in every snapshot, lands where the key's latest record does.
        foreach (var record in snapshots.SelectMany(s => s.Records).Where(r => r.Subject == EntityKind.Model))
        {
            if (ownResolution.GetValueOrDefault(record.Key) is { ModelId: not null } r)
            {
                AddFacts(record, r.ModelId, r);
            }
        }

        var organisations = new OrganisationLanding(curatedList, earlierList);
        var products = curatedList.Where(e => e.Kind == EntityKind.Product).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var record in snapshots.SelectMany(s => s.Records).Where(r => r.Subject == EntityKind.Product))
        {
            // A product record names a curated product by id; one the curated data lacks stays on its company.
            var product = products.Contains(record.ModelId) ? record.ModelId : organisations.Land(record.Organization);
            if (product is null)
            {
                unresolved.Add(new UnresolvedRecord(dataset, record.Key, record.ModelId, record.Provider, "no curated product and no company name"));
                continue;
            }

            landed[record.Key] = new LandedRecord(record.Key, product);
            AddFacts(record, product, null);
        }

        foreach (var record in snapshots.SelectMany(s => s.Records).Where(r => r.Subject == EntityKind.Organisation))
        {
            if (organisations.Land(record.ModelName ?? record.ModelId) is not { } organisation)
            {
                unresolved.Add(new UnresolvedRecord(dataset, record.Key, record.ModelName ?? record.ModelId, record.Provider, "no organisation name"));
                continue;
            }

            landed[record.Key] = new LandedRecord(record.Key, organisation);
            AddFacts(record, organisation, null);
        }

        var curatedIds = curatedList.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var defined = snapshots.SelectMany(s => s.Entities)
            .DistinctBy(e => e.Id, StringComparer.Ordinal)
            .Where(e => !curatedIds.Contains(e.Id))
            .ToList();
        foreach (var entity in defined)
        {
            aliases.AddRange(entity.Aliases.Append(entity.Name.En).Select(a => new EntityAlias(entity.Id, a)));
        }

        // Two records may state the same thing (LiteLLM lists deepseek-chat under two keys): one fact.
        var distinct = new IdentifiedFacts();
        foreach (var fact in facts)
        {
            distinct.Add(fact);
        }

        var last = snapshots[^1];
        var version = snapshots.Count == 1 ? last.Version : $"{snapshots[0].Version} … {last.Version} ({snapshots.Count} snapshots)";
        return new ImportBatch(
            dataset,
            version,
            [.. snapshotSources.Values, .. sources.Values.Where(s => !snapshotSources.Values.Any(own => own.Id == s.Id))],
            [.. resolution.NewOrganisations, .. organisations.Created, .. resolution.NewModels, .. defined],
            aliases,
            distinct,
            [.. unresolved.DistinctBy(u => u.RecordKey, StringComparer.Ordinal)],
            [.. landed.Values])
        {
            Records = [.. latest.Values.Select(r => r with { Values = [] })],
            Relanded = relanded,
        };
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

    /// <summary>
    /// Who offers the record's figures and how: the developer's own pay-as-you-go API (<c>first-party</c>), a
    /// subscription plan (<c>plan</c>, whoever runs it: a plan's per-token price is not a list price), or
    /// anyone else (<c>reseller</c>).
    /// </summary>
    public static string Offering(string provider, bool isFirstParty) =>
        Organisations.IsPlan(provider) ? "plan" : isFirstParty ? "first-party" : "reseller";

    private static string? OfferingOf(RecordResolution r) =>
        r.Record.Provider is { } provider ? Offering(provider, r.IsFirstParty) : null;

    private static Scope Merge(Scope? scope, List<KeyValuePair<string, string>> extra) =>
        extra.Count == 0 ? scope ?? Scope.Empty : Scope.Of((scope ?? Scope.Empty).Values.Concat(extra));

    private static string Slug(string text) =>
        new(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray());

    private sealed class Progress(IProgress<ImportProgress> target, int total) : IProgress<int>
    {
        public void Report(int value) => target.Report(new ImportProgress(ImportPhase.Storing, value, total));
    }
}
