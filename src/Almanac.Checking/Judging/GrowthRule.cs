using Almanac.Knowledge;
using System.Globalization;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Checking.Judging;

/// <summary>
/// (b) A growth rate that does not match the two levels the document states for its ends:
/// 2024 56.17亿 → 2025 73.58亿 is +31.0%, so a stated 31% holds and 40% does not. Year-over-year
/// growth compares a period with the same period a year before; plain growth needs a period range.
/// The tolerance is the written precision of all three figures. A rate written in the sentence of
/// a change ("from 400M to 1B, a 250% rise", "从100亿美元增至130亿美元，增长约45%") is checked
/// against that change's two levels, whatever the rate is dated to: a percentage beside a rise or
/// fall word, or read as growth. Only the rate is flagged; its levels are the evidence.
/// </summary>
internal sealed class GrowthRule : IDocumentRule
{
    public string Family => "growth-levels";

    public IEnumerable<Finding> Find(IReadOnlyList<Claim> claims, JudgingContext context)
    {
        var checkedByPeriod = new HashSet<int>();
        for (var i = 0; i < claims.Count; i++)
        {
            var growth = claims[i];
            if (growth.MetricId is not ("yoy-growth" or "growth") || !Figures.IsPercent(growth) || growth.EntityId is null
                || growth.Period is not { } period || Ends(growth.MetricId, period) is not var (from, to))
            {
                continue;
            }

            var pairs = Levels.Pairs(claims, growth, from, to, context);
            if (pairs.Count == 0)
            {
                continue;
            }

            checkedByPeriod.Add(i);

            var stated = Figures.Interval(growth);
            var tested = pairs.Select(p => (Pair: p, Implied: Implied(p))).ToList();
            if (tested.Any(t => Figures.Overlap(stated, t.Implied)))
            {
                continue;
            }

            var (pair, _) = tested[0];
            var computed = ((pair.End.Quantity!.Value.Value / pair.StartValue) - 1) * 100;
            var arithmetic = $"{pair.End.Text} / {pair.Start.Text} − 1 = {Figures.Percent(computed)}, not {growth.Text}";
            yield return Broken(i, growth, pair.Start, pair.End, computed, arithmetic);
        }

        foreach (var sentence in Figures.Sentences(claims))
        {
            foreach (var finding in InChange(claims, sentence, checkedByPeriod, context))
            {
                yield return finding;
            }
        }
    }

    private static Finding Broken(int index, Claim growth, Claim start, Claim end, decimal computed, string arithmetic) => new(
        [index],
        RuleMessages.Growth(JudgingContext.LanguageOf(growth), growth, start, end, Figures.Percent(computed)),
        [new Evidence("arithmetic", arithmetic), Figures.Cite(growth), Figures.Cite(start), Figures.Cite(end)]);

