using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Checking.Judging;

/// <summary>
/// (c) The same measure for the same moment stated twice with values that cannot both be true:
/// China's 2024 market at 147亿 and at 约209亿. Same measure is same entity, metric and full scope
/// (round, status, basis…); same moment is a flow's identical period or a stock's identical instant
/// (<see cref="Measures.Moment"/>). Values conflict beyond their written precision and qualifiers.
/// Not flagged: a figure the document marks as another source's (另一预测, another estimate), a
/// forecast beside an outcome, a change's from and to, and the sizes of a family in one table cell.
/// Of a conflicting group the figure that is wrong is flagged: the one the others (or the
/// knowledge base) disagree with; between two bare statements, the later restatement.
/// A figure restated with its digits shifted by a power of ten (8.48亿 and 84.8亿, 980T and 98T)
/// is a likely unit slip even when the two are dated to periods one of which contains the other
/// (a year and a day in it, a note's span and a month in it): the later one is flagged.
/// </summary>
internal sealed class SameMeasureRule : IDocumentRule
{
    public string Family => "same-measure-twice";

    /// <summary>How close a ratio of two values must come to a power of ten to read as a unit slip (亿 for 万, B for M).</summary>
    private const decimal SlipTolerance = 0.1m;

    private static readonly decimal[] PowersOfTen = [10m, 100m, 1000m, 10000m];

    public IEnumerable<Finding> Find(IReadOnlyList<Claim> claims, JudgingContext context)
    {
        var headings = context.Measures.Headings;
        foreach (var (key, bucket) in context.Measures.Buckets)
        {
            var metric = context.Metric(key.MetricId);
            var moments = bucket
                .Where(k => Comparable(claims[k]) && !headings.Contains(k))
                .Select(k => (Index: k, Moment: Measures.Moment(claims[k], metric)))
                .Where(x => x.Moment is not null)
                .GroupBy(x => (x.Moment, Forecast: claims[x.Index].Quantity!.Value.Qualifier == Qualifier.Forecast, claims[x.Index].Role));
            foreach (var moment in moments)
            {
                // A line that gives one measure several values is a change, a comparison or a
                // list (from $1B to $5B; 8B, 70B, 405B in one cell), not one value restated,
                // unless it dates each of them itself (2024年…147亿元，2024年约209亿元).
                var members = moment.Select(x => x.Index).GroupBy(k => claims[k].Span.Line)
                    .Where(line => line.Count() == 1 || EachDated(line.Select(k => claims[k]).ToList()))
                    .SelectMany(line => line).ToList();
                if (members.Count < 2)
                {
                    continue;
                }

                foreach (var finding in Conflicts(claims, members, context))
                {
                    yield return finding;
                }
            }

            foreach (var finding in Slips(claims, bucket.Where(k => Comparable(claims[k]) && !headings.Contains(k)).ToList(), metric, context))
            {
                yield return finding;
            }
        }
    }

    /// <summary>
    /// Figures of one measure on different lines, with the same significant digits ten to ten
    /// thousand times apart, dated to periods one within the other but not to one moment (one
    /// moment is <see cref="Conflicts"/>' business). Two figures both dated only to the same span
    /// (a note's 2023–2026) are a series, not a slip.
    /// </summary>
    private static IEnumerable<Finding> Slips(IReadOnlyList<Claim> claims, List<int> bucket, Metric? metric, JudgingContext context)
    {
        foreach (var digits in bucket.Where(k => Figures.Digits(claims[k]) is { Length: >= MinSlipDigits }).GroupBy(k => Figures.Digits(claims[k])).Where(g => g.Count() > 1))
        {
            var group = digits.ToList();
            for (var later = 1; later < group.Count; later++)
            {
                var b = claims[group[later]];
                var earlier = group.Take(later).Where(k => claims[k] is var a && a.Span.Line != b.Span.Line
                    && a.Period is { } pa && b.Period is { } pb && Figures.Within(pa, pb) && !(pa.Kind == PeriodKind.Range && Figures.Same(pa, pb))
                    && (Measures.Moment(a, metric) is null || Measures.Moment(a, metric) != Measures.Moment(b, metric))
                    && a.Quantity!.Value.Unit == b.Quantity!.Value.Unit && a.Quantity.Value.Value != b.Quantity.Value.Value && UnitSlip(b, a, context))
                    .Cast<int?>().FirstOrDefault();
                if (earlier is not { } e)
                {
                    continue;
                }

                var (index, other) = context.SupportedByKnowledge(b) && !context.SupportedByKnowledge(claims[e]) ? (e, group[later]) : (group[later], e);
                var (flagged, reference) = (claims[index], claims[other]);
                var language = JudgingContext.LanguageOf(flagged);
                yield return new Finding(
                    [index],
                    RuleMessages.SameMeasure(language, RuleMessages.Measure(language, flagged, context), flagged, reference, unitSlip: true),
                    [Figures.Cite(flagged), Figures.Cite(reference)]);
            }
        }
    }

    /// <summary>Digits two figures must share to read as one figure slipped by a unit: one digit in common ("1", "5") is chance.</summary>
    private const int MinSlipDigits = 2;

