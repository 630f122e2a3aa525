using Almanac.Quantities;

namespace Almanac.Checking.Judging;

/// <summary>
/// (g) A mixture-of-experts model whose active parameters exceed its total: the active figure of a
/// row (role Active, or metric parameters-active) against the total of the same row and model.
/// </summary>
internal sealed class MoeParametersRule : IDocumentRule
{
    public string Family => "moe-active-over-total";

    public IEnumerable<Finding> Find(IReadOnlyList<Claim> claims, JudgingContext context)
    {
        for (var a = 0; a < claims.Count; a++)
        {
            var active = claims[a];
            if (active.Quantity is null || !(active.Role == QuantityRole.Active || active.MetricId == "parameters-active"))
            {
                continue;
            }

            // The total of the same row and model, nearest before the active figure (109B总/17B激活).
            var sameLine = ReferenceEquals(context.Measures.Claims, claims) ? context.Measures.OnLine(active.Span.Line) : Enumerable.Range(0, claims.Count);
            var total = sameLine
                .Where(t => t != a && claims[t].Quantity is not null && Figures.SameLine(claims[t], active)
                    && (claims[t].Role == QuantityRole.Total || claims[t].MetricId == "parameters-total")
                    && (claims[t].EntityId is null || active.EntityId is null || claims[t].EntityId == active.EntityId))
                .OrderBy(t => Math.Abs(claims[t].Span.Offset - active.Span.Offset))
                .Cast<int?>()
                .FirstOrDefault();
            if (total is not { } t2)
            {
                continue;
            }

            var totalClaim = claims[t2];
            var activeLow = Figures.Interval(active).Low;
            var totalHigh = Figures.Interval(totalClaim).High;
            if (activeLow <= totalHigh || active.Quantity.Value.Unit.Dimension != totalClaim.Quantity!.Value.Unit.Dimension)
            {
                continue;
            }

            yield return new Finding(
                [a, t2],
                RuleMessages.ActiveOverTotal(JudgingContext.LanguageOf(active), active, totalClaim),
                [new Evidence("arithmetic", $"{active.Text} active > {totalClaim.Text} total; active parameters are a subset of the total"), Figures.Cite(active), Figures.Cite(totalClaim)]);
        }
    }
}
