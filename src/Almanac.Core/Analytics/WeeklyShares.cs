using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Analytics;

/// <summary>One entity's share of one week, as stated (a lower bound stays <see cref="Qualifier.AtLeast"/>).</summary>
/// <param name="Sources">The sources that state this value, newest first.</param>
/// <param name="Disagreeing">Other values stated for the same entity and week by older sources, kept beside it.</param>
/// <param name="Note">The note of the newest source's fact (how an estimated share was computed).</param>
public sealed record WeeklyShare(
    string EntityId,
    Period Week,
    decimal Percent,
    Qualifier Qualifier,
    Obtained Obtained,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<WeeklyShare> Disagreeing,
    string? Note)
{
    /// <summary>Whether the share is only a lower bound (summed from a developer's top models only).</summary>
    public bool IsLowerBound => Qualifier is Qualifier.AtLeast or Qualifier.MoreThan;
}

/// <summary>Weekly shares on one basis in one segment, e.g. OpenRouter's token share by developer.</summary>
/// <param name="Weeks">The weeks with at least one share, oldest first.</param>
/// <param name="Shares">The shares, by week and then largest first.</param>
public sealed record WeeklyShareSeries(string Basis, string Segment, IReadOnlyList<Period> Weeks, IReadOnlyList<WeeklyShare> Shares)
{
    /// <summary>The entities, ordered by their share in their latest week, largest first; ties by id.</summary>
    public IReadOnlyList<string> Entities =>
        Shares.GroupBy(s => s.EntityId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(s => s.Week.End)!)
            .OrderByDescending(s => s.Percent)
            .ThenBy(s => s.EntityId, StringComparer.Ordinal)
            .Select(s => s.EntityId)
            .ToList();

    public IReadOnlyList<Source> Sources =>
        Shares.SelectMany(s => s.Sources).DistinctBy(s => s.Id, StringComparer.Ordinal).OrderBy(s => s.Published).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<WeeklyShare> Of(string entityId) => Shares.Where(s => s.EntityId == entityId).OrderBy(s => s.Week.End).ToList();
}

/// <summary>
/// Shares counted week by week on a platform (OpenRouter's token share by developer). Unlike survey
/// shares (<see cref="ShareOverTime"/>), every week is its own moment: weeks are never grouped.
/// </summary>
public static class WeeklyShares
{
    public const string OpenRouter = "openrouter";

    /// <summary>
    /// The <c>market-share</c> facts whose scope is exactly <c>{basis, segment}</c>, as percentages
    /// stated as is, about, estimated or as a lower bound; ranges, upper bounds and forecasts are left out.
    /// For one entity and week, equal values merge their sources; a different value of an older source
    /// goes into <see cref="WeeklyShare.Disagreeing"/>. Values are never averaged.
    /// </summary>
    public static WeeklyShareSeries Build(IEnumerable<SourcedFact> facts, string basis = "tokens", string segment = OpenRouter)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var shares = facts
            .Where(f => f.Fact.MetricId == "market-share"
                && f.Fact.Obtained != Obtained.Forecast
                && f.Fact.Scope.Values.Count == 2 && f.Fact.Scope["basis"] == basis && f.Fact.Scope["segment"] == segment
                && f.Fact.Value.Quantity is { IsRange: false } q && q.Unit == Unit.Percent
                && q.Qualifier is Qualifier.Exact or Qualifier.About or Qualifier.Estimated or Qualifier.AtLeast or Qualifier.MoreThan)
            .GroupBy(f => (f.Fact.EntityId, f.Fact.Period))
            .Select(Observe)
            .OrderBy(s => s.Week.End)
            .ThenByDescending(s => s.Percent)
            .ThenBy(s => s.EntityId, StringComparer.Ordinal)
            .ToList();
        return new WeeklyShareSeries(basis, segment, shares.Select(s => s.Week).Distinct().OrderBy(w => w.End).ToList(), shares);
    }

    private static WeeklyShare Observe(IGrouping<(string EntityId, Period Period), SourcedFact> statements)
    {
        var byValue = statements
            .OrderByDescending(f => f.Source.Published)
            .ThenBy(f => f.Source.Id, StringComparer.Ordinal)
            .GroupBy(f => (f.Fact.Value.Quantity!.Value.Value, f.Fact.Value.Quantity!.Value.Qualifier))
            .Select(g => new WeeklyShare(
                statements.Key.EntityId,
                statements.Key.Period,
                g.Key.Value,
                g.Key.Qualifier,
                g.First().Fact.Obtained,
                g.Select(f => f.Source).DistinctBy(s => s.Id, StringComparer.Ordinal).ToList(),
                [],
                g.First().Fact.Note))
            .ToList();
        return byValue[0] with { Disagreeing = byValue.Skip(1).ToList() };
    }
}