    private static IEnumerable<Finding> Conflicts(IReadOnlyList<Claim> claims, List<int> members, JudgingContext context)
    {
        var unit = claims[members[0]].Quantity!.Value.Unit;
        var intervals = members
            .Select(k => (Index: k, Interval: Figures.IntervalIn(claims[k], unit, context)))
            .Where(x => x.Interval is not null)
            .Select(x => (x.Index, Interval: x.Interval!.Value))
            .ToList();
        if (intervals.Count < 2 || intervals.Max(x => x.Interval.Low) <= intervals.Min(x => x.Interval.High))
        {
            yield break; // one value satisfies every statement
        }

        // The value most statements allow: a sweep over interval ends, so a group costs its sort.
        var agreeing = MostAgreed(intervals);
        if (agreeing.Count == 1 || agreeing.Count * 2 == intervals.Count)
        {
            // No majority: the knowledge base decides when it backs one side; else the first
            // statement stands and the later one that departs from it is at fault.
            var backed = intervals.Where(x => context.SupportedByKnowledge(claims[x.Index])).Select(x => x.Index).ToList();
            var reference = backed.Count > 0 ? backed[0] : intervals.Min(x => x.Index);
            var referenceInterval = intervals.First(x => x.Index == reference).Interval;
            agreeing = intervals.Where(x => Figures.Overlap(x.Interval, referenceInterval)).Select(x => x.Index).ToHashSet();
        }

        var anchor = claims[agreeing.Min()];
        foreach (var (index, _) in intervals.Where(x => !agreeing.Contains(x.Index)))
        {
            var flagged = claims[index];
            var language = JudgingContext.LanguageOf(flagged);
            var measure = RuleMessages.Measure(language, flagged, context);
            yield return new Finding(
                [index],
                RuleMessages.SameMeasure(language, measure, flagged, anchor, UnitSlip(flagged, anchor, context)),
                [Figures.Cite(flagged), .. agreeing.Order().Select(k => Figures.Cite(claims[k]))]);
        }
    }

    /// <summary>
    /// Whether a line's sentence dates each figure itself: the figures' year written before each
    /// one, after the figure before it (2024年…147亿元，2024年约209亿元; not "from $1B in 2025 to $5B").
    /// </summary>
    private static bool EachDated(List<Claim> line)
    {
        var sentence = line[0].Sentence;
        if (line[0].Period is not { } period || line.Any(c => c.Sentence != sentence))
        {
            return false;
        }

        var year = period.Start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var from = 0;
        foreach (var claim in line.OrderBy(c => c.Span.Offset))
        {
            var at = sentence.IndexOf(claim.Text, from, StringComparison.Ordinal);
            if (at < 0 || sentence.IndexOf(year, from, at - from, StringComparison.Ordinal) < 0)
            {
                return false;
            }

            from = at + claim.Text.Length;
        }

        return true;
    }

    /// <summary>The statements that allow the value allowed by the most of them.</summary>
    private static HashSet<int> MostAgreed(List<(int Index, (decimal Low, decimal High) Interval)> intervals)
    {
        var best = new HashSet<int>();
        foreach (var low in intervals.Select(x => x.Interval.Low).Distinct().Order())
        {
            var covering = intervals.Where(x => x.Interval.Low <= low && low <= x.Interval.High).Select(x => x.Index).ToHashSet();
            if (covering.Count > best.Count)
            {
                best = covering;
            }
        }

        return best;
    }

    private static bool UnitSlip(Claim a, Claim b, JudgingContext context)
    {
        var x = a.Quantity!.Value.Value;
        if (Figures.IntervalIn(b, a.Quantity.Value.Unit, context) is not { } other || x == 0 || other.Low == decimal.MinValue || other.High == decimal.MaxValue)
        {
            return false;
        }

        var y = (other.Low + other.High) / 2;
        if (y == 0)
        {
            return false;
        }

        var ratio = Math.Abs(x > y ? x / y : y / x);
        return PowersOfTen.Any(power => Math.Abs((ratio / power) - 1) <= SlipTolerance);
    }

    /// <summary>
    /// Figures this rule can compare. A growth rate not dated to the span it covers (a month, not
    /// 2024-06/2025-09) was not understood well enough to be one measure.
    /// </summary>
    private static bool Comparable(Claim claim) =>
        claim.Role is not (QuantityRole.Equivalent or QuantityRole.From or QuantityRole.To) && !MarkedAsAnother(claim)
        && !(claim.MetricId == "growth" && claim.Period is not { Kind: Almanac.Periods.PeriodKind.Range });

    /// <summary>A figure its note marks as another source's, or as stated on another basis or definition (restated, 口径).</summary>
    private static bool MarkedAsAnother(Claim claim) =>
        RuleWords.AnyIn(RuleWords.Shared.AnotherSource, claim.Context) || RuleWords.AnyIn(RuleWords.Shared.AnotherSource, claim.Sentence)
        || RuleWords.AnyIn(RuleWords.Shared.OtherBasis, claim.Context) || RuleWords.AnyIn(RuleWords.Shared.OtherBasis, claim.Sentence);
}
