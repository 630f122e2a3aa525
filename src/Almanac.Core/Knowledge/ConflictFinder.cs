using Almanac.Periods;

namespace Almanac.Knowledge;

/// <summary>A fact as one source states it.</summary>
/// <param name="Dataset">The dataset the fact was imported from (its snapshot is the source); null for curated facts.</param>
public sealed record Statement(Fact Fact, Source Source, string? Dataset = null);

/// <summary>Sources that give one measure (entity, metric, scope, time) values that cannot both be true.</summary>
/// <param name="Statements">The latest statement of each publisher, oldest first.</param>
public sealed record Conflict(string EntityId, string MetricId, Scope Scope, IReadOnlyList<Statement> Statements);

/// <summary>
/// Finds where sources disagree about the same thing at the same moment. What a moment is comes
/// from the metric's declared timing (<c>data/metrics.yaml</c>): a property of a model is one
/// moment whenever it is stated; a flow only over the identical period (2023 and 2024 shares, or a
/// half-year and its full year, are a history, not a dispute); a stock at instants within the
/// window of the first of them, never chained on (a monthly series is not one moment), and
/// a stock stated for a longer period only against the identical period. A publisher's newer figure
/// supersedes its own older one (a price cut is a change, not a dispute); different publishers'
/// latest figures are compared, within their stated precision, and only where their units allow it.
/// </summary>
public static class ConflictFinder
{
    public static IReadOnlyList<Conflict> Find(IEnumerable<Statement> statements, IEnumerable<Metric> metrics)
    {
        var timings = metrics.ToDictionary(m => m.Id, m => m.Time, StringComparer.Ordinal);
        return statements
            .GroupBy(s => (s.Fact.EntityId, s.Fact.MetricId, s.Fact.Scope.Canonical))
            .SelectMany(group => SameMoment(group, timings.GetValueOrDefault(group.Key.MetricId) ?? MetricTiming.Default))
            .Select(LatestPerPublisher)
            .Where(latest => latest.Count > 1 && Disagree(latest))
            .Select(latest => new Conflict(latest[0].Fact.EntityId, latest[0].Fact.MetricId, latest[0].Fact.Scope, latest))
            .OrderBy(c => c.EntityId, StringComparer.Ordinal)
            .ThenBy(c => c.MetricId, StringComparer.Ordinal)
            .ThenBy(c => c.Scope.Canonical, StringComparer.Ordinal)
            .ThenBy(c => c.Statements[0].Fact.Period.Start)
            .ToList();
    }

    private static IEnumerable<List<Statement>> SameMoment(IEnumerable<Statement> group, MetricTiming timing)
    {
        if (timing.Kind == TemporalKind.Property)
        {
            return [group.ToList()];
        }

        var byPeriod = group.GroupBy(s => s.Fact.Period);
        if (timing.Kind == TemporalKind.Flow)
        {
            return byPeriod.Select(p => p.ToList());
        }

        // A figure that stands until the next (a list price) speaks for its whole window: two
        // catalogues' snapshots weeks apart describe one list. A figure that moves week by week (a
        // run-rate, a user count) is one moment only with reports days apart: a monthly series is a history.
        var window = timing.UntilNext ? timing.WindowDays : Math.Min(timing.WindowDays, ReportingLagDays);
        return byPeriod.Where(p => p.Key.Kind != PeriodKind.Instant).Select(p => p.ToList())
            .Concat(Instants(group.Where(s => s.Fact.Period.Kind == PeriodKind.Instant), window));
    }

    /// <summary>How many days apart outlets report the same announcement.</summary>
    public const int ReportingLagDays = 7;

    /// <summary>
    /// Groups instants lying within <paramref name="windowDays"/> of the first of their group: the
    /// window is anchored, so figures a month apart each month never chain into one moment.
    /// </summary>
    private static IEnumerable<List<Statement>> Instants(IEnumerable<Statement> instants, int windowDays)
    {
        List<Statement>? moment = null;
        var first = DateOnly.MinValue;
        foreach (var statement in instants.OrderBy(s => s.Fact.Period.Start))
        {
            if (moment is not null && statement.Fact.Period.Start.DayNumber - first.DayNumber <= windowDays)
            {
                moment.Add(statement);
                continue;
            }

            if (moment is not null)
            {
                yield return moment;
            }

            moment = [statement];
            first = statement.Fact.Period.Start;
        }

        if (moment is not null)
        {
            yield return moment;
        }
    }

    private static List<Statement> LatestPerPublisher(IEnumerable<Statement> group) =>
        group
            .GroupBy(s => s.Source.Publisher, StringComparer.OrdinalIgnoreCase)
            .Select(p => p.OrderByDescending(s => s.Source.Published).ThenByDescending(s => s.Fact.Period.End).First())
            .OrderBy(s => s.Source.Published)
            .ThenBy(s => s.Source.Publisher, StringComparer.Ordinal)
            .ToList();

    private static bool Disagree(List<Statement> latest) =>
        latest.Any(a => latest.Any(b => Agreement.Compare(a.Fact.Value, b.Fact.Value) == Agreement.Verdict.Disagree));
}
