using System.Collections.Concurrent;
using Almanac.Catalogue;
using Almanac.Charts;
using Almanac.Checking;
using Almanac.Hosting;
using Almanac.Knowledge;
using Almanac.Reports;
using Almanac.Reports.Market;
using Almanac.Storage;
using Almanac.Text;

namespace Almanac.Web.Knowledge;

/// <summary>A source and how many current facts cite it.</summary>
internal sealed record SourceUse(Source Source, int Facts);

/// <summary>
/// What the store held at one change: immutable, shared by all requests until the next load or
/// import. Costly parts (sources, conflicts, charts) are built on first use, from the live store;
/// each such read then checks that the store is still at the generation the snapshot was built
/// from, and throws <see cref="StaleSnapshotException"/> when another process changed it meanwhile,
/// so that one answer never mixes two generations (the site answers that request again from a
/// new snapshot).
/// </summary>
internal sealed class KnowledgeSnapshot
{
    // Reports for other as-of dates are kept too, up to this many; past it they are built per request.
    private const int MaxChartSets = 64;

    // Answers to filtered fact queries are kept too, up to this many distinct queries.
    private const int MaxFactQueries = 4096;

    private readonly KnowledgeHost _host;
    private readonly TimeProvider _clock;
    private readonly Lazy<IReadOnlyList<StoredFact>> _facts;
    private readonly Lazy<IReadOnlyList<SourceUse>> _sources;
    private readonly Lazy<IReadOnlyList<Conflict>> _conflicts;
    private readonly Lazy<PriceHistory> _prices;
    private readonly ConcurrentDictionary<(Language, DateOnly?), Lazy<ReportDocument>> _reports = new();
    private readonly ConcurrentDictionary<(MarketView, Language), Lazy<ReportDocument>> _views = new();
    private readonly Lazy<ReportKnowledge> _market;
    private readonly Lazy<DocumentChecker> _checker;
    private readonly ConcurrentDictionary<string, Lazy<string>> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<StoredFact>> _factQueries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<CatalogueRow>>> _orderedCatalogue = new(StringComparer.Ordinal);

    private KnowledgeSnapshot(long generation, long storeGeneration, KnowledgeHost host, TimeProvider clock, IReadOnlyList<Entity> entities, IReadOnlyList<Entity> curated, IReadOnlyList<Metric> metrics, IReadOnlyList<CatalogueRow> catalogue)
    {
        Generation = generation;
        StoreGeneration = storeGeneration;
        _host = host;
        _clock = clock;
        Entities = entities;
        CuratedEntities = curated;
        Metrics = metrics;
        Names = new KnowledgeBase(entities, metrics, [], []);
        Catalogue = catalogue;
        _facts = new Lazy<IReadOnlyList<StoredFact>>(() => Read(store => store.Facts(new FactQuery())));
        _sources = new Lazy<IReadOnlyList<SourceUse>>(() => _facts.Value
            .GroupBy(f => f.Source.Id, StringComparer.Ordinal)
            .Select(g => new SourceUse(g.First().Source, g.Count()))
            .OrderByDescending(s => s.Source.Published).ThenBy(s => s.Source.Id, StringComparer.Ordinal)
            .ToList());
        _conflicts = new Lazy<IReadOnlyList<Conflict>>(() => ConflictFinder.Find(_facts.Value.Select(f => new Statement(f.Fact, f.Source)), metrics));
        _prices = new Lazy<PriceHistory>(() => Read(Hosting.PriceList.History));
        _market = new Lazy<ReportKnowledge>(() => Read(store => ReportKnowledge.Load(store, null)));

        // The facts about an entity are read once per snapshot, when a note first names it (the checker keeps them).
        _checker = new Lazy<DocumentChecker>(() => StoreChecker.Create(entities, curated, metrics, ids => Read(store => store.Facts(new FactQuery(EntityIds: ids)))));
    }

    /// <summary>
    /// The checking pipeline of this snapshot, built on first use and shared by every check of
    /// <c>/api/check</c> and the Check page until the next load or import.
    /// </summary>
    public DocumentChecker Checker => _checker.Value;

    /// <summary>What the report reads (market facts, company figures, leaderboards, the catalogue), read once per change.</summary>
    public ReportKnowledge Market => _market.Value;

    public long Generation { get; }

    /// <summary>The store's own generation (<see cref="IKnowledgeStore.Generation"/>) when this snapshot was built: every later read must find it unchanged.</summary>
    public long StoreGeneration { get; }

    /// <summary>Every entity, by id.</summary>
    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>The entities the data files define, with their curated names only: what the checker searches a note for.</summary>
    public IReadOnlyList<Entity> CuratedEntities { get; }

    public IReadOnlyList<Metric> Metrics { get; }

    /// <summary>Name lookup over every entity and metric.</summary>
    public KnowledgeBase Names { get; }

    /// <summary>One row per canonical model, curated and imported.</summary>
    public IReadOnlyList<CatalogueRow> Catalogue { get; }