    /// <summary>
    /// The rate of a change written in one sentence: the sentence's two levels of one measure (its
    /// from and to, or the earlier and later dated, or, when nothing orders them, either way round)
    /// and its one percentage that reads as growth. Levels are read as a note means them
    /// (<see cref="Figures.AsRead"/>); a fall may be written as a positive rate ("a 60% reduction").
    /// </summary>
    private static IEnumerable<Finding> InChange(IReadOnlyList<Claim> claims, List<int> sentence, HashSet<int> done, JudgingContext context)
    {
        var words = RuleWords.Shared;
        var figures = Figures.InSentence(claims, sentence);
        var rates = figures.Where(f => Figures.IsPercent(claims[f.Index]) && !done.Contains(f.Index)
                && claims[f.Index].Role is not (QuantityRole.From or QuantityRole.To)
                && (claims[f.Index].MetricId is "growth" or "yoy-growth"
                    || (claims[f.Index].MetricId is null && RuleWords.AnyWordIn([.. words.ChangeUp, .. words.ChangeDown], Figures.Near(f.Before, f.After)))))
            .ToList();
        var measures = figures.Where(f => Figures.IsLevel(claims[f.Index]) && claims[f.Index] is { EntityId: not null, MetricId: not null }
                && claims[f.Index].Role is QuantityRole.Standalone or QuantityRole.From or QuantityRole.To)
            .GroupBy(f => MeasureKey.Of(claims[f.Index]))
            .ToList();
        if (rates.Count != 1 || measures.Count != 1 || measures[0].Count() != 2)
        {
            yield break;
        }

        var rate = rates[0];
        var growth = claims[rate.Index];
        var (a, b) = (measures[0].First().Index, measures[0].Last().Index);
        if (growth.EntityId is { } entity && entity != claims[a].EntityId)
        {
            yield break;
        }

        bool? forward = claims[a].Role == QuantityRole.From || claims[b].Role == QuantityRole.To ? true
            : claims[a].Role == QuantityRole.To || claims[b].Role == QuantityRole.From ? false
            : claims[a].Period is { } pa && claims[b].Period is { } pb && pa.End < pb.Start ? true
            : claims[a].Period is { } qa && claims[b].Period is { } qb && qb.End < qa.Start ? false
            : null;
        (int Start, int End)[] orders = forward switch { true => [(a, b)], false => [(b, a)], null => [(a, b), (b, a)] };
        var stated = Figures.Interval(growth);
        var negated = (-stated.High, -stated.Low);
        var tested = new List<(int Start, int End, decimal Computed)>();
        foreach (var (s, e) in orders)
        {
            if (Figures.AsReadIn(claims[s], claims[e].Quantity!.Value.Unit, context) is not { } start)
            {
                yield break;
            }

            var implied = Implied(start, Figures.AsRead(claims[e]));
            if (Figures.Overlap(stated, implied) || Figures.Overlap(negated, implied))
            {
                yield break;
            }

            var exact = Figures.IntervalIn(claims[s], claims[e].Quantity!.Value.Unit, context)!.Value;
            var startValue = exact.High == decimal.MaxValue ? exact.Low : (exact.Low + exact.High) / 2;
            if (startValue <= 0)
            {
                yield break;
            }

            tested.Add((s, e, ((claims[e].Quantity!.Value.Value / startValue) - 1) * 100));
        }

        var (from, to, computed) = tested[0];
        var arithmetic = $"{claims[to].Text} / {claims[from].Text} − 1 = {Figures.Percent(computed)}, not {growth.Text}";
        yield return Broken(rate.Index, growth, claims[from], claims[to], computed, arithmetic);
    }


    private static (Period From, Period To)? Ends(string metricId, Period period)
    {
        if (metricId == "growth")
        {
            return period.Kind == PeriodKind.Range ? (period.From, period.To) : null;
        }

        return period.Kind == PeriodKind.Range ? null : (Levels.YearBefore(period), period);
    }

    private static (decimal Low, decimal High) Implied(Levels.Pair pair) => Implied(pair.StartInterval, pair.EndInterval);

    private static (decimal Low, decimal High) Implied((decimal Low, decimal High) startInterval, (decimal Low, decimal High) endInterval)
    {
        var (sLow, sHigh) = startInterval;
        var (eLow, eHigh) = endInterval;
        if (sLow <= 0 || sHigh == decimal.MaxValue)
        {
            return (decimal.MinValue, decimal.MaxValue);
        }

        var low = eLow == decimal.MinValue ? decimal.MinValue : ((eLow / sHigh) - 1) * 100;
        var high = eHigh == decimal.MaxValue ? decimal.MaxValue : ((eHigh / sLow) - 1) * 100;
        return (low, high);
    }
}

