using Almanac.Quantities;

namespace Almanac.Knowledge;

/// <summary>
/// Whether two stated values can both be true: <c>about 47B</c> and <c>46.7B</c> can, <c>$0.14</c>
/// and <c>$0.28</c> cannot. Each value is read as the interval its qualifier allows.
/// </summary>
public static class Agreement
{
    /// <summary>Whether two values can be compared at all, and if so whether they agree.</summary>
    public enum Verdict
    {
        Agree,
        Disagree,

        /// <summary>Different units (yuan and dollars, tokens and words): neither agreement nor dispute can be told.</summary>
        Incomparable,
    }

    /// <summary>How far an <c>about</c>-style qualifier stretches a value either way.</summary>
    public const decimal Looseness = 0.05m;

    public static Verdict Compare(FactValue a, FactValue b)
    {
        if (a.Quantity is { } qa && b.Quantity is { } qb)
        {
            return Compare(qa, qb);
        }

        if (a.Date is { } da && b.Date is { } db)
        {
            return da == db ? Verdict.Agree : Verdict.Disagree;
        }

        if (a.Text is { } ta && b.Text is { } tb)
        {
            return string.Equals(ta.Trim(), tb.Trim(), StringComparison.OrdinalIgnoreCase) ? Verdict.Agree : Verdict.Disagree;
        }

        return Verdict.Incomparable;
    }

    public static Verdict Compare(Quantity a, Quantity b)
    {
        if (a.Unit != b.Unit)
        {
            return Verdict.Incomparable;
        }

        var (aLow, aHigh) = Interval(a);
        var (bLow, bHigh) = Interval(b);
        return (aLow <= bHigh && bLow <= aHigh) || SameBinarySize(a, b) ? Verdict.Agree : Verdict.Disagree;
    }

    /// <summary>
    /// Token windows are written in binary multiples as often as in decimal ones: "64K" is 65,536
    /// tokens to one source and 64,000 to another, "1M" 1,048,576 or 1,000,000. Both name one size.
    /// </summary>
    private static bool SameBinarySize(Quantity a, Quantity b)
    {
        if (a.Unit.Dimension != Dimension.Tokens || a.High is not null || b.High is not null)
        {
            return false;
        }

        return Names(a.Value, b.Value) || Names(b.Value, a.Value);

        static bool Names(decimal decimalSize, decimal binarySize) =>
            (decimalSize % 1_000m == 0 && decimalSize / 1_000m * 1_024m == binarySize)
            || (decimalSize % 1_000_000m == 0 && decimalSize / 1_000_000m * 1_048_576m == binarySize);
    }

    /// <summary>The values a quantity allows: exact ones only themselves, <c>超过 x</c> anything above x…</summary>
    public static (decimal Low, decimal High) Interval(Quantity q)
    {
        var low = q.Value;
        var high = q.High ?? q.Value;
        return q.Qualifier switch
        {
            Qualifier.About or Qualifier.Estimated or Qualifier.Forecast or Qualifier.Speculative =>
                (low - (Math.Abs(low) * Looseness), high + (Math.Abs(high) * Looseness)),
            Qualifier.Nearly => (low - (Math.Abs(low) * Looseness), high),
            Qualifier.MoreThan or Qualifier.AtLeast => (low, decimal.MaxValue),
            Qualifier.LessThan or Qualifier.AtMost => (decimal.MinValue, high),
            _ => (low, high),
        };
    }
}
