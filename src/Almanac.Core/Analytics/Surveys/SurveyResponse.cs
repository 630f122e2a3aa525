namespace Almanac.Analytics.Surveys;

/// <summary>
/// One respondent's answer: who they are, the segment they were sampled in, their weight, and how their
/// workloads split across providers (a single choice is the split that puts everything on one provider).
/// </summary>
public sealed class SurveyResponse
{
    /// <summary>How far the shares of one respondent may sum from 100% (or from 1) before they are refused.</summary>
    public const double SumTolerancePercent = 1;

    private SurveyResponse(string respondent, string segment, double weight, string? choice, IReadOnlyDictionary<string, double> shares)
    {
        Respondent = respondent;
        Segment = segment;
        Weight = weight;
        Choice = choice;
        Shares = shares;
    }

    /// <summary>The respondent's identifier, unique within a panel.</summary>
    public string Respondent { get; }

    /// <summary>The segment the respondent belongs to (enterprise, startup…).</summary>
    public string Segment { get; }

    /// <summary>The respondent's survey weight; 1 when the panel is unweighted.</summary>
    public double Weight { get; }

    /// <summary>The provider named by a single-choice answer; null for workload shares.</summary>
    public string? Choice { get; }

    /// <summary>The fraction (0–1) of the respondent's workloads on each provider named; they sum to 1.</summary>
    public IReadOnlyDictionary<string, double> Shares { get; }

    /// <summary>Which kind of question this answers.</summary>
    public SurveyKind Kind => Choice is null ? SurveyKind.WorkloadShares : SurveyKind.SingleChoice;

    /// <summary>A single-choice answer: the respondent names <paramref name="provider"/>.</summary>
    public static SurveyResponse OfChoice(string respondent, string segment, string provider, double weight = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        return new SurveyResponse(Name(respondent), Name(segment), CheckWeight(weight), provider, new Dictionary<string, double>(StringComparer.Ordinal) { [provider] = 1 });
    }

    /// <summary>
    /// A workload-shares answer. The shares may be given in percent (summing to 100 ± 1) or as fractions
    /// (summing to 1 ± 0.01); they are kept as fractions rescaled to sum to exactly 1, so that a respondent
    /// whose rounded answers sum to 99 counts as much as one whose answers sum to 100.
    /// </summary>
    public static SurveyResponse OfWorkloads(string respondent, string segment, IReadOnlyDictionary<string, double> shares, double weight = 1)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0)
        {
            throw new ArgumentException("a workload answer needs at least one provider's share", nameof(shares));
        }

        var sum = 0.0;
        foreach (var (provider, share) in shares)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(provider, nameof(shares));
            if (!double.IsFinite(share) || share < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(shares), share, $"the share of '{provider}' must be a finite number of at least 0");
            }

            sum += share;
        }

        var scale = Math.Abs(sum - 100) <= SumTolerancePercent ? sum
            : Math.Abs(sum - 1) <= SumTolerancePercent / 100 ? sum
            : throw new ArgumentException($"the shares sum to {sum}; expected 100 (percent) or 1 (fractions)", nameof(shares));
        var fractions = new Dictionary<string, double>(shares.Count, StringComparer.Ordinal);
        foreach (var (provider, share) in shares)
        {
            fractions[provider] = share / scale;
        }

        return new SurveyResponse(Name(respondent), Name(segment), CheckWeight(weight), null, fractions);
    }

    private static string Name(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? parameter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameter);
        return value;
    }

    private static double CheckWeight(double weight) =>
        double.IsFinite(weight) && weight > 0 ? weight : throw new ArgumentOutOfRangeException(nameof(weight), weight, "a weight must be a finite number above 0");
}
