namespace Almanac.Analytics.Surveys;

/// <summary>
/// Shares of a survey panel by segment and overall, with a bootstrap percentile interval and an analytic
/// interval for each, the respondents behind each cell, and a warning where there are too few to read.
/// </summary>
/// <remarks>
/// <para>
/// A share is the weighted mean of respondents' shares, Σwᵢyᵢ / Σwᵢ, where yᵢ is the fraction of respondent
/// i's workloads on the provider (1 or 0 for a single choice). Each respondent counts by weight, not by the
/// size of their workloads, which a panel does not ask: it is a mean of ratios, not a ratio of totals.
/// </para>
/// <para>
/// The bootstrap resamples respondents with replacement within each segment, as the panel was recruited by
/// segment; the overall cell of a replicate pools that replicate's segments, so its interval is stratified too.
/// </para>
/// <para>
/// The analytic interval for a single choice is Wilson's, with Kish's effective n in place of n. For workload
/// shares it is a t interval on the Taylor-linearised variance of the weighted mean, with segments as strata:
/// with equal weights in one segment it is exactly the textbook mean ± t·s/√n, and it stays right when weights
/// vary, where s/√n would be too narrow. A t rather than a normal point, because small cells are where the
/// difference shows.
/// </para>
/// </remarks>
public sealed class SurveyEstimator
{
    private const double Tail = (1 - SurveyEstimate.Confidence) / 2;

    private readonly SurveyEstimatorOptions _options;

