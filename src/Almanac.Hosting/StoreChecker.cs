using Almanac.Checking;
using Almanac.Knowledge;
using Almanac.Storage;

namespace Almanac.Hosting;

/// <summary>
/// The checking pipeline over a store: names from every entity the store knows (the curated ones first,
/// then the catalogue's models and their aliases), facts from the store. Building it indexes every name,
/// which costs far more than checking a note: build one per knowledge snapshot (a command's run, a
/// server's store generation) and check every document with it.
/// </summary>
public static class StoreChecker
{
    /// <summary>A checker that reads names from <paramref name="store"/> now and the facts about an entity from it the first time a document names it.</summary>
    public static DocumentChecker Create(IKnowledgeStore store, DateOnly? asOf, string language)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Create(store.Entities(), store.CuratedEntities(), store.Metrics(), ids => store.Facts(new FactQuery(EntityIds: ids)), asOf, language);
    }

    /// <summary>A checker over names already read and a way to fetch the stored facts about some entities.</summary>
    /// <param name="entities">Every entity of the store, with the aliases imports gave them.</param>
    /// <param name="curatedEntities">Those the curated data files define: their names win a collision.</param>
    public static DocumentChecker Create(
        IReadOnlyList<Entity> entities,
        IReadOnlyList<Entity> curatedEntities,
        IReadOnlyList<Metric> metrics,
        Func<IReadOnlyCollection<string>, IReadOnlyList<StoredFact>> factsAbout,
        DateOnly? asOf = null,
        string language = "auto")
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(curatedEntities);
        ArgumentNullException.ThrowIfNull(factsAbout);
        var names = DocumentChecker.Names(
            Merge(entities, curatedEntities),
            metrics,
            curatedEntities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal));
        return new DocumentChecker(names, ids => factsAbout(ids).Select(f => new Statement(f.Fact, f.Source, f.Dataset)), asOf, language);
    }

    /// <summary>The store's entities, with the curated ones first (and present even if the list lacks them).</summary>
    private static List<Entity> Merge(IReadOnlyList<Entity> all, IReadOnlyList<Entity> curated)
    {
        var ids = all.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var curatedIds = curated.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return all.Where(e => curatedIds.Contains(e.Id)).Concat(curated.Where(e => !ids.Contains(e.Id))).Concat(all.Where(e => !curatedIds.Contains(e.Id))).ToList();
    }
}
