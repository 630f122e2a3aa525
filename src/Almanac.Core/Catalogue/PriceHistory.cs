using Almanac.Knowledge;
using Almanac.Quantities;

namespace Almanac.Catalogue;

/// <summary>
/// One price of a model as a dataset's successive snapshots showed it: the input, output and
/// cache-read prices (USD per 1M tokens) one offering had from the first snapshot that showed
/// them until the first later snapshot of the dataset that showed others or no longer listed it.
/// </summary>
/// <param name="Scope">The offering: provider, first-party or reseller, variant.</param>
/// <param name="From">The day of the first snapshot that showed this price.</param>
/// <param name="To">The day of the first later snapshot that no longer showed it; null while it is still in force at the dataset's last snapshot.</param>
/// <param name="Input">The input prices in force (one, or several where two records of the model under one offering differ, e.g. dated snapshots); empty when none is listed.</param>
/// <param name="FirstSource">The first snapshot that showed the price.</param>
/// <param name="LastSource">The last snapshot that showed it.</param>
public sealed record PricePeriod(
    string EntityId,
    string Dataset,
    Scope Scope,
    DateOnly From,
    DateOnly? To,
    IReadOnlyList<decimal> Input,
    IReadOnlyList<decimal> Output,
    IReadOnlyList<decimal> CacheRead,
    Source FirstSource,
    Source LastSource)
{
    public string? Provider => Scope["provider"];

    /// <summary>True when the price was in force on <paramref name="day"/>: shown on or before it and not yet replaced.</summary>
    public bool InForceOn(DateOnly day) => From <= day && (To is null || day < To);

    /// <summary>The value of one price metric in this period, for <c>price-input</c>, <c>price-output</c> or <c>price-cache-read</c>.</summary>
    public IReadOnlyList<decimal> Of(string metricId) => metricId switch
    {
        PriceHistory.InputMetric => Input,
        PriceHistory.OutputMetric => Output,
        PriceHistory.CacheReadMetric => CacheRead,
        _ => [],
    };
}

/// <summary>
/// The price history of models, computed from the facts successive snapshots of a dataset
/// (OpenRouter, models.dev, LiteLLM) stated: each fact's period is its snapshot's day, its source
/// the snapshot. A dataset's snapshots are the sources of its price facts, in date order; a
/// model's offering that a snapshot does not list has no price in force from that snapshot on.
/// Curated facts are not snapshots of a dataset and take no part.
/// </summary>
public sealed class PriceHistory
{
    public const string InputMetric = "price-input";
    public const string OutputMetric = "price-output";
    public const string CacheReadMetric = "price-cache-read";

    /// <summary>The price metrics a history reads.</summary>
    public static readonly IReadOnlyList<string> Metrics = [InputMetric, OutputMetric, CacheReadMetric];

    private readonly Dictionary<string, List<PricePeriod>> _byEntity;

    private PriceHistory(Dictionary<string, List<PricePeriod>> byEntity, IReadOnlyDictionary<string, IReadOnlyList<Source>> snapshots)
    {
        _byEntity = byEntity;
        Snapshots = snapshots;
    }

    /// <summary>Each dataset's snapshots, oldest first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Source>> Snapshots { get; }

    /// <summary>Every period, by model, oldest first.</summary>
    public IEnumerable<PricePeriod> Periods => _byEntity.Values.SelectMany(p => p);

    /// <summary>The periods of one model, ordered by dataset, offering and date.</summary>
    public IReadOnlyList<PricePeriod> Of(string entityId) => _byEntity.TryGetValue(entityId, out var periods) ? periods : [];

    /// <summary>The prices of one model in force on <paramref name="day"/>, one per offering and dataset.</summary>
    public IEnumerable<PricePeriod> InForce(string entityId, DateOnly day) => Of(entityId).Where(p => p.InForceOn(day));

