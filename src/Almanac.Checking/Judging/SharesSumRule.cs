using Almanac.Quantities;

namespace Almanac.Checking.Judging;

/// <summary>
/// (d) Shares of one market (same metric, scope and period) held by different entities that add up
/// past 100%. Each figure counts with the least value it allows (不足2% counts as 0), and each
/// brings <see cref="SlackPerFigure"/> of rounding slack.
/// </summary>
internal sealed class SharesSumRule : IDocumentRule
{
    public string Family => "shares-over-100";

    public const decimal SlackPerFigure = 1m;

    public IEnumerable<Finding> Find(IReadOnlyList<Claim> claims, JudgingContext context)
    {
        var groups = Enumerable.Range(0, claims.Count)
            .Where(k => claims[k] is { MetricId: "market-share", EntityId: not null, Period: not null, Role: not QuantityRole.From } && Figures.IsPercent(claims[k]))
            .GroupBy(k => (claims[k].Scope.Canonical, claims[k].Period!.Value));
        foreach (var group in groups)
        {
            // One figure per entity: the same entity twice is another rule's business.
            var shares = group
                .GroupBy(k => claims[k].EntityId, StringComparer.Ordinal)
                .Select(g => g.OrderBy(k => Math.Max(0m, Figures.Interval(claims[k]).Low)).First())
                .ToList();
            if (shares.Count < 2)
            {
                continue;
            }

            var sum = shares.Sum(k => Math.Max(0m, Figures.Interval(claims[k]).Low));
            var allowed = 100m + (SlackPerFigure * shares.Count);
            if (sum <= allowed)
            {
                continue;
            }

            var first = claims[shares[0]];
            var scope = first.Scope.IsEmpty ? string.Empty : $" of {first.Scope}";
            var arithmetic = $"{string.Join(" + ", shares.Select(k => claims[k].Text))} ≥ {Figures.Percent(sum)}, above 100% (+{Figures.Percent(SlackPerFigure * shares.Count)} rounding)";
            var evidence = new List<Evidence> { new("arithmetic", arithmetic) };
            evidence.AddRange(shares.Select(k => Figures.Cite(claims[k])));
            yield return new Finding(shares, $"Shares{scope} in {first.Period} add up to at least {Figures.Percent(sum)}", evidence);
        }
    }
}
