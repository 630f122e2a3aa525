namespace Almanac.Analytics.Surveys;

/// <summary>The answers of a survey panel to one question, all of the same kind, each respondent once.</summary>
public sealed class SurveyPanel
{
    private SurveyPanel(SurveyKind kind, IReadOnlyList<SurveyResponse> responses, IReadOnlyList<string> segments, IReadOnlyList<string> providers)
    {
        Kind = kind;
        Responses = responses;
        Segments = segments;
        Providers = providers;
    }

    /// <summary>The kind of question every response answers.</summary>
    public SurveyKind Kind { get; }

    /// <summary>The responses, in the order given.</summary>
    public IReadOnlyList<SurveyResponse> Responses { get; }

    /// <summary>The segments, in order of first appearance.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>Every provider any respondent named, in order of first appearance.</summary>
    public IReadOnlyList<string> Providers { get; }

    /// <summary>
    /// A panel of <paramref name="responses"/>. Refuses an empty panel, a respondent listed twice, answers of
    /// both kinds, and a segment called <see cref="SurveyEstimate.Overall"/>, which names the whole panel.
    /// </summary>
    public static SurveyPanel Of(IEnumerable<SurveyResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var list = responses.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("a panel needs at least one response", nameof(responses));
        }

        var kind = list[0].Kind;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var segments = new List<string>();
        var providers = new List<string>();
        var seenSegments = new HashSet<string>(StringComparer.Ordinal);
        var seenProviders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var response in list)
        {
            if (response.Kind != kind)
            {
                throw new ArgumentException($"respondent '{response.Respondent}' answers a {response.Kind} question in a {kind} panel", nameof(responses));
            }

            if (!ids.Add(response.Respondent))
            {
                throw new ArgumentException($"respondent '{response.Respondent}' is listed twice", nameof(responses));
            }

            if (string.Equals(response.Segment, SurveyEstimate.Overall, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"'{response.Segment}' names the whole panel and cannot be a segment", nameof(responses));
            }

            if (seenSegments.Add(response.Segment))
            {
                segments.Add(response.Segment);
            }

            foreach (var provider in response.Shares.Keys)
            {
                if (seenProviders.Add(provider))
                {
                    providers.Add(provider);
                }
            }
        }

        return new SurveyPanel(kind, list, segments, providers);
    }
}
