namespace Almanac.Analytics.Surveys;

/// <summary>Draws from the distributions the panel generator needs, from a <see cref="Random"/> the caller seeds.</summary>
internal static class Sampling
{
    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random random)
    {
        // 1 − U keeps the logarithm's argument in (0, 1].
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A Gamma(<paramref name="shape"/>, 1) draw: Marsaglia and Tsang's method, boosted by U^(1/shape) below shape 1.</summary>
    public static double Gamma(double shape, Random random)
    {
        if (shape < 1)
        {
            return Gamma(shape + 1, random) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>A Dirichlet draw with parameters <paramref name="alpha"/>; a parameter of 0 always draws 0.</summary>
    public static double[] Dirichlet(IReadOnlyList<double> alpha, Random random)
    {
        var draws = new double[alpha.Count];
        var sum = 0.0;

        // At tiny parameters every gamma draw can underflow to 0, which is no point of the simplex: draw again.
        while (!(sum > 0))
        {
            sum = 0;
            for (var k = 0; k < draws.Length; k++)
            {
                draws[k] = alpha[k] > 0 ? Gamma(alpha[k], random) : 0;
                sum += draws[k];
            }
        }

        for (var k = 0; k < draws.Length; k++)
        {
            draws[k] /= sum;
        }

        return draws;
    }

    /// <summary>The index drawn from a categorical distribution with probabilities <paramref name="p"/> (summing to 1).</summary>
    public static int Categorical(IReadOnlyList<double> p, Random random)
    {
        var u = random.NextDouble();
        var cumulative = 0.0;
        for (var k = 0; k < p.Count; k++)
        {
            cumulative += p[k];
            if (u < cumulative)
            {
                return k;
            }
        }

        // Rounding can leave the sum a hair under 1; the last category with any mass takes the remainder.
        for (var k = p.Count - 1; k > 0; k--)
        {
            if (p[k] > 0)
            {
                return k;
            }
        }

        return 0;
    }
}
