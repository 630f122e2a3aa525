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

        // A line's sentences in order: the rest one of them names completes what the line listed before it.
        foreach (var line in Enumerable.Range(0, claims.Count).Where(k => claims[k].Quantity is not null).GroupBy(k => claims[k].Span.Line))
        {
            var sentences = line.GroupBy(k => claims[k].Sentence, StringComparer.Ordinal)
                .Select(g => Figures.InSentence(claims, g.ToList()))
                .Where(f => f.Count > 0)
                .OrderBy(f => claims[f[0].Index].Span.Offset)
                .ToList();
            if (Divided(claims, sentences, context) is { } finding)
            {
                yield return finding;
            }
        }
    }

    private static bool MultiSelected(Claim claim) =>
        RuleWords.AnyIn(RuleWords.Shared.MultiSelect, claim.Context) || RuleWords.AnyIn(RuleWords.Shared.MultiSelect, claim.Sentence);

    /// <summary>
    /// The shares of a whole a line divides: its percentages up to the end of the sentence that
    /// names the rest (<see cref="RuleWords.Remainder"/>), dated as the rest is or not at all; not
    /// rates of change, not a change's from or to.
    /// </summary>
    private static Finding? Divided(IReadOnlyList<Claim> claims, List<List<(int Index, string Before, string After)>> sentences, JudgingContext context)
    {
        var words = RuleWords.Shared;
        var listed = new List<int>();
        foreach (var sentence in sentences)
        {
            var shares = sentence.Where(f => Figures.IsPercent(claims[f.Index]) && claims[f.Index].Role == QuantityRole.Standalone
                    && !Measures.SpanMeasures.Contains(claims[f.Index].MetricId ?? string.Empty)
                    && !RuleWords.AnyWordIn([.. words.ChangeUp, .. words.ChangeDown], Figures.Near(f.Before, f.After)))
                .ToList();
            listed.AddRange(shares.Select(f => f.Index));
            if (shares.Where(f => RuleWords.AnyIn(words.Remainder, f.Before)).Select(f => f.Index).Cast<int?>().FirstOrDefault() is { } remainder)
            {
                return Rest(claims, [.. listed.Where(k => claims[k].Period is null || claims[remainder].Period is null || Figures.Same(claims[k].Period, claims[remainder].Period))], remainder, context);
            }

            if (shares.Count >= MinListed && RuleWords.AnyWordIn(words.Division, claims[shares[0].Index].Sentence))
            {
                return Rest(claims, [.. shares.Select(f => f.Index)], null, context);
            }
        }

        return null;
    }

    /// <summary>Shares a sentence that says it divides a whole must list to be read as that whole's parts.</summary>
    private const int MinListed = 3;

    /// <summary>
    /// Shares of one whole past 100%: the rest the note computed is flagged when it names one,
    /// otherwise the shares the knowledge base does not back (all of them when it backs none).
    /// </summary>
    private static Finding? Rest(IReadOnlyList<Claim> claims, List<int> shares, int? rest, JudgingContext context)
    {
        if (shares.Count < 2 || shares.Any(k => claims[k].Quantity!.Value.Value > 100 || MultiSelected(claims[k])))
        {
            return null;
        }

        var sum = shares.Sum(k => Math.Max(0m, Figures.Interval(claims[k]).Low));
        if (sum <= 100m + (SlackPerFigure * shares.Count))
        {
            return null;
        }

        var language = JudgingContext.LanguageOf(claims[shares[0]]);
        if (rest is not { } remainder)
        {
            var backed = shares.Where(k => context.SupportedByKnowledge(claims[k])).ToList();
            var first = claims[shares[0]];
            return new Finding(
                backed.Count > 0 && backed.Count < shares.Count ? shares.Except(backed).ToList() : shares,
                RuleMessages.SharesOver100(language, first.Scope.IsEmpty ? string.Empty : first.Scope.ToString(), first.Period?.ToString() ?? string.Empty, Figures.Percent(sum)),
                [new Evidence("arithmetic", $"{string.Join(" + ", shares.Select(k => claims[k].Text))} ≥ {Figures.Percent(sum)}, above 100%"), .. shares.Select(k => Figures.Cite(claims[k]))]);
        }

        var flagged = claims[remainder];
        var others = shares.Where(k => k != remainder).ToList();
        var left = 100m - others.Sum(k => claims[k].Quantity!.Value.Value);
        var arithmetic = $"{string.Join(" + ", shares.Select(k => claims[k].Text))} ≥ {Figures.Percent(sum)}; the rest of 100% is {Figures.Percent(left)}";
        return new Finding(
            [remainder],
            RuleMessages.RestOver100(language, flagged, others.Select(k => claims[k]).ToList(), Figures.Percent(sum), Figures.Percent(left)),
            [new Evidence("arithmetic", arithmetic), .. shares.Select(k => Figures.Cite(claims[k]))]);
    }
}
