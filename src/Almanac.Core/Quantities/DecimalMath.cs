namespace Almanac.Quantities;

/// <summary>Exact decimal helpers shared by the parser and the formatter.</summary>
internal static class DecimalMath
{
    private static readonly decimal[] PositivePowers = BuildPowers();

    /// <summary>10^<paramref name="exponent"/> for -28 ≤ exponent ≤ 28, exactly.</summary>
    public static decimal Pow10(int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exponent, 28);
        ArgumentOutOfRangeException.ThrowIfLessThan(exponent, -28);
        return exponent >= 0 ? PositivePowers[exponent] : new decimal(1, 0, 0, false, (byte)(-exponent));
    }

    /// <summary>The same value with no trailing zeros after the point (<c>5617000000.00</c> → <c>5617000000</c>).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>The number of digits after the point, as stored.</summary>
    public static int Scale(decimal value) => value.Scale;

    /// <summary>
    /// The power of ten of the leading digit: 5617000000 → 9, 0.25 → -1. Zero gives 0.
    /// </summary>
    public static int Exponent(decimal value)
    {
        value = Math.Abs(value);
        if (value == 0m)
        {
            return 0;
        }

        var exponent = 0;
        while (value >= 10m)
        {
            value /= 10m;
            exponent++;
        }

        while (value < 1m)
        {
            value *= 10m;
            exponent--;
        }

        return exponent;
    }

    /// <summary>Rounds to <paramref name="digits"/> significant digits, half away from zero.</summary>
    public static decimal RoundSignificant(decimal value, int digits)
    {
        if (value == 0m)
        {
            return 0m;
        }

        var decimals = digits - 1 - Exponent(value);
        if (decimals >= 0)
        {
            return Normalize(Math.Round(value, Math.Min(decimals, 28), MidpointRounding.AwayFromZero));
        }

        var unit = Pow10(-decimals);
        return Normalize(Math.Round(value / unit, 0, MidpointRounding.AwayFromZero) * unit);
    }

    private static decimal[] BuildPowers()
    {
        var powers = new decimal[29];
        powers[0] = 1m;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10m;
        }

        return powers;
    }
}
