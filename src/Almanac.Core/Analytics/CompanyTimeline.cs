using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Analytics;

/// <summary>
/// One point of a company's timeline: a revenue run-rate or a post-money valuation at one moment,
/// in the currency it was stated in, with every source that states it.
/// </summary>
/// <param name="MetricId"><c>revenue-run-rate</c> or <c>valuation</c>.</param>
/// <param name="Period">The period of the fact the value is taken from (<c>@2025-09-02</c>, <c>2025-08</c>).</param>
/// <param name="At">The day the point is drawn at: the period's last day.</param>
/// <param name="Round">The funding round a valuation belongs to (<c>series-f</c>), where the fact names one.</param>
/// <param name="Sources">The sources that state this very value, newest first.</param>
/// <param name="Disputed">
/// Another source states another value for the same point (the same round, or the same metric at the
/// same moment, in the same currency): both points are kept and marked, never averaged.
/// </param>
/// <param name="Note">The note of the newest source's fact, where it has one.</param>
public sealed record CompanyPoint(
    string MetricId,
    Period Period,
    DateOnly At,
    decimal Amount,
    string Currency,
    Qualifier Qualifier,
    string? Round,
    IReadOnlyList<Source> Sources,
    bool Disputed,
    string? Note);

/// <summary>A company's revenue run-rate and valuation over time.</summary>
/// <param name="Points">Every point, oldest first; run-rate before valuation on the same day.</param>
public sealed record CompanyTimeline(string EntityId, IReadOnlyList<CompanyPoint> Points)
{
    public IReadOnlyList<CompanyPoint> RunRate => Points.Where(p => p.MetricId == CompanyTimelines.RunRate).ToList();

    public IReadOnlyList<CompanyPoint> Valuation => Points.Where(p => p.MetricId == CompanyTimelines.Valuation).ToList();

    /// <summary>The latest valuation, or null when none is known (for ordering companies).</summary>
    public CompanyPoint? LatestValuation => Valuation is { Count: > 0 } v ? v[^1] : null;

    /// <summary>Every source behind a point, oldest first.</summary>
    public IReadOnlyList<Source> Sources =>
        Points.SelectMany(p => p.Sources).DistinctBy(s => s.Id, StringComparer.Ordinal).OrderBy(s => s.Published).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
}

/// <summary>
/// Builds company timelines from sourced facts.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Only closed rounds: a valuation whose scope carries <c>status</c> (in talks, reported
/// as sought) is not a round's valuation and is left out, as are forecasts and rumours.</item>
/// <item>A fact scoped by anything but <c>round</c> is about a part of the company, not the company.</item>
/// <item>Sources that give the same value (and the same hedge) for the same point merge into one
/// point; sources that give different values are all kept, each marked disputed.</item>
/// </list>
/// </remarks>
public static class CompanyTimelines
{
    public const string RunRate = "revenue-run-rate";
    public const string Valuation = "valuation";

    /// <summary>The metrics a timeline draws.</summary>
    public static readonly IReadOnlyList<string> Metrics = [RunRate, Valuation];

    /// <summary>The timeline of every entity <paramref name="isCompany"/> accepts that has at least one point.</summary>
    public static IReadOnlyList<CompanyTimeline> Build(IEnumerable<SourcedFact> facts, Func<string, bool> isCompany)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(isCompany);
        return facts
            .Where(f => Selects(f.Fact) && isCompany(f.Fact.EntityId))
            .GroupBy(f => f.Fact.EntityId, StringComparer.Ordinal)
            .Select(g => new CompanyTimeline(g.Key, Points(g)))
            .OrderBy(t => t.EntityId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The timeline of one company; empty when nothing is known.</summary>
    public static CompanyTimeline For(string entityId, IEnumerable<SourcedFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new CompanyTimeline(entityId, Points(facts.Where(f => f.Fact.EntityId == entityId && Selects(f.Fact))));
    }

    private static bool Selects(Fact fact) =>
        Metrics.Contains(fact.MetricId, StringComparer.Ordinal)
        && fact.Obtained != Obtained.Forecast
        && fact.Value.Quantity is { IsRange: false, Unit.Dimension: Dimension.Currency, Unit.Currency: not null } quantity
        && quantity.Qualifier is not (Qualifier.Forecast or Qualifier.Speculative)
        && fact.Scope.Values.Keys.All(k => k == "round");

    private static List<CompanyPoint> Points(IEnumerable<SourcedFact> facts) =>
        facts
            // One point is one round's valuation, else one metric at one moment; in one currency.
            .GroupBy(f => (f.Fact.MetricId, Round: f.Fact.Scope["round"], At: f.Fact.Scope["round"] is null ? f.Fact.Period.End : DateOnly.MinValue, Currency: f.Fact.Value.Quantity!.Value.Unit.Currency!))
            .SelectMany(Observe)
            .OrderBy(p => p.At)
            .ThenBy(p => p.MetricId == Valuation ? 1 : 0)
            .ThenBy(p => p.Amount)
            .ToList();

    private static IEnumerable<CompanyPoint> Observe(IEnumerable<SourcedFact> statements)
    {
        var byValue = statements
            .OrderByDescending(f => f.Source.Published)
            .ThenBy(f => f.Source.Kind)
            .ThenBy(f => f.Source.Id, StringComparer.Ordinal)
            .GroupBy(f => (f.Fact.Value.Quantity!.Value.Value, f.Fact.Value.Quantity!.Value.Qualifier))
            .ToList();
        var disputed = byValue.Count > 1;
        foreach (var value in byValue)
        {
            // The most precise period any source gives for this value dates the point: a day beats a month.
            var first = value.OrderBy(f => f.Fact.Period.End.DayNumber - f.Fact.Period.Start.DayNumber).First();
            var newest = value.First();
            yield return new CompanyPoint(
                first.Fact.MetricId,
                first.Fact.Period,
                first.Fact.Period.End,
                value.Key.Value,
                first.Fact.Value.Quantity!.Value.Unit.Currency!,
                value.Key.Qualifier,
                first.Fact.Scope["round"],
                value.Select(f => f.Source).DistinctBy(s => s.Id, StringComparer.Ordinal).ToList(),
                disputed,
                newest.Fact.Note);
        }
    }
}
