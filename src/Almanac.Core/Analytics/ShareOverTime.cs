using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Analytics;

/// <summary>
/// Share over time by provider: picks the facts of a <see cref="ShareQuery"/> and lines them up
/// on the moments they describe.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>An instant describes its day; a year, half, quarter, month or range its last day, so a
/// survey share for <c>2023</c> and one <c>@2023-12-31</c> describe the same moment.</item>
/// <item>Moments within <see cref="SameMomentDays"/> days of the first of a group are one moment,
/// dated by the latest of them; two different months are never one moment (a monthly series).</item>
/// <item>For one entity at one moment, equal values merge their sources; when values differ, the
/// value of the newest-published source wins and the others go into
/// <see cref="ShareObservation.Disagreeing"/>. Values are never averaged.</item>
/// <item>Only percent values stated as is, about or estimated are used: bounds (more than, up to…),
/// ranges, rumours, fiscal years and forecasts are left out.</item>
/// </list>
/// </remarks>
public static class ShareOverTime
{
    /// <summary>How many days apart two figures may be and still describe one moment.</summary>
    public const int SameMomentDays = 31;

    private static readonly string[] QueryKeys = ["market", "basis"];

    /// <summary>Builds the series of <paramref name="query"/> from <paramref name="facts"/>.</summary>
    public static ShareSeries Build(IEnumerable<SourcedFact> facts, ShareQuery query)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Market);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Basis);
        if (query.Scope?.Keys.FirstOrDefault(k => QueryKeys.Contains(k, StringComparer.Ordinal)) is { } key)
        {
            throw new ArgumentException($"Give '{key}' as the query's {key}, not in its extra scope.", nameof(query));
        }

        var picked = facts.Where(f => Selects(query, f.Fact)).ToList();
        var momentOf = GroupMoments(picked);

        var observations = picked
            .GroupBy(f => (f.Fact.EntityId, At: momentOf[Moment.Of(f.Fact.Period)]))
            .Select(g => Observe(g.Key.EntityId, g.Key.At, g))
            .OrderBy(o => o.At)
            .ThenByDescending(o => o.Percent)
            .ThenBy(o => o.EntityId, StringComparer.Ordinal)
            .ToList();

        return new ShareSeries(query, momentOf.Values.Distinct().Order().ToList(), observations);
    }

    private static bool Selects(ShareQuery query, Fact fact)
    {
        if (fact.MetricId != query.Metric
            || fact.Obtained == Obtained.Forecast
            || fact.Period.Kind == PeriodKind.FiscalYear
            || fact.Value.Quantity is not { IsRange: false } quantity
            || quantity.Unit != Unit.Percent
            || quantity.Qualifier is not (Qualifier.Exact or Qualifier.About or Qualifier.Estimated))
        {
            return false;
        }

        var scope = fact.Scope;
        if (scope["market"] != query.Market || scope["basis"] != query.Basis || (scope["region"] ?? "world") != query.Region)
        {
            return false;
        }

        var extra = query.Scope ?? new Dictionary<string, string>();
        return scope.Values.Keys.All(k => k is "market" or "basis" or "region" || extra.ContainsKey(k))
            && extra.All(kv => kv.Key == "region" || scope[kv.Key] == kv.Value);
    }

    /// <summary>Maps each day a picked fact describes to the moment of the group it falls in.</summary>
    private static Dictionary<DateOnly, DateOnly> GroupMoments(List<SourcedFact> picked)
    {
        var monthEnds = picked.Where(f => f.Fact.Period.Kind == PeriodKind.Month).Select(f => f.Fact.Period.End).ToHashSet();
        var groups = new List<List<DateOnly>>();
        foreach (var day in picked.Select(f => Moment.Of(f.Fact.Period)).Distinct().Order())
        {
            var current = groups.Count > 0 ? groups[^1] : null;
            var joins = current is not null
                && day.DayNumber - current[0].DayNumber <= SameMomentDays
                && !(monthEnds.Contains(day) && current.Any(monthEnds.Contains));
            if (joins)
            {
                current!.Add(day);
            }
            else
            {
                groups.Add([day]);
            }
        }

        return groups.SelectMany(g => g.Select(day => (day, moment: g[^1]))).ToDictionary(p => p.day, p => p.moment);
    }

    private static ShareObservation Observe(string entityId, DateOnly at, IEnumerable<SourcedFact> facts)
    {
        // Newest source first; for one source, the figure for the later period first.
        var ordered = facts
            .OrderByDescending(f => f.Source.Published)
            .ThenByDescending(f => Moment.Of(f.Fact.Period))
            .ThenBy(f => f.Source.Kind)
            .ThenBy(f => f.Source.Id, StringComparer.Ordinal)
            .ToList();

        var byValue = ordered
            .GroupBy(f => f.Fact.Value.Quantity!.Value.Value)
            .Select(g => new ShareObservation(
                entityId,
                g.First().Fact.Period,
                at,
                g.Key,
                g.Select(f => f.Source).DistinctBy(s => s.Id, StringComparer.Ordinal).ToList(),
                []))
            .ToList();

        return byValue[0] with { Disagreeing = byValue.Skip(1).ToList() };
    }
}
