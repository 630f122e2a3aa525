namespace Almanac.Checking;

/// <summary>What Almanac concludes about a claim.</summary>
public enum Verdict
{
    /// <summary>The knowledge base has a matching fact, within the claim's stated precision and qualifier.</summary>
    Supported,

    /// <summary>The knowledge base says otherwise.</summary>
    Contradicted,

    /// <summary>The knowledge base's own sources disagree on this measure.</summary>
    Disputed,

    /// <summary>The document contradicts itself or arithmetic.</summary>
    Inconsistent,

    /// <summary>Nothing to judge it by. When in doubt, this, never a false alarm.</summary>
    Unverifiable,
}

/// <summary>One piece of evidence behind a verdict.</summary>
/// <param name="Kind"><c>fact</c> (a knowledge-base fact), <c>arithmetic</c> (a computation), or <c>claim</c> (another figure of the same document).</param>
/// <param name="Text">What the evidence says, readable on its own.</param>
/// <param name="Source">For facts: the publisher and date; for claims: where in the document.</param>
/// <param name="Url">For facts: the source's address.</param>
public sealed record Evidence(string Kind, string Text, string? Source = null, string? Url = null);

/// <summary>A claim with its verdict, a one-line reason, and the evidence.</summary>
public sealed record Judgement(Claim Claim, Verdict Verdict, string Reason, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>The family of the rule that gave the verdict (<c>knowledge</c>, <c>growth-levels</c>, …); null when no rule could judge.</summary>
    public string? Rule { get; init; }
}

/// <summary>Every figure of one document, judged.</summary>
public sealed record CheckReport(string Document, string Text, IReadOnlyList<Judgement> Judgements)
{
    /// <summary>What was not read, and where (<c>12:1: line skipped: 20,000 characters (the limit is 10,000)</c>): no figure there was checked.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    public IReadOnlyDictionary<Verdict, int> Summary =>
        Enum.GetValues<Verdict>().ToDictionary(v => v, v => Judgements.Count(j => j.Verdict == v));
}
