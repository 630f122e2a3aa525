using Almanac.Quantities;

namespace Almanac.Checking.Judging;

/// <summary>
/// (d) Shares of one market (same metric, scope and period) held by different entities that add up
/// past 100%. Each figure counts with the least value it allows (不足2% counts as 0), and each
/// brings <see cref="SlackPerFigure"/> of rounding slack. Shares with different bases (usage, spend)
/// are different wholes, since the basis is part of the scope. A survey whose respondents could
/// choose several answers sums past 100% by design and is left alone. Of the shares, those the
/// knowledge base backs are innocent; the others are flagged. A sentence that divides a whole
/// itself ("…14.0% and 13.8%, with all other models accounting for 58.2%", "前三名合计71.8%，其余厂商
///合计约38.2%") adds its shares up to the whole whatever they were read to be about: its shares
/// past 100% flag the rest it names, the one figure computed from the others.
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
            if (shares.Count < 2 || shares.Any(k => MultiSelected(claims[k])))
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

        foreach (var sentence in Figures.Sentences(claims))
        {
            if (Divided(claims, sentence) is { } finding)
            {
                yield return finding;
            }
        }
    }

    private static bool MultiSelected(Claim claim) =>
        RuleWords.AnyIn(RuleWords.Shared.MultiSelect, claim.Context) || RuleWords.AnyIn(RuleWords.Shared.MultiSelect, claim.Sentence);

    /// <summary>
    /// A sentence's shares of a whole it divides: its percentages (not rates of change, not a
    /// change's from or to), one of them labelled the rest (<see cref="RuleWords.Remainder"/>).
    /// </summary>
    private static Finding? Divided(IReadOnlyList<Claim> claims, List<int> sentence)
    {
        var words = RuleWords.Shared;
        var figures = Figures.InSentence(claims, sentence);
        var shares = figures.Where(f => Figures.IsPercent(claims[f.Index]) && claims[f.Index].Role == QuantityRole.Standalone
                && !Measures.SpanMeasures.Contains(claims[f.Index].MetricId ?? string.Empty)
                && !RuleWords.AnyWordIn([.. words.ChangeUp, .. words.ChangeDown], Figures.Near(f.Before, f.After)))
            .ToList();
        var rest = shares.Where(f => RuleWords.AnyIn(words.Remainder, f.Before)).Select(f => f.Index).Cast<int?>().FirstOrDefault();
        if (rest is not { } remainder || shares.Count < 2 || shares.Any(f => claims[f.Index].Quantity!.Value.Value > 100 || MultiSelected(claims[f.Index])))
        {
            return null;
        }

        var sum = shares.Sum(f => Math.Max(0m, Figures.Interval(claims[f.Index]).Low));
        if (sum <= 100m + (SlackPerFigure * shares.Count))
        {
            return null;
        }

        var flagged = claims[remainder];
        var others = shares.Where(f => f.Index != remainder).ToList();
        var left = 100m - others.Sum(f => claims[f.Index].Quantity!.Value.Value);
        var arithmetic = $"{string.Join(" + ", shares.Select(f => claims[f.Index].Text))} ≥ {Figures.Percent(sum)}; the rest of 100% is {Figures.Percent(left)}";
        var language = JudgingContext.LanguageOf(flagged);
        return new Finding(
            [remainder],
            RuleMessages.RestOver100(language, flagged, others.Select(f => claims[f.Index]).ToList(), Figures.Percent(sum), Figures.Percent(left)),
            [new Evidence("arithmetic", arithmetic), .. shares.Select(f => Figures.Cite(claims[f.Index]))]);
    }
}
