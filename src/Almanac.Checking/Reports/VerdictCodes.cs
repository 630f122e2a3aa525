namespace Almanac.Checking.Reports;

/// <summary>The verdicts as written in reports and JSON: <c>supported</c>, <c>contradicted</c>…</summary>
public static class VerdictCodes
{
    public static string ToCode(this Verdict verdict) => verdict.ToString().ToLowerInvariant();

    /// <summary>The order reports list verdicts in: problems first.</summary>
    public static readonly IReadOnlyList<Verdict> ReportOrder =
        [Verdict.Contradicted, Verdict.Inconsistent, Verdict.Disputed, Verdict.Supported, Verdict.Unverifiable];
}
