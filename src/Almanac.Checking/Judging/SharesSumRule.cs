using Almanac.Quantities;

namespace Almanac.Checking.Judging;

/// <summary>
/// (d) Shares of one market (same metric, scope and period) held by different entities that add up
/// past 100%. Each figure counts with the least value it allows (不足2% counts as 0), and each
/// brings <see cref="SlackPerFigure"/> of rounding slack. Shares with different bases (usage, spend)
/// are different wholes, since the basis is part of the scope. A survey whose respondents could
/// choose several answers sums past 100% by design and is left alone. Of the shares, those the
/// knowledge base backs are innocent; the others are flagged.
/// </summary>
internal sealed class SharesSumRule : IDocumentRule
{
    public string Family => "shares-over-100";

    public const decimal SlackPerFigure = 1m;

    /// <summary>Words by which a note says its respondents could pick more than one answer.</summary>
    private static readonly string[] MultiSelect = ["多选", "可多选", "可选择多个", "choose several", "choose more than one", "select all", "multiple answers", "multi-select", "could choose", "more than one answer"];

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
            if (shares.Count < 2 || shares.Any(k => MultiSelect.Any(w => claims[k].Context.Contains(w, StringComparison.OrdinalIgnoreCase) || claims[k].Sentence.Contains(w, StringComparison.OrdinalIgnoreCase))))
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
            var language = JudgingContext.LanguageOf(first);
            var arithmetic = $"{string.Join(" + ", shares.Select(k => claims[k].Text))} ≥ {Figures.Percent(sum)}, above 100% (+{Figures.Percent(SlackPerFigure * shares.Count)} rounding)";
            var evidence = new List<Evidence> { new("arithmetic", arithmetic) };
            evidence.AddRange(shares.Select(k => Figures.Cite(claims[k])));
            var backed = shares.Where(k => context.SupportedByKnowledge(claims[k])).ToList();
            var flagged = backed.Count > 0 && backed.Count < shares.Count ? shares.Except(backed).ToList() : shares;
            yield return new Finding(flagged, RuleMessages.SharesOver100(language, first.Scope.IsEmpty ? string.Empty : first.Scope.ToString(), first.Period!.Value.ToString(), Figures.Percent(sum)), evidence);
        }
    }
}
