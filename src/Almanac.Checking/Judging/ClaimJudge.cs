namespace Almanac.Checking.Judging;

/// <summary>
/// Gives every claim of a document its verdict. First the document is checked against itself and
/// arithmetic (a claim found at fault is <see cref="Verdict.Inconsistent"/>, whatever the knowledge
/// base says); then each remaining claim is judged by the knowledge base; anything left is
/// <see cref="Verdict.Unverifiable"/>. Rules run in a fixed order and the judge is reusable.
/// </summary>
public sealed class ClaimJudge
{
    private readonly IReadOnlyList<IDocumentRule> _documentRules =
    [
        new SameMeasureRule(),
        new GrowthRule(),
        new CagrRule(),
        new SharesSumRule(),
        new PartWholeRule(),
        new HeadingRule(),
        new LatestFigureRule(),
        new MoeParametersRule(),
    ];

    private readonly IReadOnlyList<IClaimRule> _claimRules = [new KnowledgeRule()];

    /// <summary>
    /// One judgement per claim, in order, each with a one-line reason and its evidence.
    /// </summary>
    /// <param name="asOf">When given, only facts whose source was published on or before this day are used.</param>
    public IReadOnlyList<Judgement> Judge(IReadOnlyList<Claim> claims, CheckKnowledge knowledge, DateOnly? asOf = null) =>
        Judge(claims, knowledge, asOf, CancellationToken.None);

    /// <summary>As the overload without a token; stops with <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> is cancelled (looked at between rules and every few claims).</summary>
    public IReadOnlyList<Judgement> Judge(IReadOnlyList<Claim> claims, CheckKnowledge knowledge, DateOnly? asOf, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(knowledge);
        var context = new JudgingContext(knowledge, asOf);
        var byKnowledge = new Dictionary<Claim, Judgement>(ReferenceEqualityComparer.Instance);
        context.SupportedByKnowledge = claim =>
        {
            if (!byKnowledge.TryGetValue(claim, out var judged))
            {
                byKnowledge[claim] = judged = ByKnowledge(claim, context, _claimRules);
            }

            return judged.Verdict == Verdict.Supported;
        };
        context.Measures = new Measures(claims);
        var findings = new Dictionary<int, List<(string Family, Finding Finding)>>();
        foreach (var (family, finding) in _documentRules.SelectMany(rule => Observed(rule.Find(claims, context), cancellation).Select(finding => (rule.Family, finding))))
        {
            foreach (var index in finding.Claims.Distinct())
            {
                if (!findings.TryGetValue(index, out var list))
                {
                    findings[index] = list = [];
                }

                list.Add((family, finding));
            }
        }

        var judgements = new List<Judgement>(claims.Count);
        for (var index = 0; index < claims.Count; index++)
        {
            if (index % ClaimsPerCancellationCheck == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            var claim = claims[index];
            judgements.Add(findings.TryGetValue(index, out var found)
                ? Inconsistent(claim, found)
                : byKnowledge.TryGetValue(claim, out var judged) ? judged : ByKnowledge(claim, context, _claimRules));
        }

        return judgements;
    }

    /// <summary>Claims judged between two looks at the cancellation token.</summary>
    private const int ClaimsPerCancellationCheck = 32;

    /// <summary>A rule's findings, looking at the token before the rule starts and every few findings.</summary>
    private static IEnumerable<Finding> Observed(IEnumerable<Finding> findings, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var count = 0;
        foreach (var finding in findings)
        {
            if (++count % ClaimsPerCancellationCheck == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            yield return finding;
        }
    }

    private static Judgement Inconsistent(Claim claim, List<(string Family, Finding Finding)> flagged)
    {
        var found = flagged.Select(f => f.Finding).ToList();
        var reason = found.Count == 1 ? found[0].Reason : $"{found[0].Reason} (and {found.Count - 1} more)";
        var evidence = found.SelectMany(f => f.Evidence)
            .Where(e => !(e.Kind == "claim" && e.Source == Figures.Line(claim) && e.Text.StartsWith(claim.Text, StringComparison.Ordinal)))
            .Distinct()
            .ToList();
        return new Judgement(claim, Verdict.Inconsistent, reason, evidence) { Rule = flagged[0].Family };
    }

    private static Judgement ByKnowledge(Claim claim, JudgingContext context, IReadOnlyList<IClaimRule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.Judge(claim, context) is { } judgement)
            {
                return judgement with { Rule = rule.Family };
            }
        }

        var why = claim.EntityId is null || claim.MetricId is null
            ? "Not understood well enough to judge: " + (claim.EntityId is null ? "no entity" : "no metric")
            : $"No fact in the knowledge base about {claim.MetricId} of {claim.EntityId} in this scope and period";
        return new Judgement(claim, Verdict.Unverifiable, why, []);
    }
}
