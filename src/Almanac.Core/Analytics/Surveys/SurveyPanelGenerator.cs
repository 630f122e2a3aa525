namespace Almanac.Analytics.Surveys;

/// <summary>One segment of a test panel: its name, its part of the respondents, and the true shares it is drawn from.</summary>
/// <param name="Name">The segment's name.</param>
/// <param name="Proportion">Its part of the respondents, relative to the other segments' (2 and 1 split 2:1).</param>
/// <param name="TrueShares">The true share of each provider, in percent (summing to 100) or as fractions (summing to 1).</param>
public sealed record SurveySegmentDesign(string Name, double Proportion, IReadOnlyDictionary<string, double> TrueShares);

/// <summary>What a test panel looks like: the question, how many respondents, the segments, and how noisy the answers and weights are.</summary>
/// <param name="Kind">Workload shares or single choice.</param>
/// <param name="Respondents">How many respondents in all; split across segments by proportion.</param>
/// <param name="Segments">The segments.</param>
public sealed record SurveyPanelDesign(SurveyKind Kind, int Respondents, IReadOnlyList<SurveySegmentDesign> Segments)
{
    /// <summary>
    /// The Dirichlet concentration α₀ of workload shares: a respondent's shares are drawn from Dirichlet(α₀·μ)
    /// around the segment's true shares μ, so each share has variance μ(1 − μ)/(α₀ + 1). The default 4 gives
    /// respondents as far apart as real panels, most leaning on one or two providers.
    /// </summary>
    public double Concentration { get; init; } = 4;

    /// <summary>
    /// The spread σ of log-normal weights, exp(σZ − σ²/2), which average 1; 0 (the default) leaves every
    /// weight at 1. At 0.5 the Kish effective n is about 78% of n.
    /// </summary>
    public double WeightSpread { get; init; }
}

/// <summary>A generated panel with the true shares it was drawn from.</summary>
public sealed class GeneratedSurveyPanel
{
    private readonly Dictionary<(string Segment, string Provider), double> _truth;

    internal GeneratedSurveyPanel(SurveyPanel panel, Dictionary<(string Segment, string Provider), double> truth)
    {
        Panel = panel;
        _truth = truth;
    }

    /// <summary>The panel.</summary>
    public SurveyPanel Panel { get; }

    /// <summary>
    /// The true share (0–1) of <paramref name="provider"/> in <paramref name="segment"/>; for
    /// <see cref="SurveyEstimate.Overall"/>, the segments' true shares averaged by their respondent counts,
    /// which is what the weighted share of the whole panel estimates when weights do not depend on the answers.
    /// </summary>
    public double TrueShare(string segment, string provider) => _truth.GetValueOrDefault((segment, provider));
}

/// <summary>
/// Generates survey panels with known true shares, so that the estimator's intervals can be checked against
/// the truth and users can try the commands without real survey data.
/// </summary>
public static class SurveyPanelGenerator
{
    /// <summary>A panel drawn from <paramref name="design"/>; the same <paramref name="random"/> seed draws the same panel.</summary>
    public static GeneratedSurveyPanel Generate(SurveyPanelDesign design, Random random)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(design.Respondents, design.Segments.Count, nameof(design));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(design.Concentration, nameof(design));
        ArgumentOutOfRangeException.ThrowIfNegative(design.WeightSpread, nameof(design));
        if (design.Segments.Count == 0)
        {
            throw new ArgumentException("a panel needs at least one segment", nameof(design));
        }

        var providers = design.Segments.SelectMany(s => s.TrueShares.Keys).Distinct(StringComparer.Ordinal).ToList();
        var means = design.Segments.Select(s => TrueShares(s, providers)).ToList();
        var sizes = Apportion(design.Respondents, design.Segments.Select(s => s.Proportion).ToList());
        var total = sizes.Sum();
        var width = total.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var responses = new List<SurveyResponse>(total);
        var truth = new Dictionary<(string, string), double>();
        for (var s = 0; s < design.Segments.Count; s++)
        {
            var segment = design.Segments[s].Name;
            var alpha = means[s].Select(m => m * design.Concentration).ToList();
            for (var i = 0; i < sizes[s]; i++)
            {
                var id = "r" + (responses.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
                var weight = design.WeightSpread > 0
                    ? Math.Exp((design.WeightSpread * Sampling.Normal(random)) - (design.WeightSpread * design.WeightSpread / 2))
                    : 1;
                responses.Add(design.Kind == SurveyKind.SingleChoice
                    ? SurveyResponse.OfChoice(id, segment, providers[Sampling.Categorical(means[s], random)], weight)
                    : SurveyResponse.OfWorkloads(id, segment, Named(providers, Sampling.Dirichlet(alpha, random)), weight));
            }

            for (var k = 0; k < providers.Count; k++)
            {
                truth[(segment, providers[k])] = means[s][k];
                truth[(SurveyEstimate.Overall, providers[k])] = truth.GetValueOrDefault((SurveyEstimate.Overall, providers[k])) + (means[s][k] * sizes[s] / total);
            }
        }

        return new GeneratedSurveyPanel(SurveyPanel.Of(responses), truth);
    }

    private static double[] TrueShares(SurveySegmentDesign segment, List<string> providers)
    {
        // The response factory checks and rescales the shares as it would a respondent's.
        var shares = SurveyResponse.OfWorkloads("truth", segment.Name, segment.TrueShares).Shares;
        return providers.Select(p => shares.GetValueOrDefault(p)).ToArray();
    }

    private static Dictionary<string, double> Named(List<string> providers, double[] shares)
    {
        var named = new Dictionary<string, double>(providers.Count, StringComparer.Ordinal);
        for (var k = 0; k < providers.Count; k++)
        {
            if (shares[k] > 0)
            {
                named[providers[k]] = shares[k];
            }
        }

        return named;
    }

    /// <summary>Splits <paramref name="total"/> respondents by <paramref name="proportions"/>, largest remainders first, at least one each.</summary>
    private static int[] Apportion(int total, List<double> proportions)
    {
        if (proportions.Any(p => !double.IsFinite(p) || p <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(proportions), "a segment's proportion must be above 0");
        }

        var sum = proportions.Sum();
        var exact = proportions.Select(p => p / sum * total).ToArray();
        var sizes = exact.Select(e => Math.Max(1, (int)Math.Floor(e))).ToArray();
        foreach (var s in Enumerable.Range(0, sizes.Length).OrderByDescending(s => exact[s] - Math.Floor(exact[s])).ThenBy(s => s))
        {
            if (sizes.Sum() >= total)
            {
                break;
            }

            sizes[s]++;
        }

        return sizes;
    }
}
