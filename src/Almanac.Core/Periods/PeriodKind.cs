namespace Almanac.Periods;

/// <summary>The granularity of a <see cref="Period"/>.</summary>
public enum PeriodKind
{
    Day,
    Month,
    Quarter,
    Half,
    Year,

    /// <summary>A fiscal year: its months depend on the company, so it is kept apart from the calendar year.</summary>
    FiscalYear,

    /// <summary>From one period to another (<c>2025-2034</c>, <c>2024年5-7月</c>); <see cref="Period.Granularity"/> says of what.</summary>
    Range,

    /// <summary>A point in time: "as of", "end of 2023", "mid-2025".</summary>
    Instant,
}
