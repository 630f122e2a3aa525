using Almanac.Periods;

namespace Almanac.Analytics;

/// <summary>The day a figure for a period describes, and the years between two such days.</summary>
internal static class Moment
{
    /// <summary>
    /// An instant is its day; a year, half, quarter, month or range describes its last day
    /// (a survey share for 2023 is the share at the end of 2023).
    /// </summary>
    public static DateOnly Of(Period period) => period.End;

    /// <summary>
    /// Years from <paramref name="from"/> to <paramref name="to"/>: whole calendar steps when both are
    /// periods of one calendar kind (2023 to 2025 is 2 years, 2025-H1 to 2025-H2 is 0.5), otherwise
    /// the days between their moments over 365.25.
    /// </summary>
    public static double YearsBetween(Period from, Period to)
    {
        if (from.Kind == to.Kind && from.Kind is PeriodKind.Year or PeriodKind.FiscalYear or PeriodKind.Half or PeriodKind.Quarter or PeriodKind.Month)
        {
            var months = ((to.Start.Year - from.Start.Year) * 12) + (to.Start.Month - from.Start.Month);
            return months / 12.0;
        }

        return (Of(to).DayNumber - Of(from).DayNumber) / 365.25;
    }
}
