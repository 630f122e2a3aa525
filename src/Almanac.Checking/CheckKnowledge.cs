using Almanac.Knowledge;

namespace Almanac.Checking;

/// <summary>
/// What a check judges by: the entities and metrics (to understand the text) and the sourced
/// facts (to compare figures with), taken from the store once per run.
/// </summary>
public sealed class CheckKnowledge
{
    public CheckKnowledge(IEnumerable<Entity> entities, IEnumerable<Metric> metrics, IEnumerable<Statement> statements)
    {
        Names = new KnowledgeBase(entities, metrics, [], []);
        Statements = statements.ToList();
        ByEntity = Statements.GroupBy(s => s.Fact.EntityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Statement>)g.ToList(), StringComparer.Ordinal);
        Currencies = new CurrencyConverter(Statements.Select(s => s.Fact));
    }

    /// <summary>Entities and metrics, with name lookup in both languages.</summary>
    public KnowledgeBase Names { get; }

    public IReadOnlyList<Statement> Statements { get; }

    /// <summary>Statements by entity id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Statement>> ByEntity { get; }

    public CurrencyConverter Currencies { get; }

    public IReadOnlyList<Statement> About(string entityId) => ByEntity.GetValueOrDefault(entityId) ?? [];

    /// <summary>How a metric's figures relate to time, as its definition declares (a stock standing about a month where it declares nothing).</summary>
    public MetricTiming TimingOf(string metricId) => Names.Metric(metricId)?.Time ?? MetricTiming.Default;
}
