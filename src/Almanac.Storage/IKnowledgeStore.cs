using Almanac.Knowledge;
using Almanac.Knowledge.Imports;

namespace Almanac.Storage;

/// <summary>
/// Where Almanac keeps its knowledge: a SQLite file by default, a PostgreSQL server when shared.
/// Facts are append-only: a load adds new facts and marks vanished ones retracted, never deletes.
/// </summary>
public interface IKnowledgeStore : IImportTarget, IDisposable
{
    /// <summary>A human description of where the data lives (no password).</summary>
    string Description { get; }

    /// <summary>The fingerprint of the data files last loaded, or null for an empty store.</summary>
    string? LoadedFingerprint();

    /// <summary>
    /// Stores the knowledge base in one transaction: all of it or, on any failure, nothing.
    /// Loading the same data again adds nothing.
    /// </summary>
    LoadSummary Load(KnowledgeBase knowledge, string fingerprint, string origin, DateTimeOffset now);

    /// <summary>The records the latest import of each dataset could not resolve.</summary>
    IReadOnlyList<UnresolvedRecord> Unresolved(string? dataset = null);

    IReadOnlyList<Metric> Metrics();

    IReadOnlyList<StoredFact> Facts(FactQuery query);

    /// <summary>The entities whose id, name or alias is <paramref name="name"/> (compared as <see cref="AliasKey"/>).</summary>
    IReadOnlyList<Entity> FindEntities(string name);

    /// <summary>The metric whose id, name or alias is <paramref name="name"/>, if any.</summary>
    Metric? FindMetric(string name);

    /// <summary>Schema version after migrations.</summary>
    int SchemaVersion();

    /// <summary>
    /// A number that grows with every committed load or import, by this process or another: a
    /// reader that saw a smaller one knows the store has changed since.
    /// </summary>
    long Generation();
}

/// <summary>What a load changed.</summary>
public sealed record LoadSummary(int Added, int Unchanged, int Retracted, int Entities, int Metrics, int Sources);

/// <summary>Filters for <see cref="IKnowledgeStore.Facts"/>; null means no filter.</summary>
/// <param name="EntityIds">Facts about any of these entities.</param>
/// <param name="Within">Facts whose period lies within this period.</param>
/// <param name="AsOf">Facts whose source had been published by this day: what could be known then.</param>
/// <param name="IncludeRetracted">Also facts removed from the data files since they were recorded.</param>
/// <param name="MetricIds">Facts of any of these metrics (with <paramref name="MetricId"/>, of both).</param>
/// <param name="EntityKind">Facts about entities of this kind.</param>
public sealed record FactQuery(
    IReadOnlyCollection<string>? EntityIds = null,
    string? MetricId = null,
    Periods.Period? Within = null,
    DateOnly? AsOf = null,
    bool IncludeRetracted = false,
    IReadOnlyCollection<string>? MetricIds = null,
    EntityKind? EntityKind = null);

/// <summary>A fact as stored: the fact, its source, and when it was recorded (and retracted).</summary>
/// <param name="Dataset">The dataset the fact was imported from; null for curated facts.</param>
public sealed record StoredFact(Fact Fact, LocalizedName EntityName, Source Source, DateTimeOffset RecordedAt, DateTimeOffset? RetractedAt, string? Dataset = null);
