using Almanac.Knowledge;

namespace Almanac.Checking.Judging;

/// <summary>
/// (e) A part stated larger than its whole, for the same period: a region above the world, a
/// segment above its market, a sub-market above its parent market, daily above weekly above
/// monthly active users above total users. Amounts in other currencies are compared only through
/// a dated exchange rate; a part that merely may be larger (超过 X) is not flagged.
/// </summary>
internal sealed class PartWholeRule : IDocumentRule
{
    public string Family => "part-over-whole";

    private static readonly string[] World = ["world", "global"];

    private static readonly Dictionary<string, int> UserRank = new(StringComparer.Ordinal)
    {
        ["daily-active-users"] = 0, ["weekly-active-users"] = 1, ["monthly-active-users"] = 2, ["users"] = 3,
    };

    /// <summary>Measures that add up over parts, so a part cannot exceed its whole.</summary>
    private static readonly HashSet<string> Additive = new(StringComparer.Ordinal)
    {
        "market-size", "revenue", "spend", "downloads", "users", "customers",
    };

    public IEnumerable<Finding> Find(IReadOnlyList<Claim> claims, JudgingContext context)
    {
        for (var p = 0; p < claims.Count; p++)
        {
            for (var w = 0; w < claims.Count; w++)
            {
                var (part, whole) = (claims[p], claims[w]);
                if (p == w || !Figures.IsLevel(part) || !Figures.IsLevel(whole) || part.EntityId is null || whole.EntityId is null
                    || Relation(part, whole, context) is not { } relation)
                {
                    continue;
                }

                var partInterval = Figures.Interval(part);
                if (Figures.IntervalIn(whole, part.Quantity!.Value.Unit, context) is not { } wholeInterval || partInterval.Low <= wholeInterval.High)
                {
                    continue;
                }

                yield return new Finding(
                    [p, w],
                    $"{relation}: {part.Text} ({Figures.Line(part)}) is larger than {whole.Text} ({Figures.Line(whole)})",
                    [new Evidence("arithmetic", $"{part.Text} > {whole.Text}, yet it is a part of it"), Figures.Cite(part), Figures.Cite(whole)]);
            }
        }
    }

    private static string? Relation(Claim part, Claim whole, JudgingContext context)
    {
        var samePeriod = Figures.Same(part.Period, whole.Period);
        if (UserRank.TryGetValue(part.MetricId ?? string.Empty, out var partRank) && UserRank.TryGetValue(whole.MetricId ?? string.Empty, out var wholeRank))
        {
            return partRank < wholeRank && part.EntityId == whole.EntityId && part.Scope.Equals(whole.Scope)
                && part.Period is { } pp && whole.Period is { } wp && pp.Overlaps(wp)
                ? $"{part.MetricId} above {whole.MetricId}"
                : null;
        }

        if (!samePeriod || part.MetricId is null || part.MetricId != whole.MetricId || !Additive.Contains(part.MetricId))
        {
            return null;
        }

        if (part.EntityId == whole.EntityId)
        {
            if (part.Scope["region"] is { } region && !World.Contains(region) && whole.Scope["region"] is { } all && World.Contains(all)
                && SameExcept(part.Scope, whole.Scope, "region"))
            {
                return $"a region ({region}) above the world";
            }

            if (part.Scope["segment"] is { } segment && whole.Scope["segment"] is null && SameExcept(part.Scope, whole.Scope, "segment"))
            {
                return $"a segment ({segment}) above its market";
            }

            return null;
        }

        return part.Scope.Equals(whole.Scope) && context.Entity(part.EntityId) is { Parent: { } parent } child
            && parent == whole.EntityId && child.Kind is EntityKind.Market or EntityKind.Segment
            ? $"{part.EntityId} above its parent market {whole.EntityId}"
            : null;
    }

    private static bool SameExcept(Scope a, Scope b, string key) =>
        a.Values.Where(kv => kv.Key != key).SequenceEqual(b.Values.Where(kv => kv.Key != key));
}
