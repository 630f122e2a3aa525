namespace Almanac.Analytics.Surveys;

/// <summary>How a <see cref="SurveyEstimator"/> resamples and when it warns.</summary>
public sealed record SurveyEstimatorOptions
{
    /// <summary>Bootstrap replicates per interval; 2000 keeps the Monte Carlo wobble of a 2.5% percentile well under a point of share.</summary>
    public int Replicates { get; init; } = 2000;

    /// <summary>A cell with fewer respondents than this carries a warning that it is too small to read.</summary>
    public int MinimumN { get; init; } = 30;
}
