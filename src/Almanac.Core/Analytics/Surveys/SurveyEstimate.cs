namespace Almanac.Analytics.Surveys;

/// <summary>A confidence interval for a share, as fractions from 0 to 1.</summary>
public readonly record struct ShareInterval(double Lower, double Upper)
{
    /// <summary>Whether <paramref name="share"/> lies within the interval, ends included.</summary>
    public bool Contains(double share) => share >= Lower && share <= Upper;
}

/// <summary>How the analytic interval of an estimate was computed.</summary>
public enum AnalyticInterval
{
    /// <summary>Wilson score interval with the Kish effective sample size in place of n (single choice).</summary>
    Wilson,

    /// <summary>Student t interval on the linearised variance of the weighted mean of respondents' shares (workload shares).</summary>
    StudentT,
}

/// <summary>One provider's share in one segment (or in the whole panel), with its intervals and how far it can be read.</summary>
/// <param name="Segment">The segment, or <see cref="SurveyEstimate.Overall"/> for the whole panel.</param>
/// <param name="Provider">The provider.</param>
/// <param name="Share">The weighted share, a fraction from 0 to 1.</param>
/// <param name="N">Respondents in the cell (every respondent of the segment, whether or not they named the provider).</param>
/// <param name="EffectiveN">Kish's effective sample size (Σw)²/Σw²: n for equal weights, less the more the weights vary.</param>
/// <param name="Bootstrap">The 95% bootstrap percentile interval.</param>
/// <param name="Analytic">The 95% analytic interval, or null where none fits (a workload cell of one respondent).</param>
/// <param name="Warning">Why the cell should not be read, or null.</param>
public sealed record SurveyCell(
    string Segment,
    string Provider,
    double Share,
    int N,
    double EffectiveN,
    ShareInterval Bootstrap,
    ShareInterval? Analytic,
    string? Warning)
{
    /// <summary>Whether this cell covers the whole panel rather than one segment.</summary>
    public bool IsOverall => Segment == SurveyEstimate.Overall;
}

/// <summary>The shares of a panel by segment and overall, each with a bootstrap and an analytic 95% interval.</summary>
/// <param name="Kind">The kind of question the panel answered.</param>
/// <param name="Method">How the analytic intervals were computed.</param>
/// <param name="Replicates">How many bootstrap replicates the percentile intervals rest on.</param>
/// <param name="MinimumN">Cells with fewer respondents than this carry a warning.</param>
/// <param name="Cells">Segments in order of first appearance, then <see cref="Overall"/>; within each, providers by overall share, largest first.</param>
public sealed record SurveyEstimate(SurveyKind Kind, AnalyticInterval Method, int Replicates, int MinimumN, IReadOnlyList<SurveyCell> Cells)
{
    /// <summary>The name of the cell that covers the whole panel.</summary>
    public const string Overall = "all";

    /// <summary>The confidence level of every interval.</summary>
    public const double Confidence = 0.95;

    /// <summary>The cell of <paramref name="provider"/> in <paramref name="segment"/>.</summary>
    public SurveyCell Cell(string segment, string provider) =>
        Cells.FirstOrDefault(c => c.Segment == segment && c.Provider == provider)
        ?? throw new KeyNotFoundException($"no cell for '{provider}' in '{segment}'");
}
