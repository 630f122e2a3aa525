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
        var batch = Prepare(snapshot, store.Entities());
        progress?.Report(new ImportProgress(ImportPhase.Storing, 0, batch.Facts.Count));
        return store.Import(batch, now, progress is null ? null : new Progress(progress, batch.Facts.Count));
    }

    /// <summary>Resolves the snapshot's records against the known entities and builds what the store takes.</summary>
    public static ImportBatch Prepare(DatasetSnapshot snapshot, IEnumerable<Entity> known)
    {
        var entities = known.ToList();
        var resolution = new ModelResolver(entities).Resolve([snapshot]);
        var source = SourceOf(snapshot);
        var when = Period.Instant(snapshot.Date);
        var facts = new List<Fact>();
        var aliases = new List<EntityAlias>();
        var unresolved = new List<UnresolvedRecord>();
        foreach (var r in resolution.Records)
        {
            if (r.ModelId is not { } model)
            {
                unresolved.Add(new UnresolvedRecord(snapshot.Dataset, r.Record.Key, r.Record.ModelName ?? r.Record.ModelId, r.Record.Provider, r.Message ?? r.Reason?.ToString() ?? "unresolved"));
                continue;
            }

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
            [.. resolution.NewOrganisations, .. resolution.NewModels],
            aliases,
            distinct,
            unresolved);
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
        extra.Count == 0 ? scope ?? Scope.Empty : Scope.Of((scope?.Values ?? []).Concat(extra));

    private static string Slug(string text) =>
        new(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray());

    private sealed class Progress(IProgress<ImportProgress> target, int total) : IProgress<int>
    {
        public void Report(int value) => target.Report(new ImportProgress(ImportPhase.Storing, value, total));
    }
}