    /// <summary>An estimator with <paramref name="options"/>, or the defaults (2000 replicates, a warning below n = 30).</summary>
    public SurveyEstimator(SurveyEstimatorOptions? options = null)
    {
        _options = options ?? new SurveyEstimatorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Replicates, 10, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MinimumN, nameof(options));
    }

    /// <summary>Estimates every provider's share in every segment and overall; <paramref name="random"/> drives the bootstrap.</summary>
    public SurveyEstimate Estimate(SurveyPanel panel, Random random)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(random);
        var providers = panel.Providers;
        var strata = panel.Segments.Select(s => Stratum.Of(panel.Responses.Where(r => r.Segment == s).ToList(), providers)).ToList();
        var whole = Stratum.Of(panel.Responses, providers);
        var replicates = Bootstrap(strata, providers.Count, random);

        var overallShares = whole.Shares();
        var order = Enumerable.Range(0, providers.Count)
            .OrderByDescending(k => overallShares[k])
            .ThenBy(k => providers[k], StringComparer.Ordinal)
            .ToList();
        var method = panel.Kind == SurveyKind.SingleChoice ? AnalyticInterval.Wilson : AnalyticInterval.StudentT;
        var cells = new List<SurveyCell>();
        for (var s = 0; s <= strata.Count; s++)
        {
            var isOverall = s == strata.Count;
            var cellStrata = isOverall ? strata : [strata[s]];
            var cell = isOverall ? whole : strata[s];
            var shares = cell.Shares();
            foreach (var k in order)
            {
                var analytic = method == AnalyticInterval.Wilson
                    ? Intervals.Wilson(shares[k], cell.EffectiveN)
                    : StudentT(cellStrata, k, shares[k]);
                cells.Add(new SurveyCell(
                    isOverall ? SurveyEstimate.Overall : panel.Segments[s],
                    providers[k],
                    shares[k],
                    cell.Count,
                    cell.EffectiveN,
                    Percentile(replicates[s].AsSpan(k * _options.Replicates, _options.Replicates)),
                    analytic,
                    cell.Count < _options.MinimumN ? $"n={cell.Count} is too small to read" : null));
            }
        }

        return new SurveyEstimate(panel.Kind, method, _options.Replicates, _options.MinimumN, cells);
    }

    /// <summary>
    /// Replicate shares for each stratum and, last, for the whole panel, laid out provider by provider:
    /// entry [k·B + b] is provider k's share in replicate b.
    /// </summary>
    private double[][] Bootstrap(List<Stratum> strata, int providers, Random random)
    {
        var count = _options.Replicates;
        var result = new double[strata.Count + 1][];
        for (var s = 0; s <= strata.Count; s++)
        {
            result[s] = new double[providers * count];
        }

        var totals = new double[providers];
        var sums = new double[providers];
        for (var b = 0; b < count; b++)
        {
            Array.Clear(totals);
            var totalWeight = 0.0;
            for (var s = 0; s < strata.Count; s++)
            {
                var stratum = strata[s];
                Array.Clear(sums);
                var weight = 0.0;
                for (var draw = 0; draw < stratum.Count; draw++)
                {
                    var i = random.Next(stratum.Count);
                    var w = stratum.Weights[i];
                    weight += w;
                    var row = stratum.Values.AsSpan(i * providers, providers);
                    for (var k = 0; k < providers; k++)
                    {
                        sums[k] += w * row[k];
                    }
                }

                for (var k = 0; k < providers; k++)
                {
                    result[s][(k * count) + b] = sums[k] / weight;
                    totals[k] += sums[k];
                }

                totalWeight += weight;
            }

            for (var k = 0; k < providers; k++)
            {
                result[strata.Count][(k * count) + b] = totals[k] / totalWeight;
            }
        }

        return result;
    }

    private static ShareInterval Percentile(Span<double> replicates)
    {
        replicates.Sort();
        return new ShareInterval(Intervals.Quantile(replicates, Tail), Intervals.Quantile(replicates, 1 - Tail));
    }

    /// <summary>
    /// The t interval on the linearised variance of the weighted mean over <paramref name="strata"/>:
    /// with zᵢ = wᵢ(yᵢ − ŷ)/W, v = Σₕ nₕ/(nₕ − 1) Σᵢ (zᵢ − z̄ₕ)², on n − H degrees of freedom. Null when
    /// some stratum has a single respondent, whose spread cannot be told.
    /// </summary>
    private static ShareInterval? StudentT(IReadOnlyList<Stratum> strata, int provider, double share)
    {
        var n = strata.Sum(s => s.Count);
        if (strata.Any(s => s.Count < 2))
        {
            return null;
        }

        var totalWeight = strata.Sum(s => s.TotalWeight);
        var providers = strata[0].Providers;
        var variance = 0.0;
        foreach (var stratum in strata)
        {
            var z = new double[stratum.Count];
            for (var i = 0; i < stratum.Count; i++)
            {
                z[i] = stratum.Weights[i] * (stratum.Values[(i * providers) + provider] - share) / totalWeight;
            }

            var mean = z.Average();
            var squares = z.Sum(x => (x - mean) * (x - mean));
            variance += stratum.Count / (stratum.Count - 1.0) * squares;
        }

        var half = Intervals.StudentT975(n - strata.Count) * Math.Sqrt(variance);
        return new ShareInterval(Math.Max(0, share - half), Math.Min(1, share + half));
    }

    /// <summary>The respondents of one segment (or of the panel) as flat arrays: weights, and each respondent's row of provider fractions.</summary>
    private sealed class Stratum
    {
        private Stratum(double[] weights, double[] values, int providers)
        {
            Weights = weights;
            Values = values;
            Providers = providers;
            TotalWeight = weights.Sum();
            EffectiveN = TotalWeight * TotalWeight / weights.Sum(w => w * w);
        }

        public double[] Weights { get; }

        public double[] Values { get; }

        public int Providers { get; }

        public int Count => Weights.Length;

        public double TotalWeight { get; }

        public double EffectiveN { get; }

        public static Stratum Of(IReadOnlyList<SurveyResponse> responses, IReadOnlyList<string> providers)
        {
            var weights = new double[responses.Count];
            var values = new double[responses.Count * providers.Count];
            for (var i = 0; i < responses.Count; i++)
            {
                weights[i] = responses[i].Weight;
                for (var k = 0; k < providers.Count; k++)
                {
                    values[(i * providers.Count) + k] = responses[i].Shares.GetValueOrDefault(providers[k]);
                }
            }

            return new Stratum(weights, values, providers.Count);
        }

        public double[] Shares()
        {
            var shares = new double[Providers];
            for (var i = 0; i < Count; i++)
            {
                for (var k = 0; k < Providers; k++)
                {
                    shares[k] += Weights[i] * Values[(i * Providers) + k];
                }
            }

            for (var k = 0; k < Providers; k++)
            {
                shares[k] /= TotalWeight;
            }

            return shares;
        }
    }
}