    /// <summary>
    /// The catalogue in one of the orders of <see cref="CatalogueOrder.Sorts"/>, sorted once per
    /// store change rather than on every request. The sort is stable, so filtering this list gives
    /// the same rows in the same order as sorting the filtered rows.
    /// </summary>
    public IReadOnlyList<CatalogueRow> CatalogueBy(string sort)
    {
        if (!CatalogueOrder.Sorts.Contains(sort, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(sort), sort, $"expected one of {string.Join(", ", CatalogueOrder.Sorts)}");
        }

        return _orderedCatalogue.GetOrAdd(sort, s => new Lazy<IReadOnlyList<CatalogueRow>>(() => CatalogueOrder.Apply(Catalogue, s).ToList())).Value;
    }

    /// <summary>Every current fact.</summary>
    public IReadOnlyList<StoredFact> Facts => _facts.Value;

    /// <summary>Every source cited by a current fact, newest first.</summary>
    public IReadOnlyList<SourceUse> Sources => _sources.Value;

    /// <summary>Every model's price history from the dataset snapshots in the store.</summary>
    public PriceHistory Prices => _prices.Value;

    /// <summary>Every conflict among current facts.</summary>
    public IReadOnlyList<Conflict> Conflicts => _conflicts.Value;

    public static KnowledgeSnapshot Build(IKnowledgeStore store, long generation, KnowledgeHost host, TimeProvider clock)
    {
        while (true)
        {
            // The generation is read first and again after the reads: equal, nothing was committed in between.
            var storeGeneration = store.Generation();
            var entities = store.Entities().OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
            var models = store.Facts(new FactQuery(MetricIds: ModelCatalogue.Metrics, EntityKind: EntityKind.Model));
            var curated = store.CuratedEntities();
            var metrics = store.Metrics();
            if (store.Generation() == storeGeneration)
            {
                var catalogue = ModelCatalogue.Build(entities, models.Select(f => new CatalogueFact(f.Fact, f.Source, f.Dataset)));
                return new KnowledgeSnapshot(generation, storeGeneration, host, clock, entities, curated, metrics, catalogue);
            }
        }
    }

    /// <summary>
    /// Reads the live store for this snapshot: what is read is of the snapshot's generation when the store's generation
    /// is unchanged after the read (generations only grow, and every change commits a new one).
    /// </summary>
    /// <exception cref="StaleSnapshotException">The store changed since this snapshot was built.</exception>
    private T Read<T>(Func<IKnowledgeStore, T> read) => _host.Read(store =>
    {
        var value = read(store);
        return store.Generation() == StoreGeneration ? value : throw new StaleSnapshotException(StoreGeneration);
    });

    /// <summary>The facts <paramref name="query"/> selects, read from the store once per distinct query.</summary>
    public IReadOnlyList<StoredFact> Select(FactQuery query)
    {
        if (query == new FactQuery())
        {
            return Facts;
        }

        var key = KeyOf(query);
        if (_factQueries.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = Read(store => store.Facts(query));
        if (_factQueries.Count < MaxFactQueries)
        {
            _factQueries.TryAdd(key, found);
        }

        return found;
    }

    private static string KeyOf(FactQuery q) => string.Join(
        "|",
        q.EntityIds is null ? "*" : string.Join(",", q.EntityIds.Order(StringComparer.Ordinal)),
        q.MetricId ?? "*",
        q.MetricIds is null ? "*" : string.Join(",", q.MetricIds.Order(StringComparer.Ordinal)),
        q.Within is { } within ? within.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "/" + within.End.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "*",
        q.AsOf?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "*",
        q.IncludeRetracted ? "history" : "current",
        q.EntityKind?.ToString() ?? "*");

    /// <summary>
    /// Page content that depends only on this snapshot and the key (the Overview's report in one
    /// language), rendered once and kept until the next load or import.
    /// </summary>
    public string Page(string key, Func<string> render) => _pages.GetOrAdd(key, _ => new Lazy<string>(render)).Value;

    /// <summary>The market report's charts in <paramref name="language"/> from what was published by <paramref name="asOf"/>.</summary>
    public IReadOnlyList<Chart> Charts(Language language, DateOnly? asOf) => Report(language, asOf).Charts.ToList();

    /// <summary>The market report in <paramref name="language"/> from what was published by <paramref name="asOf"/>.</summary>
    public ReportDocument Report(Language language, DateOnly? asOf)
    {
        var key = (language, asOf);
        if (!_reports.TryGetValue(key, out var report))
        {
            var built = new Lazy<ReportDocument>(() => BuildReport(language, asOf));
            report = _reports.Count < MaxChartSets ? _reports.GetOrAdd(key, built) : built;
        }

        return report.Value;
    }

    /// <summary>One view of the report on a page of its own (all companies; the leaderboards), over everything known.</summary>
    public ReportDocument View(MarketView view, Language language) =>
        _views.GetOrAdd((view, language), key => new Lazy<ReportDocument>(() => MarketReport.BuildView(Market, key.Item1, key.Item2, null, _clock.GetUtcNow()))).Value;

    private ReportDocument BuildReport(Language language, DateOnly? asOf)
    {
        var knowledge = asOf is null ? Market : Read(store => ReportKnowledge.Load(store, asOf));
        return MarketReport.Build(knowledge, language, asOf, _clock.GetUtcNow());
    }
}

/// <summary>A snapshot read the store after another process had changed it: the answer would mix two generations.</summary>
internal sealed class StaleSnapshotException(long builtAt)
    : Exception($"the store changed after the snapshot of generation {builtAt} was built")
{
}
