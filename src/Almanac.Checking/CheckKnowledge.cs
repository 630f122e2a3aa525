using Almanac.Knowledge;

namespace Almanac.Checking;

/// <summary>
/// What a check judges by: the entities and metrics (to understand the text) and the sourced
/// facts (to compare figures with), taken from the store once per run.
/// </summary>
public sealed class CheckKnowledge
{
    /// <param name="curatedIds">
    /// The entities the curated data files define, when <paramref name="entities"/> also holds imported ones:
    /// their names win where an imported name collides. Null when every entity is curated.
    /// </param>
    public CheckKnowledge(IEnumerable<Entity> entities, IEnumerable<Metric> metrics, IEnumerable<Statement> statements, IReadOnlySet<string>? curatedIds = null)
        : this(new KnowledgeBase(entities, metrics, [], []), statements, curatedIds)
    {
    }

    /// <summary>The statements about some entities over names already indexed (one <see cref="KnowledgeBase"/> for many documents).</summary>
    public CheckKnowledge(CheckKnowledge names, IEnumerable<Statement> statements)
        : this(names?.Names ?? throw new ArgumentNullException(nameof(names)), statements, names.CuratedIds)
    {
    }

    private CheckKnowledge(KnowledgeBase names, IEnumerable<Statement> statements, IReadOnlySet<string>? curatedIds)
    {
        Names = names;
        CuratedIds = curatedIds;
        Statements = statements.ToList();
        ByEntity = Statements.GroupBy(s => s.Fact.EntityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Statement>)g.ToList(), StringComparer.Ordinal);
        Currencies = new CurrencyConverter(Statements.Select(s => s.Fact));
    }

    /// <summary>Entities and metrics, with name lookup in both languages.</summary>
    public KnowledgeBase Names { get; }

    /// <summary>The curated entities among <see cref="Names"/>, or null when all are.</summary>
    public IReadOnlySet<string>? CuratedIds { get; }

    public IReadOnlyList<Statement> Statements { get; }

    /// <summary>Statements by entity id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Statement>> ByEntity { get; }

    public CurrencyConverter Currencies { get; }

    public IReadOnlyList<Statement> About(string entityId) => ByEntity.GetValueOrDefault(entityId) ?? [];

    /// <summary>How a metric's figures relate to time, as its definition declares (a stock standing about a month where it declares nothing).</summary>
    public MetricTiming TimingOf(string metricId) => Names.Metric(metricId)?.Time ?? MetricTiming.Default;
}
