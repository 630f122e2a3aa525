using Almanac.Knowledge;
using Almanac.Periods;

namespace Almanac.Checking.Judging;

/// <summary>What a figure measures: entity, metric and full scope. Claims of one measure share a bucket.</summary>
internal readonly record struct MeasureKey(string EntityId, string MetricId, string Scope)
{
    public static MeasureKey? Of(Claim claim) =>
        claim is { EntityId: { } entity, MetricId: { } metric, Quantity: not null } ? new MeasureKey(entity, metric, claim.Scope.Canonical) : null;
}

/// <summary>
/// The document's figures bucketed by what they measure, built once per judging run and shared by
/// the document rules, so each rule looks a figure's partners up instead of pairing every figure
/// with every other: checking stays linear in the size of a note.
/// </summary>
internal sealed class Measures
{
    private readonly Dictionary<MeasureKey, List<int>> _byMeasure = [];

    public Measures(IReadOnlyList<Claim> claims)
    {
        Claims = claims;
        for (var k = 0; k < claims.Count; k++)
        {
            if (MeasureKey.Of(claims[k]) is { } key)
            {
                if (!_byMeasure.TryGetValue(key, out var list))
                {
                    _byMeasure[key] = list = [];
                }

                list.Add(k);
            }
        }
    }

    public IReadOnlyList<Claim> Claims { get; }

    private Dictionary<string, List<int>>? _levelsByEntity;
    private Dictionary<int, List<int>>? _byLine;

    /// <summary>
    /// The dated levels of an entity with a metric (<see cref="Figures.IsLevel"/>), in document order: what
    /// growth and CAGR rules pair a rate with, looked up instead of scanning every figure per rate.
    /// </summary>
    public IReadOnlyList<int> LevelsOf(string entityId)
    {
        _levelsByEntity ??= Index(c => Figures.IsLevel(c) && c.EntityId is not null && c.MetricId is not null && c.Period is not null, c => c.EntityId!);
        return _levelsByEntity.GetValueOrDefault(entityId) ?? (IReadOnlyList<int>)[];
    }

    /// <summary>The figures written on one line (a table row, a sentence's line), in document order.</summary>
    public IReadOnlyList<int> OnLine(int line)
    {
        _byLine ??= Index(_ => true, c => c.Span.Line);
        return _byLine.GetValueOrDefault(line) ?? (IReadOnlyList<int>)[];
    }

    private Dictionary<TKey, List<int>> Index<TKey>(Func<Claim, bool> wanted, Func<Claim, TKey> key)
        where TKey : notnull
    {
        var index = new Dictionary<TKey, List<int>>();
        for (var k = 0; k < Claims.Count; k++)
        {
            if (wanted(Claims[k]))
            {
                var at = key(Claims[k]);
                if (!index.TryGetValue(at, out var list))
                {
                    index[at] = list = [];
                }

                list.Add(k);
            }
        }

        return index;
    }

    private const string PathSeparator = " › ";

    private HashSet<int>? _headings;

    /// <summary>
    /// The figures written in a heading: those whose text is a step of another figure's heading
    /// path. Found once, from the set of every path step of the document.
    /// </summary>
    public IReadOnlySet<int> Headings => _headings ??= FindHeadings();

    private HashSet<int> FindHeadings()
    {
        var steps = Claims.SelectMany(c => c.Context.Split(PathSeparator)).Select(s => s.Trim()).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, Claims.Count)
            .Where(k => Claims[k].Sentence.Trim() is { Length: > 0 } text && steps.Contains(text) && !Claims[k].Context.Split(PathSeparator).Any(s => s.Trim() == text))
            .ToHashSet();
    }

    /// <summary>Every bucket of two or more figures, in document order of their first figure.</summary>
    public IEnumerable<(MeasureKey Key, IReadOnlyList<int> Claims)> Buckets =>
        _byMeasure.Where(kv => kv.Value.Count > 1).OrderBy(kv => kv.Value[0]).Select(kv => (kv.Key, (IReadOnlyList<int>)kv.Value));

    /// <summary>The figures of one measure, in document order.</summary>
    public IReadOnlyList<int> Of(string entityId, string metricId, Scope scope) =>
        _byMeasure.GetValueOrDefault(new MeasureKey(entityId, metricId, scope.Canonical)) ?? (IReadOnlyList<int>)[];

    /// <summary>
    /// A key for the moment a figure describes, or null when it describes no single moment: a flow's
    /// period as stated, a stock's instant (a day or a month; a stock dated only to a quarter or a
    /// year was read at some moment of it, not one), or for a funding round's figures the round
    /// itself. A model property holds from release on, so its moment is the model's.
    /// </summary>
    public static string? Moment(Claim claim, Metric? metric)
    {
        if (claim.MetricId is { } id && FactMatching.ModelProperties.Contains(id))
        {
            return "model";
        }

        // A round happens once: its figures describe one moment however they are dated (the round
        // is part of the scope, so this key only joins figures of one round).
        if (claim.Scope["round"] is not null && (metric is { AtInstant: true } || claim.Period is null))
        {
            return "round";
        }

        if (claim.Period is not { } period)
        {
            return null;
        }

        if (metric is { AtInstant: true })
        {
            return period.Kind is PeriodKind.Instant or PeriodKind.Day or PeriodKind.Month ? period.ToString() : null;
        }

        // A span such as a note's "2023–2026" is the time a series covers: levels dated within it
        // are a series, not one measure. A rate over a span (a CAGR) describes the span itself.
        return period.Kind == PeriodKind.Range && !SpanMeasures.Contains(claim.MetricId ?? string.Empty) ? null : period.ToString();
    }

    /// <summary>Measures whose one value describes a whole span of periods (a CAGR over 2025–2034).</summary>
    public static readonly HashSet<string> SpanMeasures = new(StringComparer.Ordinal) { "cagr", "growth", "yoy-growth" };
}
