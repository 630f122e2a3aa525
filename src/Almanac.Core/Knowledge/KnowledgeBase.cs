namespace Almanac.Knowledge;

/// <summary>
/// Entities, metrics, sources and facts, checked to refer to one another, with name lookup in
/// either language. Immutable once built.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, Entity> _entities;
    private readonly Dictionary<string, Metric> _metrics;
    private readonly Dictionary<string, Source> _sources;
    private readonly Dictionary<string, string[]> _entityKeys;
    private readonly Dictionary<string, string> _metricKeys;

    public KnowledgeBase(
        IEnumerable<Entity> entities,
        IEnumerable<Metric> metrics,
        IEnumerable<Source> sources,
        IEnumerable<Fact> facts)
    {
        _entities = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _metrics = metrics.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _sources = sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Facts = facts.ToArray();
        _entityKeys = _entities.Values
            .SelectMany(e => NamesOf(e).Select(name => (Key: AliasKey.Of(name), e.Id)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Id).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _metricKeys = _metrics.Values
            .SelectMany(m => new[] { m.Id, m.Name.En, m.Name.Zh ?? string.Empty }.Concat(m.Aliases)
                .Where(n => n.Length > 0)
                .Select(n => (Key: AliasKey.Of(n), m.Id)))
            .DistinctBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(x => x.Key, x => x.Id, StringComparer.Ordinal);
    }

    public IEnumerable<Entity> Entities => _entities.Values;

    public IEnumerable<Metric> Metrics => _metrics.Values;

    public IEnumerable<Source> Sources => _sources.Values;

    public IReadOnlyList<Fact> Facts { get; }

    public Entity? Entity(string id) => _entities.GetValueOrDefault(id);

    public Metric? Metric(string id) => _metrics.GetValueOrDefault(id);

    public Source? Source(string id) => _sources.GetValueOrDefault(id);

    /// <summary>
    /// The entities a name may mean (id, English or Chinese name, or alias, compared as
    /// <see cref="AliasKey"/>). Empty when none; more than one when the name is ambiguous.
    /// </summary>
    public IReadOnlyList<Entity> ResolveEntity(string name) =>
        _entityKeys.TryGetValue(AliasKey.Of(name), out var ids) ? ids.Select(id => _entities[id]).ToArray() : [];

    /// <summary>The metric a name means, if any.</summary>
    public Metric? ResolveMetric(string name) =>
        _metricKeys.TryGetValue(AliasKey.Of(name), out var id) ? _metrics[id] : null;

    /// <summary>Entities whose names or aliases contain <paramref name="query"/> (compared as <see cref="AliasKey"/>).</summary>
    public IEnumerable<Entity> SearchEntities(string query)
    {
        var key = AliasKey.Of(query);
        return _entities.Values
            .Where(e => NamesOf(e).Any(n => AliasKey.Of(n).Contains(key, StringComparison.Ordinal)))
            .OrderBy(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>Every name an entity answers to: id, English and Chinese names, aliases.</summary>
    public static IEnumerable<string> NamesOf(Entity e)
    {
        yield return e.Id;
        yield return e.Name.En;
        if (!string.IsNullOrEmpty(e.Name.Zh))
        {
            yield return e.Name.Zh;
        }

        foreach (var alias in e.Aliases)
        {
            yield return alias;
        }
    }
}
