using Almanac.Periods;

namespace Almanac.Analytics;

/// <summary>Growth from one level to another.</summary>
/// <param name="Percent">The change in percent (+100 is a doubling).</param>
/// <param name="Years">The years between the two levels' moments.</param>
/// <param name="CagrPercent">
/// The compound annual growth rate in percent; null when the levels are less than a year apart
/// (compounding a half-year's change into an annual rate is an extrapolation, not a measured rate)
/// or the end level is negative.
/// </param>
public sealed record GrowthResult(decimal Percent, double Years, decimal? CagrPercent);

/// <summary>Growth and CAGR between any two points of a series.</summary>
public static class GrowthBetween
{
    /// <summary>
    /// The growth from <paramref name="start"/> in <paramref name="from"/> to <paramref name="end"/>
    /// in <paramref name="to"/>. Years count whole calendar steps when both periods are of one calendar
    /// kind (2023 to 2025 is 2; 2024-Q1 to 2025-Q3 is 1.5); otherwise the days between the periods'
    /// moments (an instant's day, any other period's last day) over 365.25.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The start is not positive, or <paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public static GrowthResult Of(Period from, decimal start, Period to, decimal end)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(start);
        var years = Moment.YearsBetween(from, to);
        if (years <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"Growth needs {to} to come after {from}.");
        }

        var cagr = years >= 1 && end >= 0 ? Growth.Cagr(start, end, years) : (decimal?)null;
        return new GrowthResult(Growth.Percent(start, end), years, cagr);
    }
}
