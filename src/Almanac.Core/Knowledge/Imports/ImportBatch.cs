using Almanac.Knowledge;

namespace Almanac.Knowledge.Imports;

/// <summary>
/// Everything one dataset snapshot (or a run of successive snapshots) adds: the snapshots as
/// sources, with the documents rows cite where a dataset cites its own, canonical models and other entities not known
/// before, the names each model goes by in the dataset, the facts (each with its record key in
/// <see cref="Fact.Origin"/>), the records that matched no model, and where every other record landed.
/// </summary>
public sealed record ImportBatch(
    string Dataset,
    string Version,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Entity> NewEntities,
    IReadOnlyList<EntityAlias> Aliases,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<UnresolvedRecord> Unresolved,
    IReadOnlyList<LandedRecord> Landed)
{
    /// <summary>The dataset's records as the store keeps them for later imports to resolve with (values left out).</summary>
    public IReadOnlyList<Catalogue.DatasetRecord> Records { get; init; } = [];

    /// <summary>
    /// Where the records of the other datasets land now that all are resolved together. A stored fact whose
    /// record lands elsewhere than before (another model, or another offering) is retracted and added again there.
    /// </summary>
    public IReadOnlyList<LandedRecord> Relanded { get; init; } = [];
}

/// <summary>A dataset record and the canonical model it landed on.</summary>
/// <param name="Dataset">The record's dataset where it is not the batch's own (a record re-landed by a later import).</param>
/// <param name="Offering">The offering its facts carry in their scope (<c>first-party</c>, <c>reseller</c>, <c>plan</c>), where it has a provider.</param>
public sealed record LandedRecord(string RecordKey, string EntityId, string? Dataset = null, string? Offering = null);

/// <summary>A name an entity goes by in a dataset.</summary>
public sealed record EntityAlias(string EntityId, string Alias);

/// <summary>A dataset record that could not be put on one canonical model, and why.</summary>
public sealed record UnresolvedRecord(string Dataset, string RecordKey, string? ModelName, string? Provider, string Reason);

/// <summary>What an import changed.</summary>
/// <param name="Added">Facts new to the store.</param>
/// <param name="Unchanged">Facts the store already held from an earlier import of the same snapshot.</param>
/// <param name="Dropped">Values the readers left out as placeholders or impossible figures (a context of 99,999,999).</param>
/// <param name="Moved">Facts of earlier imports moved to another model (retracted and added again there) because the
/// records of all datasets, resolved together, now land their record elsewhere.</param>
public sealed record ImportSummary(int Added, int Unchanged, int NewEntities, int Unresolved, int Dropped = 0, int Moved = 0);

/// <summary>
/// Distinct facts with their ids. An id is a SHA-256 of the fact: the importer computes it to tell duplicates
/// apart, and the store needs it again to tell new facts from stored ones, so it is computed once and carried
/// here (not cached on <see cref="Fact"/>, a record copied with <c>with</c>). The store computes the ids of a
/// batch whose facts are any other list.
/// </summary>
public sealed class IdentifiedFacts : IReadOnlyList<Fact>
{
    private readonly List<(string Id, Fact Fact)> _facts = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>The facts with their ids, in the order added.</summary>
    public IReadOnlyList<(string Id, Fact Fact)> WithIds => _facts;

    public int Count => _facts.Count;

    public Fact this[int index] => _facts[index].Fact;

    /// <summary>Adds the fact unless one with the same id is here already; false then.</summary>
    public bool Add(Fact fact)
    {
        var id = fact.Id;
        if (!_ids.Add(id))
        {
            return false;
        }

        _facts.Add((id, fact));
        return true;
    }

    public IEnumerator<Fact> GetEnumerator() => _facts.Select(f => f.Fact).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
