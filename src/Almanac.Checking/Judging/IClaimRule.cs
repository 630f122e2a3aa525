namespace Almanac.Checking.Judging;

/// <summary>
/// Judges one claim against the knowledge base. Returns null when the rule has nothing to say,
/// so the next rule is asked.
/// </summary>
internal interface IClaimRule
{
    /// <summary>The rule family a judgement names, e.g. <c>knowledge</c>: stable, for reports and tools.</summary>
    string Family { get; }

    Judgement? Judge(Claim claim, JudgingContext context);
}

/// <summary>
/// Looks at the document as a whole (a figure against another figure, or against arithmetic) and
/// reports every claim it finds at fault, each finding naming the claims involved.
/// </summary>
internal interface IDocumentRule
{
    /// <summary>The rule family a finding names, e.g. <c>shares-over-100</c>: stable, for reports and tools.</summary>
    string Family { get; }

    IEnumerable<Finding> Find(IReadOnlyList<Claim> claims, JudgingContext context);
}

/// <summary>An inconsistency among the claims at <paramref name="Claims"/> (indices into the document's claims).</summary>
internal sealed record Finding(IReadOnlyList<int> Claims, string Reason, IReadOnlyList<Evidence> Evidence);
