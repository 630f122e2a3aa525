using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Analytics;

/// <summary>First-party list prices of the models of one tier released in one quarter, in USD per 1M tokens.</summary>
/// <param name="Models">Models of the tier released in the quarter with a USD input price.</param>
/// <param name="MedianInput">The median input price (the mean of the middle two for an even count).</param>
/// <param name="MinInput">The lowest input price.</param>
/// <param name="Cheapest">The ids of the models with the lowest input price, in order.</param>
/// <param name="MedianOutput">The median output price of those models that have a USD output price; null when none has.</param>
/// <param name="WithOutput">How many of the models have a USD output price.</param>
/// <param name="Sources">The sources of the prices, oldest first.</param>
public sealed record TierPricePoint(
    CapabilityTier Tier,
    Period Quarter,
    int Models,
    decimal MedianInput,
    decimal MinInput,
    IReadOnlyList<string> Cheapest,
    decimal? MedianOutput,
    int WithOutput,
    IReadOnlyList<Source> Sources);

/// <summary>Price per 1M tokens over time by capability tier, from the model catalogue.</summary>
/// <remarks>
/// A model counts in the quarter it was released, at the price the catalogue lists for it now
/// (its first-party price), which for an older model may be lower than its launch price. Prices in
/// another currency are left out, not converted; models without a tier (<see cref="CapabilityTiers"/>)
/// are left out.
/// </remarks>
public static class PriceTrend
{
    /// <summary>One point per tier and release quarter that has a priced model, by tier and then quarter.</summary>
    public static IReadOnlyList<TierPricePoint> ByTier(IEnumerable<CatalogueRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows
            .Where(r => r.Released is not null && Usd(r.InputPrice) is not null)
            .Select(r => (Row: r, Tier: CapabilityTiers.Of(r.Model)))
            .Where(r => r.Tier is not null)
            .GroupBy(r => (Tier: r.Tier!.Value, Quarter: OpenWeightsShare.QuarterOf(r.Row.Released!.Value)))
            .OrderBy(g => g.Key.Tier)
            .ThenBy(g => g.Key.Quarter.Start)
            .Select(g => Point(g.Key.Tier, g.Key.Quarter, g.Select(r => r.Row).ToList()))
            .ToList();
    }

    private static TierPricePoint Point(CapabilityTier tier, Period quarter, List<CatalogueRow> rows)
    {
        var inputs = rows.Select(r => Usd(r.InputPrice)!.Value).ToList();
        var outputs = rows.Select(r => Usd(r.OutputPrice)).OfType<decimal>().ToList();
        var min = inputs.Min();
        return new TierPricePoint(
            tier,
            quarter,
            rows.Count,
            Median(inputs),
            min,
            rows.Where(r => Usd(r.InputPrice) == min).Select(r => r.Model.Id).Order(StringComparer.Ordinal).ToList(),
            outputs.Count == 0 ? null : Median(outputs),
            outputs.Count,
            rows.SelectMany(r => new[] { r.InputPrice!.Source, Usd(r.OutputPrice) is null ? null : r.OutputPrice!.Source }).OfType<Source>()
                .DistinctBy(s => s.Id, StringComparer.Ordinal).OrderBy(s => s.Published).ThenBy(s => s.Id, StringComparer.Ordinal).ToList());
    }

    private static decimal? Usd(SourcedValue? price) =>
        price?.Value.Quantity is { IsRange: false } q && q.Unit == Unit.UsdPerMillionTokens ? q.Value : null;

    /// <summary>The middle value, or the mean of the middle two.</summary>
    internal static decimal Median(IReadOnlyCollection<decimal> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