    /// <summary>Builds the history from any facts; those of other metrics, curated ones and prices in other units are left out.</summary>
    public static PriceHistory Build(IEnumerable<CatalogueFact> facts)
    {
        var priced = facts
            .Where(f => f.Dataset is not null && Metrics.Contains(f.Fact.MetricId)
                && f.Fact.Value.Quantity is { IsRange: false } q && q.Unit == Unit.UsdPerMillionTokens)
            .ToList();

        // A snapshot is one source; two snapshots of one day stay two, ordered by their label.
        var snapshots = priced
            .GroupBy(f => f.Dataset!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<Source>)g.Select(f => f.Source).DistinctBy(s => s.Id, StringComparer.Ordinal)
                    .OrderBy(s => s.Published).ThenBy(s => s.Id, StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);

        var byEntity = new Dictionary<string, List<PricePeriod>>(StringComparer.Ordinal);
        foreach (var line in priced.GroupBy(f => (f.Fact.EntityId, Dataset: f.Dataset!, f.Fact.Scope)))
        {
            var periods = Line(line.Key.EntityId, line.Key.Dataset, line.Key.Scope, snapshots[line.Key.Dataset], line);
            if (!byEntity.TryGetValue(line.Key.EntityId, out var list))
            {
                byEntity[line.Key.EntityId] = list = [];
            }

            list.AddRange(periods);
        }

        foreach (var list in byEntity.Values)
        {
            list.Sort((a, b) =>
            {
                var order = string.CompareOrdinal(a.Dataset, b.Dataset);
                order = order != 0 ? order : string.CompareOrdinal(a.Scope.Canonical, b.Scope.Canonical);
                return order != 0 ? order : a.From.CompareTo(b.From);
            });
        }

        return new PriceHistory(byEntity, snapshots);
    }

    /// <summary>
    /// One offering's periods: the prices each of the dataset's snapshots shows for it, runs of equal
    /// prices joined; a snapshot that shows none ends the run before it.
    /// </summary>
    private static List<PricePeriod> Line(string entityId, string dataset, Scope scope, IReadOnlyList<Source> snapshots, IEnumerable<CatalogueFact> facts)
    {
        var shown = facts.GroupBy(f => f.Source.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var periods = new List<PricePeriod>();
        (Prices Prices, Source First, Source Last)? run = null;

        void Close(DateOnly? to)
        {
            if (run is { } r)
            {
                periods.Add(new PricePeriod(entityId, dataset, scope, r.First.Published, to, r.Prices.Input, r.Prices.Output, r.Prices.CacheRead, r.First, r.Last));
                run = null;
            }
        }

        foreach (var snapshot in snapshots)
        {
            if (!shown.TryGetValue(snapshot.Id, out var inSnapshot))
            {
                Close(snapshot.Published);
                continue;
            }

            var prices = Prices.Of(inSnapshot);
            if (run is { } current && current.Prices.Equals(prices))
            {
                run = current with { Last = snapshot };
                continue;
            }

            Close(snapshot.Published);
            run = (prices, snapshot, snapshot);
        }

        Close(null);
        return periods;
    }

    /// <summary>The prices one snapshot shows for one offering, each metric's distinct values in order.</summary>
    private sealed record Prices(IReadOnlyList<decimal> Input, IReadOnlyList<decimal> Output, IReadOnlyList<decimal> CacheRead)
    {
        public static Prices Of(List<CatalogueFact> facts) => new(Values(facts, InputMetric), Values(facts, OutputMetric), Values(facts, CacheReadMetric));

        public bool Equals(Prices? other) =>
            other is not null && Input.SequenceEqual(other.Input) && Output.SequenceEqual(other.Output) && CacheRead.SequenceEqual(other.CacheRead);

        public override int GetHashCode() => HashCode.Combine(Input.Count, Output.Count, CacheRead.Count);

        // 3 and 3.00 are one price.
        private static decimal[] Values(List<CatalogueFact> facts, string metric) =>
            facts.Where(f => f.Fact.MetricId == metric).Select(f => f.Fact.Value.Quantity!.Value.Value / 1.000000000000000000000000000000000m)
                .Distinct().Order().ToArray();
    }
}
