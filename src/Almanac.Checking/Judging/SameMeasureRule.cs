using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Checking.Judging;

/// <summary>
/// (a) The same measure (entity, metric, scope, period) stated twice with values that cannot both
/// be true: China's 2024 market at 147亿 and at 约209亿. Not flagged: a figure the document marks as
/// another source's (另一预测, another estimate), a forecast beside an outcome, a change's from and to,
/// and a list of model sizes in one table cell.
/// </summary>
internal sealed class SameMeasureRule : IDocumentRule
{
    public string Family => "same-measure-twice";

    private static readonly string[] AnotherSource = ["另一", "另据", "另有", "另外一", "其他机构", "another", "alternative", "other estimate"];

    /// <summary>Measures whose one value describes a whole span of periods (a CAGR over 2025–2034).</summary>
    private static readonly HashSet<string> SpanMeasures = new(StringComparer.Ordinal) { "cagr", "growth", "yoy-growth" };

    public IEnumerable<Finding> Find(IReadOnlyList<Claim> claims, JudgingContext context)
    {
        for (var i = 0; i < claims.Count; i++)
        {
            for (var j = i + 1; j < claims.Count; j++)
            {
                var (a, b) = (claims[i], claims[j]);
                if (!SameMeasure(a, b))
                {
                    continue;
                }

                var ia = Figures.Interval(a);
                var ib = Figures.IntervalIn(b, a.Quantity!.Value.Unit, context);
                if (ib is not { } other || Figures.Overlap(ia, other))
                {
                    continue;
                }

                var what = $"{a.MetricId} of {a.EntityId}{(a.Period is { } p ? " for " + p : string.Empty)}";
                yield return new Finding(
                    [i, j],
                    $"The document states {what} as both {a.Text} ({Figures.Line(a)}) and {b.Text} ({Figures.Line(b)})",
                    [Figures.Cite(a), Figures.Cite(b)]);
            }
        }
    }

    private static bool SameMeasure(Claim a, Claim b)
    {
        if (a.Quantity is null || b.Quantity is null || a.EntityId is null || a.MetricId is null
            || a.EntityId != b.EntityId || a.MetricId != b.MetricId || !a.Scope.Equals(b.Scope))
        {
            return false;
        }

        // A span such as a note's "2023–2026" is the time a series covers, not one moment: levels
        // dated within it (monthly token volumes by date) are not the same measure stated twice.
        if (a.Period is { Kind: PeriodKind.Range } && !SpanMeasures.Contains(a.MetricId))
        {
            return false;
        }

        var property = FactMatching.ModelProperties.Contains(a.MetricId);
        if (property ? (a.Period is not null && b.Period is not null && !Figures.Same(a.Period, b.Period)) : !Figures.Same(a.Period, b.Period))
        {
            return false;
        }

        if (property && Figures.SameLine(a, b))
        {
            return false; // 8B, 70B, 405B: the sizes of a family in one cell
        }

        if (a.Role is QuantityRole.Equivalent || b.Role is QuantityRole.Equivalent
            || (a.Role is QuantityRole.From or QuantityRole.To && b.Role is QuantityRole.From or QuantityRole.To)
            || (a.Role is QuantityRole.Total or QuantityRole.Active && b.Role is QuantityRole.Total or QuantityRole.Active && a.Role != b.Role))
        {
            return false;
        }

        if ((a.Quantity.Value.Qualifier == Qualifier.Forecast) != (b.Quantity.Value.Qualifier == Qualifier.Forecast))
        {
            return false;
        }

        return !MarkedAsAnother(a) && !MarkedAsAnother(b);
    }

    private static bool MarkedAsAnother(Claim claim) =>
        AnotherSource.Any(m => claim.Context.Contains(m, StringComparison.OrdinalIgnoreCase) || claim.Sentence.Contains(m, StringComparison.OrdinalIgnoreCase));
}
