using Almanac.Analytics;
using Almanac.Periods;

namespace Almanac.Checking.Judging;

/// <summary>
/// (c) A CAGR that does not connect its start and end levels. The end is the level of the CAGR's
/// row (or of its end year), the start any earlier level of the same entity, metric and scope (the
/// start year of its range first). The CAGR holds if any such pair connects:
/// (end/start)^(1/years) − 1 within the written precision plus <see cref="SlackPoints"/>.
/// The CAGR is flagged with the levels of its own row; levels elsewhere are only its evidence
/// (a correct forecast paragraph is not at fault for a wrong CAGR stated below it).
/// </summary>
internal sealed class CagrRule : IDocumentRule
{
    public string Family => "cagr-endpoints";

    /// <summary>Percentage points of slack: notes compute CAGRs over slightly different spans and round.</summary>
    public const decimal SlackPoints = 1m;

    public IEnumerable<Finding> Find(IReadOnlyList<Claim> claims, JudgingContext context)
    {
        for (var i = 0; i < claims.Count; i++)
        {
            var cagr = claims[i];
            if (cagr.MetricId != "cagr" || !Figures.IsPercent(cagr) || cagr.EntityId is null)
            {
                continue;
            }

            var pairs = Pairs(claims, cagr, context);
            if (pairs.Count == 0)
            {
                continue;
            }

            var (low, high) = Figures.Interval(cagr);
            var stated = (low == decimal.MinValue ? low : low - SlackPoints, high == decimal.MaxValue ? high : high + SlackPoints);
            if (pairs.Any(p => Figures.Overlap(stated, Implied(p))))
            {
                continue;
            }

            var rate = cagr.Quantity!.Value.Value / 100;
            var lines = pairs.Take(4).Select(p =>
            {
                var n = Years(p);
                var projected = Growth.Project(p.StartValue, rate * 100, n);
                var implied = Growth.Cagr(p.StartValue, p.End.Quantity!.Value.Value, n);
                return $"{p.Start.Text} × (1+{cagr.Text})^{Levels.Years(n)} = {Figures.Write(projected, p.End)}, not {p.End.Text} (the two imply {Figures.Percent(implied)} a year)";
            }).ToList();

            var ends = pairs.Select(p => p.EndIndex).Distinct().ToList();
            var starts = pairs.Select(p => p.StartIndex).Distinct().ToList();
            var involved = new List<int> { i };
            involved.AddRange(ends.Where(k => Figures.SameLine(claims[k], cagr)));
            if (starts.Count == 1)
            {
                involved.AddRange(starts.Where(k => Figures.SameLine(claims[k], cagr)));
            }

            var evidence = lines.Select(l => new Evidence("arithmetic", l)).ToList();
            evidence.AddRange(ends.Concat(starts).Prepend(i).Distinct().Select(k => Figures.Cite(claims[k])));
            yield return new Finding(
                involved,
                RuleMessages.Cagr(JudgingContext.LanguageOf(cagr), cagr, string.Join(" / ", starts.Select(k => claims[k].Text)), string.Join(" / ", ends.Select(k => claims[k].Text)), lines[0]),
                evidence);
        }
    }

    private static List<Levels.Pair> Pairs(IReadOnlyList<Claim> claims, Claim cagr, JudgingContext context)
    {
        if (cagr.Period is { Kind: PeriodKind.Range, Granularity: PeriodKind.Year } range)
        {
            // The range's own start first; then any earlier level, since a range may be read from
            // the section rather than stated, and a forecast often quotes another source's base year.
            var fromRange = Levels.Pairs(claims, cagr, range.From, range.To, context)
                .Where(p => Figures.YearOf(p.Start.Period) is not null).ToList();
            var endYear = Figures.YearOf(range.To);
            var fromAny = Levels.Pairs(claims, cagr, c => Figures.YearOf(c.Period) == endYear, c => Figures.YearOf(c.Period) is { } y && y < endYear, context)
                .Where(p => !fromRange.Any(r => r.StartIndex == p.StartIndex && r.EndIndex == p.EndIndex));
            return [.. fromRange, .. fromAny];
        }

        if (Figures.YearOf(cagr.Period) is { } year)
        {
            return Levels.Pairs(claims, cagr, c => Figures.YearOf(c.Period) == year, c => Figures.YearOf(c.Period) is not null, context);
        }

        if (cagr.Period is null)
        {
            return Levels.Pairs(claims, cagr, c => Figures.SameLine(c, cagr) && Figures.YearOf(c.Period) is not null, c => Figures.YearOf(c.Period) is not null, context);
        }

        return [];
    }

    private static int Years(Levels.Pair pair) => Figures.YearOf(pair.End.Period)!.Value - Figures.YearOf(pair.Start.Period)!.Value;

    private static (decimal Low, decimal High) Implied(Levels.Pair pair)
    {
        var n = Years(pair);
        var (sLow, sHigh) = pair.StartInterval;
        var (eLow, eHigh) = pair.EndInterval;
        if (n <= 0 || sLow <= 0 || sHigh == decimal.MaxValue)
        {
            return (decimal.MinValue, decimal.MaxValue);
        }

        decimal Rate(decimal end, decimal start) => Growth.Cagr(start, end, n);
        return (eLow <= 0 ? decimal.MinValue : Rate(eLow, sHigh), eHigh == decimal.MaxValue ? decimal.MaxValue : Rate(eHigh, sLow));
    }
}
