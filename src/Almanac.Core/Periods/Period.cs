using System.Globalization;

namespace Almanac.Periods;

/// <summary>
/// The time a figure is about: a calendar day, month, quarter, half-year or year, a fiscal year,
/// a range of these, or an instant. <see cref="Start"/> and <see cref="End"/> are inclusive days.
/// </summary>
/// <remarks>
/// The canonical text form (<see cref="ToString"/>, <see cref="TryParseCanonical"/>) is
/// <c>2024</c>, <c>2025-H1</c>, <c>2025-Q3</c>, <c>2025-08</c>, <c>2025-08-01</c>, <c>FY2025</c>,
/// <c>@2023-12-31</c> for an instant, and <c>2025/2034</c> or <c>2024-05/2024-07</c> for a range.
/// </remarks>
public readonly record struct Period
{
    private Period(PeriodKind kind, DateOnly start, DateOnly end, PeriodKind granularity)
    {
        Kind = kind;
        Start = start;
        End = end;
        Granularity = granularity;
    }

    public PeriodKind Kind { get; }

    /// <summary>The first day the period covers.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day the period covers (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>For a range, the kind of its two ends; otherwise the same as <see cref="Kind"/>.</summary>
    public PeriodKind Granularity { get; }

    public static Period Year(int year) => new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), PeriodKind.Year);

    public static Period FiscalYear(int year) => new(PeriodKind.FiscalYear, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), PeriodKind.FiscalYear);

    public static Period Half(int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        var start = new DateOnly(year, half == 1 ? 1 : 7, 1);
        return new(PeriodKind.Half, start, start.AddMonths(6).AddDays(-1), PeriodKind.Half);
    }

    public static Period Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new(PeriodKind.Quarter, start, start.AddMonths(3).AddDays(-1), PeriodKind.Quarter);
    }

    public static Period Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(PeriodKind.Month, start, start.AddMonths(1).AddDays(-1), PeriodKind.Month);
    }

    public static Period Day(DateOnly day) => new(PeriodKind.Day, day, day, PeriodKind.Day);

    /// <summary>An instant ("as of" a day).</summary>
    public static Period Instant(DateOnly day) => new(PeriodKind.Instant, day, day, PeriodKind.Instant);

    /// <summary>From <paramref name="from"/> to <paramref name="to"/>, both of one granularity.</summary>
    public static Period Between(Period from, Period to)
    {
        if (from.Kind == PeriodKind.Range || to.Kind == PeriodKind.Range)
        {
            throw new ArgumentException("A range cannot have a range as an end.");
        }

        if (from.Kind != to.Kind)
        {
            throw new ArgumentException($"A range's ends must be of one kind, not {from.Kind} and {to.Kind}.");
        }

        if (to.End < from.Start)
        {
            throw new ArgumentException($"Range end {to} is before its start {from}.");
        }

        return new(PeriodKind.Range, from.Start, to.End, from.Kind);
    }

    /// <summary>The first end of a range; the period itself otherwise.</summary>
    public Period From => Kind == PeriodKind.Range ? Of(Granularity, Start) : this;

    /// <summary>The last end of a range; the period itself otherwise.</summary>
    public Period To => Kind == PeriodKind.Range ? Of(Granularity, End) : this;

    /// <summary>Whether this period lies wholly inside <paramref name="other"/>.</summary>
    public bool IsWithin(Period other) => Start >= other.Start && End <= other.End;

    /// <summary>Whether the two periods share at least one day.</summary>
    public bool Overlaps(Period other) => Start <= other.End && other.Start <= End;

    private static Period Of(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Year => Year(day.Year),
        PeriodKind.FiscalYear => FiscalYear(day.Year),
        PeriodKind.Half => Half(day.Year, day.Month <= 6 ? 1 : 2),
        PeriodKind.Quarter => Quarter(day.Year, ((day.Month - 1) / 3) + 1),
        PeriodKind.Month => Month(day.Year, day.Month),
        PeriodKind.Instant => Instant(day),
        _ => Day(day),
    };

    /// <summary>The canonical text form, e.g. <c>2025-H1</c> or <c>2025/2034</c>.</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Year => Start.Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.FiscalYear => "FY" + Start.Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Half => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-H{(Start.Month <= 6 ? 1 : 2)}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-Q{((Start.Month - 1) / 3) + 1}"),
        PeriodKind.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        // "O" is yyyy-MM-dd for a DateOnly, formatted without interpreting a pattern: a fact's id and its stored row both write its period.
        PeriodKind.Day => Start.ToString("O", CultureInfo.InvariantCulture),
        PeriodKind.Instant => "@" + Start.ToString("O", CultureInfo.InvariantCulture),
        PeriodKind.Range => $"{From}/{To}",
        _ => throw new InvalidOperationException($"Unknown period kind {Kind}."),
    };

    /// <summary>Parses the canonical form written by <see cref="ToString"/>.</summary>
    public static bool TryParseCanonical(string text, out Period period)
    {
        period = default;
        text = text.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            if (!TryParseCanonical(text[..slash], out var from) || !TryParseCanonical(text[(slash + 1)..], out var to)
                || from.Kind != to.Kind || from.Kind == PeriodKind.Range || to.End < from.Start)
            {
                return false;
            }

            period = Between(from, to);
            return true;
        }

        if (text.StartsWith('@'))
        {
            if (!DateOnly.TryParseExact(text[1..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return false;
            }

            period = Instant(instant);
            return true;
        }

        if (text.StartsWith("FY", StringComparison.Ordinal) && TryYear(text[2..], out var fiscal))
        {
            period = FiscalYear(fiscal);
            return true;
        }

        if (TryYear(text, out var year))
        {
            period = Year(year);
            return true;
        }

        if (text.Length == 7 && text[4] == '-' && TryYear(text[..4], out year))
        {
            var tail = text[5..];
            if (tail[0] == 'H' && tail[1] is '1' or '2')
            {
                period = Half(year, tail[1] - '0');
                return true;
            }

            if (tail[0] == 'Q' && tail[1] is >= '1' and <= '4')
            {
                period = Quarter(year, tail[1] - '0');
                return true;
            }

            if (int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            {
                period = Month(year, month);
                return true;
            }

            return false;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            period = Day(day);
            return true;
        }

        return false;
    }

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && text.Length == 4 && year is >= 1900 and <= 2200;
}
