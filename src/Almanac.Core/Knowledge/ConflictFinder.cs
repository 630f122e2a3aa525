namespace Almanac.Knowledge;

/// <summary>A fact as one source states it.</summary>
/// <param name="Dataset">The dataset the fact was imported from (its snapshot is the source); null for curated facts.</param>
public sealed record Statement(Fact Fact, Source Source, string? Dataset = null);

/// <summary>Sources that give one measure (entity, metric, scope, time) values that cannot both be true.</summary>
/// <param name="Statements">The latest statement of each publisher, oldest first.</param>
public sealed record Conflict(string EntityId, string MetricId, Scope Scope, IReadOnlyList<Statement> Statements);

/// <summary>
/// Finds where sources disagree about the same thing at the same time. A publisher's newer figure
/// supersedes its own older one (a price cut is a change, not a dispute); different publishers'
/// latest figures are compared, and only where their units allow it.
/// </summary>
public static class ConflictFinder
{
    /// <summary>How far apart two observations of a changing measure may be and still describe the same moment.</summary>
    public const int SameMomentDays = 31;

    // Properties a model has from its release on: sources disagree about them whenever they speak.
    // Everything else (shares, users, revenue, prices) changes, so only figures for the same time compare.
    private static readonly HashSet<string> ModelProperties = new(StringComparer.Ordinal)
    {
        "parameters-total", "parameters-active", "context-window", "max-output-tokens", "training-tokens",
        "training-compute", "training-dataset-size", "release-date", "licence", "open-weights", "knowledge-cutoff",
        "developer", "country",
    };

    public static IReadOnlyList<Conflict> Find(IEnumerable<Statement> statements) =>
        statements
            .GroupBy(s => (s.Fact.EntityId, s.Fact.MetricId, s.Fact.Scope.Canonical))
            .SelectMany(group => ModelProperties.Contains(group.Key.MetricId) ? [group.ToList()] : SameMoment(group))
            .Select(LatestPerPublisher)
            .Where(latest => latest.Count > 1 && Disagree(latest))
            .Select(latest => new Conflict(latest[0].Fact.EntityId, latest[0].Fact.MetricId, latest[0].Fact.Scope, latest))
            .OrderBy(c => c.EntityId, StringComparer.Ordinal)
            .ThenBy(c => c.MetricId, StringComparer.Ordinal)
            .ThenBy(c => c.Scope.Canonical, StringComparer.Ordinal)
            .ThenBy(c => c.Statements[0].Fact.Period.Start)
            .ToList();

    /// <summary>Clusters statements whose periods overlap or lie within <see cref="SameMomentDays"/> of each other.</summary>
    private static IEnumerable<List<Statement>> SameMoment(IEnumerable<Statement> group)
    {
        List<Statement>? cluster = null;
        var clusterEnd = DateOnly.MinValue;
        foreach (var statement in group.OrderBy(s => s.Fact.Period.Start).ThenBy(s => s.Fact.Period.End))
        {
            if (cluster is not null && statement.Fact.Period.Start.DayNumber - clusterEnd.DayNumber <= SameMomentDays)
            {
                cluster.Add(statement);
                clusterEnd = statement.Fact.Period.End > clusterEnd ? statement.Fact.Period.End : clusterEnd;
                continue;
            }

            if (cluster is not null)
            {
                yield return cluster;
            }

            cluster = [statement];
            clusterEnd = statement.Fact.Period.End;
        }

        if (cluster is not null)
        {
            yield return cluster;
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
