using System.Globalization;
using System.Runtime.CompilerServices;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Checking.Judging;

/// <summary>
/// How the rules read a figure: the interval its written digits and qualifier allow, how to write
/// a computed value back, and how to cite a claim as evidence.
/// </summary>
internal static class Figures
{
    /// <summary>Metrics whose values are levels that growth rates and shares are computed from.</summary>
    private static readonly HashSet<Dimension> LevelDimensions =
        [Dimension.Currency, Dimension.Count, Dimension.Tokens, Dimension.Parameters, Dimension.Words, Dimension.Bytes];

    /// <summary>
    /// Half the step of the last written digit, in the quantity's unit: <c>56.17亿</c> is ±0.005亿,
    /// <c>31%</c> ±0.5. Zero when the text does not parse back to the claim's value.
    /// </summary>
    public static decimal HalfStep(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return HalfSteps.GetValue(claim, c => new StrongBox<decimal>(ReadHalfStep(c))).Value;
    }

    // Rules ask for a figure's interval once per pairing; its text is parsed back once per claim.
    private static readonly ConditionalWeakTable<Claim, StrongBox<decimal>> HalfSteps = [];

    private static decimal ReadHalfStep(Claim claim)
    {
        if (claim.Quantity is not { } q)
        {
            return 0m;
        }

        var parsed = QuantityParser.Parse(claim.Text);
        if (!parsed.TryGetValue(out var figure))
        {
            return 0m;
        }

        var part = figure.Parts.FirstOrDefault(p => p.Quantity.Value == q.Value) ?? figure.Parts[0];
        return part.Quantity.Value == q.Value ? part.Precision / 2 : 0m;
    }

    /// <summary>
    /// The values a claim allows: its qualifier's interval (<see cref="Agreement.Interval"/>) widened by
    /// half the step of its last written digit.
    /// </summary>
    public static (decimal Low, decimal High) Interval(Claim claim)
    {
        var q = claim.Quantity ?? throw new ArgumentException("The claim states no quantity.", nameof(claim));
        var (low, high) = Agreement.Interval(q);
        var half = HalfStep(claim);
        return (low == decimal.MinValue ? low : low - half, high == decimal.MaxValue ? high : high + half);
    }

    public static bool Overlap((decimal Low, decimal High) a, (decimal Low, decimal High) b) =>
        a.Low <= b.High && b.Low <= a.High;

    /// <summary>A level: an amount, count or size, as opposed to a rate or share.</summary>
    public static bool IsLevel(Claim claim) =>
        claim.Quantity is { } q && LevelDimensions.Contains(q.Unit.Dimension) && claim.Role != QuantityRole.Equivalent;

    public static bool IsPercent(Claim claim) =>
        claim.Quantity is { Unit.Dimension: Dimension.Percent } && claim.Role != QuantityRole.Equivalent;

    /// <summary>Writes a computed value in the claim's language and unit: <c>395.7亿美元</c>, <c>$39.6B</c>.</summary>
    public static string Write(decimal value, Claim like) =>
        QuantityFormatter.Format(Quantity.Of(value, like.Quantity?.Unit ?? Unit.Count), JudgingContext.LanguageOf(like));

    public static string Write(Quantity quantity, Claim like) =>
        QuantityFormatter.Format(quantity, JudgingContext.LanguageOf(like));

    public static string Percent(decimal value) =>
        Math.Round(value, Math.Abs(value) >= 10 ? 1 : 2).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Number(decimal value) =>
        Math.Round(value, 2).ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>Evidence of kind <c>claim</c>: another figure of the document, where it is.</summary>
    public static Evidence Cite(Claim claim)
    {
        var where = string.IsNullOrWhiteSpace(claim.Context) ? claim.Sentence : claim.Context;
        var text = string.IsNullOrWhiteSpace(where) || where.Trim() == claim.Text ? claim.Text : $"{claim.Text} ({where.Trim()})";
        return new Evidence("claim", text, "line " + claim.Span.Line.ToString(CultureInfo.InvariantCulture));
    }

    public static string Line(Claim claim) => "line " + claim.Span.Line.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether two periods are the very same period (kind and days).</summary>
    public static bool Same(Period? a, Period? b) =>
        a is { } x && b is { } y && x.Kind == y.Kind && x.Start == y.Start && x.End == y.End;

    /// <summary>A one-year period's year, or null.</summary>
    public static int? YearOf(Period? period) =>
        period is { Kind: PeriodKind.Year or PeriodKind.FiscalYear } p ? p.Start.Year : null;

    /// <summary>Whether a figure is written as part of the same row or sentence as another.</summary>
    public static bool SameLine(Claim a, Claim b) => a.Span.Line == b.Span.Line;

    /// <summary>
    /// The claim's amount in another claim's unit: as is when the units match, through a dated
    /// exchange rate when both are currencies, otherwise null.
    /// </summary>
    public static (decimal Low, decimal High)? IntervalIn(Claim claim, Unit unit, JudgingContext context)
    {
        var q = claim.Quantity!.Value;
        var interval = Interval(claim);
        if (q.Unit == unit)
        {
            return interval;
        }

        if (q.Unit.Dimension != Dimension.Currency || unit.Currency is not { } currency || claim.Period is not { } when || q.Value == 0
            || !context.Currencies.TryConvert(q, currency, when, out var conversion, out _))
        {
            return null;
        }

        var factor = conversion.Amount.Value / q.Value;
        return (Scale(interval.Low, factor), Scale(interval.High, factor));
    }

    public static decimal Scale(decimal value, decimal factor) =>
        value == decimal.MinValue || value == decimal.MaxValue ? value : value * factor;
}
