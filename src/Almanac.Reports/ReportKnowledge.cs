using Almanac.Analytics;
using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Storage;

namespace Almanac.Reports;

/// <summary>
/// The slice of the knowledge base a report reads, fetched once: market facts with their sources,
/// and the model catalogue (curated and imported).
/// </summary>
public sealed class ReportKnowledge
{
    /// <summary>The metrics the market sections draw on.</summary>
    public static readonly IReadOnlyCollection<string> MarketMetrics =
        ["market-share", "respondent-share", "spend", "market-size", "cagr", "revenue-run-rate", "valuation", "arena-score", "benchmark-score", "benchmark-stderr"];

    public ReportKnowledge(IReadOnlyDictionary<string, Entity> entities, IReadOnlyList<SourcedFact> facts, IReadOnlyList<CatalogueRow> catalogue, IReadOnlyList<string> datasets, PriceHistory? prices = null)
    {
        Prices = prices ?? PriceHistory.Build([]);
        Entities = entities;
        Facts = facts;
        Catalogue = catalogue;
        Datasets = datasets;
    }

    public IReadOnlyDictionary<string, Entity> Entities { get; }

    /// <summary>Market facts, company figures and leaderboard results (not model properties), each with its source.</summary>
    public IReadOnlyList<SourcedFact> Facts { get; }

    /// <summary>One row per canonical model.</summary>
    public IReadOnlyList<CatalogueRow> Catalogue { get; }

    /// <summary>Models' prices over the dataset snapshots: what was in force when.</summary>
    public PriceHistory Prices { get; }

    /// <summary>The imported datasets the catalogue includes (empty: curated models only).</summary>
    public IReadOnlyList<string> Datasets { get; }

    /// <summary>What the store held by <paramref name="asOf"/> (everything when null).</summary>
    public static ReportKnowledge Load(IKnowledgeStore store, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(store);
        var entities = store.Entities().ToDictionary(e => e.Id, StringComparer.Ordinal);
        var market = store.Facts(new FactQuery(MetricIds: MarketMetrics, AsOf: asOf));
        var models = store.Facts(new FactQuery(MetricIds: ModelCatalogue.Metrics, EntityKind: EntityKind.Model, AsOf: asOf));
        var catalogue = ModelCatalogue.Build(entities.Values, models.Select(f => new CatalogueFact(f.Fact, f.Source, f.Dataset)), asOf);
        var datasets = models.Select(f => f.Dataset).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var prices = PriceHistory.Build(store.Facts(new FactQuery(MetricIds: PriceHistory.Metrics, EntityKind: EntityKind.Model, AsOf: asOf)).Select(f => new CatalogueFact(f.Fact, f.Source, f.Dataset)));
        return new ReportKnowledge(entities, market.Select(f => new SourcedFact(f.Fact, f.Source)).ToList(), catalogue, datasets, prices);
    }

    /// <summary>
    /// Facts of <paramref name="metric"/> about <paramref name="entityId"/> (any entity when null) whose
    /// scope is exactly <paramref name="scope"/>: a share by spend is not a share by usage.
    /// </summary>
    public IEnumerable<SourcedFact> Select(string metric, string? entityId, params (string Key, string Value)[] scope)
    {
        var wanted = Scope.Of(scope.Select(s => KeyValuePair.Create(s.Key, s.Value)));
        return Facts.Where(f => f.Fact.MetricId == metric
            && (entityId is null || f.Fact.EntityId == entityId)
            && f.Fact.Scope.Equals(wanted)
            && f.Fact.Value.Quantity is not null);
    }
}
