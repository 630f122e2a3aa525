namespace Almanac.Checking.Judging;

/// <summary>
/// (f) A figure labelled latest (最新, 目前, 当前, latest, current) that is below a figure the
/// document gives for an earlier or unstated time, for measures that a "latest" label implies have
/// risen: a company's valuation, its total users, its cumulative downloads. Anthropic at
/// 180亿 (2025年5月), 1830亿 (Series F) and a "2025年最新估值" of 350亿 is out of order.
/// </summary>
internal sealed class LatestFigureRule : IDocumentRule
{
    public string Family => "latest-below-earlier";

    private static readonly string[] LatestWords = ["最新", "目前", "当前", "现估值", "latest", "current"];

    private static readonly HashSet<string> Rising = new(StringComparer.Ordinal) { "valuation", "users", "downloads" };

    public IEnumerable<Finding> Find(IReadOnlyList<Claim> claims, JudgingContext context)
    {
        for (var l = 0; l < claims.Count; l++)
        {
            var latest = claims[l];
            if (latest.EntityId is null || latest.MetricId is null || !Rising.Contains(latest.MetricId) || !Figures.IsLevel(latest) || !IsLatest(latest))
            {
                continue;
            }

            var (_, high) = Figures.Interval(latest);
            var higher = Enumerable.Range(0, claims.Count)
                .Where(k => k != l && claims[k].EntityId == latest.EntityId && claims[k].MetricId == latest.MetricId
                    && Figures.IsLevel(claims[k]) && !IsLatest(claims[k]) && SameScopeButRound(claims[k], latest)
                    && (claims[k].Period is null || latest.Period is null || claims[k].Period!.Value.Start <= latest.Period!.Value.End)
                    && Figures.IntervalIn(claims[k], latest.Quantity!.Value.Unit, context) is { } other && other.Low > high)
                .ToList();
            if (higher.Count == 0)
            {
                continue;
            }

            var evidence = new List<Evidence>
            {
                new("arithmetic", $"{latest.Text} (latest) < {string.Join(", ", higher.Select(k => claims[k].Text))} (earlier)"),
            };
            evidence.Add(Figures.Cite(latest));
            evidence.AddRange(higher.Select(k => Figures.Cite(claims[k])));
            yield return new Finding(
                [l, .. higher],
                RuleMessages.LatestBelowEarlier(JudgingContext.LanguageOf(latest), RuleMessages.MetricName(JudgingContext.LanguageOf(latest), latest.MetricId, context), latest, string.Join(", ", higher.Select(k => $"{claims[k].Text} ({Figures.Line(claims[k])})"))),
                evidence);
        }
    }

    private static bool IsLatest(Claim claim) =>
        LatestWords.Any(w => claim.Context.Contains(w, StringComparison.OrdinalIgnoreCase)
            || LabelOf(claim).Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>The words of the claim's sentence before the figure: its label, not its neighbours'.</summary>
    private static string LabelOf(Claim claim)
    {
        var at = claim.Sentence.IndexOf(claim.Text, StringComparison.Ordinal);
        return at > 0 ? claim.Sentence[..at] : claim.Sentence;
    }

    private static bool SameScopeButRound(Claim a, Claim b) =>
        a.Scope.Values.Where(kv => kv.Key != "round").SequenceEqual(b.Scope.Values.Where(kv => kv.Key != "round"));
}
