namespace Almanac.Analytics.Surveys;

/// <summary>What a panel asked its respondents: how their workloads split across providers, or which one provider they use most.</summary>
public enum SurveyKind
{
    /// <summary>Each respondent gives the share of their workloads on each provider; the shares sum to 100%.</summary>
    WorkloadShares,

    /// <summary>Each respondent names one provider.</summary>
    SingleChoice,
}
