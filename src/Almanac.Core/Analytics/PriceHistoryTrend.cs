using Almanac.Catalogue;
using Almanac.Knowledge;

namespace Almanac.Analytics;

/// <summary>The median input price in force of one tier's models on one snapshot day, in USD per 1M tokens.</summary>
public sealed record TierPriceInForce(CapabilityTier Tier, DateOnly Day, int Models, decimal MedianInput, IReadOnlyList<Source> Sources);

/// <summary>One price change of a model's offering: the old and new input and output prices and the snapshot that first showed the new ones.</summary>
public sealed record PriceChange(string EntityId, string? Provider, string Dataset, DateOnly Day, decimal? OldInput, decimal? NewInput, decimal? OldOutput, decimal? NewOutput, Source Snapshot);

/// <summary>
/// Prices over time from actual price changes: what successive dataset snapshots show in force,
/// not each model's price today placed at its release.
/// </summary>
/// <remarks>
/// A model's price on a day is its lowest plain input price in force (no variant such as a free tier
/// or batch price), the developer's own where a dataset gives one, else a reseller's. Models without
/// a capability tier are left out.
/// </remarks>
public static class PriceHistoryTrend
{
    /// <summary>Per tier, the median price in force on each snapshot day with at least <paramref name="minimumModels"/> priced models.</summary>
    public static IReadOnlyList<TierPriceInForce> MedianByTier(PriceHistory history, IReadOnlyDictionary<string, Entity> entities, int minimumModels = 3)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(entities);
        var days = history.Snapshots.Values.SelectMany(s => s).Select(s => s.Published).Distinct().Order().ToList();
        var tiered = history.Periods.Where(p => p.Scope["variant"] is null && p.Input.Count > 0 && p.Input[0] > 0)
            .GroupBy(p => p.EntityId, StringComparer.Ordinal)
            .Select(g => (Tier: entities.TryGetValue(g.Key, out var e) ? CapabilityTiers.Of(e) : null, Periods: g.ToList()))
            .Where(m => m.Tier is not null)
            .ToList();
        var points = new List<TierPriceInForce>();
        foreach (var day in days)
        {
            var prices = new List<(CapabilityTier Tier, decimal Price, Source Source)>();
            foreach (var (tier, periods) in tiered)
            {
                var inForce = periods.Where(p => p.InForceOn(day)).ToList();
                var own = inForce.Where(p => p.Scope["offering"] == "first-party").ToList();
                var chosen = (own.Count > 0 ? own : inForce).OrderBy(p => p.Input[0]).FirstOrDefault();
                if (chosen is not null)
                {
                    prices.Add((tier!.Value, chosen.Input[0], chosen.FirstSource));
                }
            }

            foreach (var group in prices.GroupBy(p => p.Tier).Where(g => g.Count() >= minimumModels))
            {
                var sorted = group.Select(p => p.Price).Order().ToList();
                var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
                points.Add(new TierPriceInForce(group.Key, day, sorted.Count, median, group.Select(p => p.Source).DistinctBy(s => s.Id, StringComparer.Ordinal).ToList()));
            }
        }

        return points;
    }

    /// <summary>Every change of a plain offering's price between two successive snapshots that both listed it, newest first.</summary>
    public static IReadOnlyList<PriceChange> Changes(PriceHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var changes = new List<PriceChange>();
        foreach (var line in history.Periods.Where(p => p.Scope["variant"] is null).GroupBy(p => (p.EntityId, p.Dataset, p.Scope)))
        {
            var ordered = line.OrderBy(p => p.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (before, after) = (ordered[i - 1], ordered[i]);
                if (before.To == after.From && before.Input.Count == 1 && after.Input.Count == 1 && (before.Input[0] != after.Input[0] || !before.Output.SequenceEqual(after.Output)))
                {
                    changes.Add(new PriceChange(after.EntityId, after.Provider, after.Dataset, after.From, before.Input[0], after.Input[0],
                        before.Output.Count == 1 ? before.Output[0] : null, after.Output.Count == 1 ? after.Output[0] : null, after.FirstSource));
                }
            }
        }

        return changes.OrderByDescending(c => c.Day).ThenBy(c => c.EntityId, StringComparer.Ordinal).ToList();
    }
}