/// <summary>Levels of one measure at two moments, found in the document for a rate to be checked against.</summary>
internal static class Levels
{
    /// <summary>A start and an end level, both in the end's unit.</summary>
    internal sealed record Pair(
        int StartIndex, Claim Start, (decimal Low, decimal High) StartInterval,
        int EndIndex, Claim End, (decimal Low, decimal High) EndInterval)
    {
        /// <summary>The start's value in the end's unit.</summary>
        public decimal StartValue => (StartInterval.Low + StartInterval.High) / 2 is var mid && StartInterval.High != decimal.MaxValue && StartInterval.Low != decimal.MinValue
            ? mid
            : Start.Quantity!.Value.Value;
    }

    /// <summary>
    /// Pairs of levels of the rate's entity and scope: an end at <paramref name="to"/> (those in the
    /// rate's own row first, if any) and a start of the same metric at <paramref name="from"/>.
    /// </summary>
    public static List<Pair> Pairs(IReadOnlyList<Claim> claims, Claim rate, Period? from, Period to, JudgingContext context) =>
        Pairs(claims, rate, c => Figures.Same(c.Period, to), c => from is null || Figures.Same(c.Period, from), context);

    /// <summary>
    /// A scope as a level and a rate are compared in: a note that says 全球 once, at the first figure
    /// of a section, means the world for the figures that follow, so an unstated region is the world's.
    /// </summary>
    private static Scope WithoutWorld(Scope scope) =>
        scope["region"] == "world" ? Scope.Of(scope.Values.Where(kv => kv.Key != "region")) : scope;

    public static List<Pair> Pairs(IReadOnlyList<Claim> claims, Claim rate, Func<Claim, bool> isEnd, Func<Claim, bool> isStart, JudgingContext context)
    {
        // The run's index of levels by entity when judging the run's claims; a scan of every figure otherwise.
        var rateScope = WithoutWorld(rate.Scope);
        var candidates = rate.EntityId is { } entity && ReferenceEquals(context.Measures.Claims, claims)
            ? context.Measures.LevelsOf(entity)
            : Enumerable.Range(0, claims.Count).Where(k => Figures.IsLevel(claims[k]) && claims[k].EntityId == rate.EntityId && claims[k].MetricId is not null && claims[k].Period is not null);
        var levels = candidates.Where(k => WithoutWorld(claims[k].Scope).Equals(rateScope)).ToList();
        var ends = levels.Where(k => isEnd(claims[k])).ToList();
        var inRow = ends.Where(k => Figures.SameLine(claims[k], rate)).ToList();
        if (inRow.Count > 0)
        {
            ends = inRow;
        }

        var pairs = new List<Pair>();
        var starts = levels.Where(k => isStart(claims[k])).ToList();
        foreach (var e in ends)
        {
            var end = claims[e];
            var endInterval = Figures.Interval(end);
            foreach (var s in starts.Where(k => k != e && claims[k].MetricId == end.MetricId && claims[k].Period!.Value.End < end.Period!.Value.Start))
            {
                if (Figures.IntervalIn(claims[s], end.Quantity!.Value.Unit, context) is { } startInterval)
                {
                    pairs.Add(new Pair(s, claims[s], startInterval, e, end, endInterval));
                }
            }
        }

        return pairs;
    }

    /// <summary>The same kind of period one year earlier: 2025 → 2024, 2025-Q2 → 2024-Q2.</summary>
    public static Period YearBefore(Period period) => period.Kind switch
    {
        PeriodKind.Year => Period.Year(period.Start.Year - 1),
        PeriodKind.FiscalYear => Period.FiscalYear(period.Start.Year - 1),
        PeriodKind.Half => Period.Half(period.Start.Year - 1, period.Start.Month <= 6 ? 1 : 2),
        PeriodKind.Quarter => Period.Quarter(period.Start.Year - 1, ((period.Start.Month - 1) / 3) + 1),
        PeriodKind.Month => Period.Month(period.Start.Year - 1, period.Start.Month),
        PeriodKind.Instant => Period.Instant(period.Start.AddYears(-1)),
        _ => Period.Day(period.Start.AddYears(-1)),
    };

    public static string Years(int n) => n.ToString(CultureInfo.InvariantCulture);
}
