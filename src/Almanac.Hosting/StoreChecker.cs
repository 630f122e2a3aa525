using Almanac.Checking;
using Almanac.Knowledge;
using Almanac.Storage;

namespace Almanac.Hosting;

/// <summary>The checking pipeline over a store: names from the curated entities, facts from the store.</summary>
public static class StoreChecker
{
    /// <summary>A checker that reads names from <paramref name="store"/> now and the facts about what a document names from it per document.</summary>
    public static DocumentChecker Create(IKnowledgeStore store, DateOnly? asOf, string language)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Create(store.CuratedEntities(), store.Metrics(), ids => store.Facts(new FactQuery(EntityIds: ids)), asOf, language);
    }

    /// <summary>A checker over names already read and a way to fetch the stored facts about some entities.</summary>
    public static DocumentChecker Create(
        IReadOnlyList<Entity> curatedEntities,
        IReadOnlyList<Metric> metrics,
        Func<IReadOnlyCollection<string>, IReadOnlyList<StoredFact>> factsAbout,
        DateOnly? asOf,
        string language)
    {
        ArgumentNullException.ThrowIfNull(factsAbout);
        return new DocumentChecker(curatedEntities, metrics, ids => factsAbout(ids).Select(f => new Statement(f.Fact, f.Source, f.Dataset)), asOf, language);
    }
}
