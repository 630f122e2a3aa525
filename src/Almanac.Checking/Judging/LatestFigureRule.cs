namespace Almanac.Checking.Judging;

/// <summary>
/// (f) A figure labelled latest (最新, 目前, 当前, latest, current) that is below a figure the
/// document gives for an earlier or unstated time, for measures that a "latest" label implies have
/// risen: a company's valuation, its total users, its cumulative downloads. Anthropic at
/// 180亿 (2025年5月), 1830亿 (Series F) and a "2025年最新估值" of 350亿 is out of order.
/// The latest figure is read as the note means it (a "more than 8万" does not reach 17万:
/// <see cref="Figures.AsRead"/>). Only the latest figure is flagged: the earlier ones are its
/// evidence, unless the knowledge base backs the latest and not them.
/// </summary>
internal sealed class LatestFigureRule : IDocumentRule
{
    public string Family => "latest-below-earlier";

    public IEnumerable<Finding> Find(IReadOnlyList<Claim> claims, JudgingContext context)
    {
        for (var l = 0; l < claims.Count; l++)
        {
            var latest = claims[l];
            if (latest.EntityId is null || latest.MetricId is null || !RuleWords.Shared.Rising.Contains(latest.MetricId, StringComparer.Ordinal) || !Figures.IsLevel(latest) || !IsLatest(latest))
            {
                continue;
            }

            var (_, high) = Figures.AsRead(latest);
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
            var backed = context.SupportedByKnowledge(latest) ? higher.Where(k => !context.SupportedByKnowledge(claims[k])).ToList() : [];
            yield return new Finding(
                backed.Count > 0 ? backed : [l],
                RuleMessages.LatestBelowEarlier(JudgingContext.LanguageOf(latest), RuleMessages.MetricName(JudgingContext.LanguageOf(latest), latest.MetricId, context), latest, string.Join(", ", higher.Select(k => $"{claims[k].Text} ({Figures.Line(claims[k])})"))),
                evidence);
        }
    }

    private static bool IsLatest(Claim claim) =>
        RuleWords.AnyIn(RuleWords.Shared.Latest, claim.Context) || RuleWords.AnyIn(RuleWords.Shared.Latest, LabelOf(claim));

    /// <summary>The words of the claim's sentence before the figure: its label, not its neighbours'.</summary>
    private static string LabelOf(Claim claim)
    {
        var at = claim.Sentence.IndexOf(claim.Text, StringComparison.Ordinal);
        return at > 0 ? claim.Sentence[..at] : claim.Sentence;
    }

    private static bool SameScopeButRound(Claim a, Claim b) =>
        a.Scope.Values.Where(kv => kv.Key != "round").SequenceEqual(b.Scope.Values.Where(kv => kv.Key != "round"));
}
