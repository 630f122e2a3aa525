namespace Almanac.Analytics;

/// <summary>Growth between two levels, as analysts state it: a change in percent, or a compound annual rate.</summary>
public static class Growth
{
    /// <summary>The change from <paramref name="start"/> to <paramref name="end"/>, in percent (73.58 after 56.17 is +31.0%).</summary>
    public static decimal Percent(decimal start, decimal end)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(start);
        return ((end / start) - 1) * 100;
    }

    /// <summary>
    /// The compound annual growth rate, in percent, that takes <paramref name="start"/> to
    /// <paramref name="end"/> in <paramref name="years"/> years: (end/start)^(1/years) − 1.
    /// </summary>
    public static decimal Cagr(decimal start, decimal end, double years)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(start);
        ArgumentOutOfRangeException.ThrowIfNegative(end);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(years);
        return (decimal)((Math.Pow((double)(end / start), 1.0 / years) - 1) * 100);
    }

    /// <summary>Where <paramref name="start"/> ends after <paramref name="years"/> years at <paramref name="cagrPercent"/> a year.</summary>
    public static decimal Project(decimal start, decimal cagrPercent, double years) =>
        start * (decimal)Math.Pow((double)(1 + (cagrPercent / 100)), years);
}
