using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Text;

namespace Almanac.Checking.Judging;

/// <summary>
/// What the rules judge by during one run: the knowledge as of a date (facts whose source was
/// published by then), exchange rates from those facts only, and name lookups.
/// </summary>
internal sealed class JudgingContext
{
    private readonly Dictionary<string, IReadOnlyList<Statement>> _byEntity;
    private readonly Dictionary<string, Source> _sourceByFact;

    public JudgingContext(CheckKnowledge knowledge, DateOnly? asOf)
    {
        Knowledge = knowledge;
        AsOf = asOf;
        var visible = knowledge.Statements.Where(s => asOf is not { } day || s.Source.Published <= day).ToList();
        _byEntity = visible.GroupBy(s => s.Fact.EntityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Statement>)g.ToList(), StringComparer.Ordinal);
        _sourceByFact = visible
            .Where(s => s.Fact.MetricId == "exchange-rate")
            .GroupBy(s => s.Fact.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Source, StringComparer.Ordinal);
        Currencies = asOf is null ? knowledge.Currencies : new CurrencyConverter(visible.Select(s => s.Fact));
        _prices = new Lazy<PriceHistory>(() => PriceHistory.Build(visible.Where(s => s.Dataset is not null).Select(s => new CatalogueFact(s.Fact, s.Source, s.Dataset))));
    }

    private readonly Lazy<PriceHistory> _prices;

    /// <summary>The price history of the dataset snapshots visible to this run.</summary>
    public PriceHistory Prices => _prices.Value;

    public CheckKnowledge Knowledge { get; }

    public DateOnly? AsOf { get; }

    public CurrencyConverter Currencies { get; }

    public IReadOnlyList<Statement> About(string entityId) => _byEntity.GetValueOrDefault(entityId) ?? [];

    public Entity? Entity(string? id) => id is null ? null : Knowledge.Names.Entity(id);

    public Metric? Metric(string? id) => id is null ? null : Knowledge.Names.Metric(id);

    /// <summary>The entity and the entities it belongs to, nearest first: its parent chain, then its developer's.</summary>
    public IEnumerable<string> Ancestors(string entityId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { entityId };
        var queue = new Queue<string>();
        queue.Enqueue(entityId);
        while (queue.Count > 0)
        {
            if (Entity(queue.Dequeue()) is not { } entity)
            {
                continue;
            }

            foreach (var up in new[] { entity.Parent, entity.Developer }.OfType<string>())
            {
                if (seen.Add(up))
                {
                    yield return up;
                    queue.Enqueue(up);
                }
            }
        }
    }

    /// <summary>
    /// Whether the knowledge base supports a claim on its own, asked by document rules to tell the
    /// wrong figure of an inconsistent pair from its innocent partner. Set by the judge, memoised.
    /// </summary>
    public Func<Claim, bool> SupportedByKnowledge { get; set; } = _ => false;

    /// <summary>The document's figures bucketed by measure, built once by the judge for every document rule.</summary>
    public Measures Measures { get; set; } = new([]);

    /// <summary>The source of an exchange-rate fact used for a conversion.</summary>
    public Source? RateSource(Fact rate) => _sourceByFact.GetValueOrDefault(rate.Id);

    /// <summary>The language a claim was written in, for writing figures back the way the note does.</summary>
    public static Language LanguageOf(Claim claim) =>
        (claim.Text + claim.Sentence).Any(c => c is >= '\u4e00' and <= '\u9fff') ? Language.Zh : Language.En;
}
