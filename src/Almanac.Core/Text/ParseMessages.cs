namespace Almanac.Text;

/// <summary>
/// Every message the text parsers report, in one place. Each says what was found and what was
/// expected; <see cref="At"/> appends the position the same way everywhere.
/// </summary>
internal static class ParseMessages
{
    public static ParseError At(string text, SourceSpan span, string message)
    {
        var position = TextPosition.Of(text, span.Offset);
        return new ParseError($"{message} at {position}", span, position);
    }

    public static string Empty(string what) => $"Expected {what} but the text is empty";

    public static string ExpectedNumber(string found) => $"Expected a number but found '{found}'";

    public static string UnknownUnit(string unit) => $"Unknown unit '{unit}'";

    public static string ConflictingCurrencies(string first, string second) =>
        $"The figure names two currencies, {first} and {second}";

    public static string RangeReversed(decimal low, decimal high) =>
        $"Range low {low} is above its high {high}";

    public static string RangeUnitsDiffer(string low, string high) =>
        $"A range's ends must share a unit, not {low} and {high}";

    public static string Unexpected(string found) => $"Unexpected '{found}' after the figure";

    public static string TooLarge(string found) => $"The number '{found}' is too large";

    public static string UnknownPeriod(string found) =>
        $"Unrecognised period '{found}'; expected a year (2024年), half (2025年上半年, H1 2025), quarter (2025年Q3, Q2 2025), "
        + "month (2025年8月, Aug 2025), day (2025年6月25日), instant (2023年底, mid-2025, as of 2024) or range (2025-2034)";

    public static string MonthOutOfRange(int month) => $"Month {month} is not between 1 and 12";

    public static string DayOutOfRange(int year, int month, int day) => $"Day {day} is not in {year:D4}-{month:D2}";

    public static string RangeEndsBeforeStart(string from, string to) => $"Period range ends ({to}) before it starts ({from})";

    public static string RangeEndsDiffer(string from, string to) => $"A period range's ends must be of one kind, not {from} and {to}";

    public static string NeedsReferenceYear(string found) =>
        $"'{found}' does not state its year; pass a reference year to resolve it";
}
