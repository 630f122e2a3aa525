namespace Almanac.Analytics.Surveys;

/// <summary>The interval formulas the estimator uses, kept apart so each can be checked against a textbook value.</summary>
internal static class Intervals
{
    /// <summary>The 97.5% point of the standard normal distribution: a two-sided 95% interval is ±1.96σ.</summary>
    public const double Z975 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval for a proportion <paramref name="p"/> observed on <paramref name="n"/> trials.
    /// Unlike p ± 1.96√(p(1−p)/n) it stays within [0, 1] and does not collapse to a point at 0 or 1,
    /// which matters for small providers in small segments.
    /// </summary>
    public static ShareInterval Wilson(double p, double n)
    {
        var z2 = Z975 * Z975;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = Z975 / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new ShareInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// The 97.5% point of Student's t with <paramref name="df"/> degrees of freedom: exact for 1 to 4, where
    /// the expansion is poor, otherwise the Cornish–Fisher expansion in 1/df (Abramowitz and Stegun 26.7.5),
    /// within 0.001 of the exact value from df = 5.
    /// </summary>
    public static double StudentT975(int df)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(df);
        switch (df)
        {
            case 1:
                return Math.Tan(Math.PI * 0.475);
            case 2:
                // t = (2p − 1) / √(2p(1 − p)) for p = 0.975.
                return 0.95 / Math.Sqrt(2 * 0.975 * 0.025);
            case 3:
                return 3.182446305284263;
            case 4:
                return 2.776445105197799;
        }

        var z = Z975;
        var z2 = z * z;
        var z3 = z2 * z;
        var z5 = z3 * z2;
        var z7 = z5 * z2;
        var z9 = z7 * z2;
        var g1 = (z3 + z) / 4;
        var g2 = ((5 * z5) + (16 * z3) + (3 * z)) / 96;
        var g3 = ((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / 384;
        var g4 = ((79 * z9) + (776 * z7) + (1482 * z5) - (1920 * z3) - (945 * z)) / 92160;
        double v = df;
        return z + (g1 / v) + (g2 / (v * v)) + (g3 / (v * v * v)) + (g4 / (v * v * v * v));
    }

    /// <summary>The <paramref name="q"/> quantile of <paramref name="sorted"/> by linear interpolation between order statistics (Hyndman and Fan type 7).</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
