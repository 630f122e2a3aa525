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

    /// <summary>
    /// How far the last written digit of a round figure is read to stretch, as a share of the value:
    /// a note that writes "1B" beside "400M" means a billion, not anything from 0.5B to 1.5B.
    /// </summary>
    public const decimal RoundReach = 0.1m;

    /// <summary>
    /// How far above its bound a lower bound is read to reach, as a share of the bound: a note that
    /// knows a count passed 17万 does not write "超过8万", nor "over €300M" for a billion dollars.
    /// </summary>
    public const decimal LowerBoundReach = 0.5m;

    /// <summary>
    /// The values a reader takes a figure of the note to mean, for comparing it with the note's
    /// other figures: its <see cref="Interval"/>, with the written precision of a round figure
    /// capped at <see cref="RoundReach"/> of its value, and a lower bound ("over 3亿") reaching
    /// one step of its last digit or <see cref="LowerBoundReach"/> of its value above it, whichever is more.
    /// </summary>
    public static (decimal Low, decimal High) AsRead(Claim claim)
    {
        var q = claim.Quantity ?? throw new ArgumentException("The claim states no quantity.", nameof(claim));
        var (low, high) = Agreement.Interval(q);
        var step = HalfStep(claim);
        var half = Math.Min(step, Math.Abs(q.Value) * RoundReach);
        if (q.Qualifier is Qualifier.MoreThan or Qualifier.AtLeast && q.Value > 0)
        {
            var bound = q.High ?? q.Value;
            return (low - half, bound + Math.Max(2 * step, bound * LowerBoundReach));
        }

        return (low == decimal.MinValue ? low : low - half, high == decimal.MaxValue ? high : high + half);
    }

    /// <summary><see cref="AsRead"/> in another claim's unit, through a dated exchange rate for currencies; null when not convertible.</summary>
    public static (decimal Low, decimal High)? AsReadIn(Claim claim, Unit unit, JudgingContext context) =>
        Factor(claim, unit, context) is { } factor && AsRead(claim) is var (low, high) ? (Scale(low, factor), Scale(high, factor)) : null;

    /// <summary>Whether two periods are the same or one lies within the other.</summary>
    public static bool Within(Period a, Period b) =>
        (a.Start <= b.Start && b.End <= a.End) || (b.Start <= a.Start && a.End <= b.End);

    /// <summary>
    /// The significant digits of an exact figure (8.48亿 and 84.8亿 both 848), so a figure restated
    /// ten times too large or small is told from a different figure; null for ranges and bounds.
    /// </summary>
    public static string? Digits(Claim claim)
    {
        if (claim.Quantity is not { } q || q.High is not null || q.Value == 0 || q.Qualifier is not (Qualifier.Exact or Qualifier.About))
        {
            return null;
        }

        var digits = Math.Abs(q.Value).ToString(CultureInfo.InvariantCulture).Replace(".", string.Empty, StringComparison.Ordinal).Trim('0');
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>
    /// The words of a figure's sentence between the figure before it (or the sentence's start) and
    /// the figure: its label. <paramref name="previous"/> is where the previous figure ended.
    /// </summary>
    public static string Label(Claim claim, int previous)
    {
        var at = claim.Sentence.IndexOf(claim.Text, Math.Min(previous, claim.Sentence.Length), StringComparison.Ordinal);
        return at < 0 ? string.Empty : claim.Sentence[previous..at];
    }

    /// <summary>
    /// The figures of one sentence, in the order written, each with its label (the words since the
    /// figure before) and the words after it up to the next figure.
    /// </summary>
    public static List<(int Index, string Before, string After)> InSentence(IReadOnlyList<Claim> claims, IReadOnlyList<int> sentence)
    {
        var ordered = sentence.OrderBy(k => claims[k].Span.Offset).ToList();
        var text = ordered.Count > 0 ? claims[ordered[0]].Sentence : string.Empty;
        var found = new List<(int Index, int At, int End)>();
        var from = 0;
        foreach (var k in ordered)
        {
            var at = text.IndexOf(claims[k].Text, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return [];
            }

            found.Add((k, at, at + claims[k].Text.Length));
            from = at + claims[k].Text.Length;
        }

        return found.Select((f, n) => (
                f.Index,
                text[(n == 0 ? 0 : found[n - 1].End)..f.At],
                text[f.End..(n + 1 < found.Count ? found[n + 1].At : text.Length)]))
            .ToList();
    }

    /// <summary>The few words either side of a figure (<see cref="InSentence"/>): its own cue, not a neighbour's.</summary>
    public static string Near(string before, string after) => JustBefore(before) + " " + JustAfter(after);

    public static string JustBefore(string before) => before[Math.Max(0, before.Length - NearChars)..];

    public static string JustAfter(string after) => after[..Math.Min(after.Length, NearChars)];

    private const int NearChars = 12;

    /// <summary>
    /// The figures of each line of the document, sentence after sentence, each with its label and
    /// the words after it (<see cref="InSentence"/>).
    /// </summary>
    public static IEnumerable<List<(int Index, string Before, string After)>> Lines(IReadOnlyList<Claim> claims) =>
        Enumerable.Range(0, claims.Count)
            .Where(k => claims[k].Quantity is not null)
            .GroupBy(k => claims[k].Span.Line)
            .Select(line => line.GroupBy(k => claims[k].Sentence, StringComparer.Ordinal)
                .Select(g => InSentence(claims, g.ToList()))
                .Where(f => f.Count > 0)
                .OrderBy(f => claims[f[0].Index].Span.Offset)
                .SelectMany(f => f)
                .ToList());

    /// <summary>The claims of the document grouped by the sentence (or table row) they were written in.</summary>
    public static IEnumerable<List<int>> Sentences(IReadOnlyList<Claim> claims) =>
        Enumerable.Range(0, claims.Count)
            .Where(k => claims[k].Quantity is not null)
            .GroupBy(k => (claims[k].Span.Line, claims[k].Sentence))
            .Where(g => g.Count() > 1)
            .Select(g => g.ToList());

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
    public static (decimal Low, decimal High)? IntervalIn(Claim claim, Unit unit, JudgingContext context) =>
        Factor(claim, unit, context) is { } factor && Interval(claim) is var (low, high) ? (Scale(low, factor), Scale(high, factor)) : null;

    /// <summary>What the claim's amounts are multiplied by to read in <paramref name="unit"/>: 1 for the same unit, a dated exchange rate between currencies, otherwise null.</summary>
    private static decimal? Factor(Claim claim, Unit unit, JudgingContext context)
    {
        var q = claim.Quantity!.Value;
        if (q.Unit == unit)
        {
            return 1m;
        }

        if (q.Unit.Dimension != Dimension.Currency || unit.Currency is not { } currency || claim.Period is not { } when || q.Value == 0
            || !context.Currencies.TryConvert(q, currency, when, out var conversion, out _))
        {
            return null;
        }

        return conversion.Amount.Value / q.Value;
    }

    public static decimal Scale(decimal value, decimal factor) =>
        value == decimal.MinValue || value == decimal.MaxValue ? value : value * factor;
}
