namespace Almanac.Knowledge;

/// <summary>A fact as one source states it.</summary>
public sealed record Statement(Fact Fact, Source Source);

/// <summary>Sources that give one measure (entity, metric, scope) values that cannot both be true.</summary>
/// <param name="Statements">The latest statement of each publisher, oldest publisher first.</param>
public sealed record Conflict(string EntityId, string MetricId, Scope Scope, IReadOnlyList<Statement> Statements);

/// <summary>
/// Finds where sources disagree. A publisher's newer figure supersedes its own older one (a price
/// cut is a change, not a dispute); different publishers' latest figures are compared.
/// </summary>
public static class ConflictFinder
{
    public static IReadOnlyList<Conflict> Find(IEnumerable<Statement> statements) =>
        statements
            .GroupBy(s => (s.Fact.EntityId, s.Fact.MetricId, s.Fact.Scope.Canonical))
            .Select(group => (group.Key, Latest: LatestPerPublisher(group)))
            .Where(g => g.Latest.Count > 1 && !AllAgree(g.Latest))
            .Select(g => new Conflict(g.Key.EntityId, g.Key.MetricId, g.Latest[0].Fact.Scope, g.Latest))
            .OrderBy(c => c.EntityId, StringComparer.Ordinal)
            .ThenBy(c => c.MetricId, StringComparer.Ordinal)
            .ThenBy(c => c.Scope.Canonical, StringComparer.Ordinal)
            .ToList();

    private static List<Statement> LatestPerPublisher(IEnumerable<Statement> group) =>
        group
            .GroupBy(s => s.Source.Publisher, StringComparer.OrdinalIgnoreCase)
            .Select(p => p.OrderByDescending(s => s.Source.Published).ThenByDescending(s => s.Fact.Period.End).First())
            .OrderBy(s => s.Source.Published)
            .ThenBy(s => s.Source.Publisher, StringComparer.Ordinal)
            .ToList();

    private static bool AllAgree(List<Statement> latest) =>
        latest.All(a => latest.All(b => Agreement.Agrees(a.Fact.Value, b.Fact.Value)));
}
