using Almanac.Quantities;

namespace Almanac.Knowledge;

/// <summary>
/// Whether two stated values can both be true: <c>about 47B</c> and <c>46.7B</c> can, <c>$0.14</c>
/// and <c>$0.28</c> cannot. Each value is read as the interval its qualifier allows.
/// </summary>
public static class Agreement
{
    /// <summary>How far an <c>about</c>-style qualifier stretches a value either way.</summary>
    public const decimal Looseness = 0.05m;

    public static bool Agrees(FactValue a, FactValue b)
    {
        if (a.Quantity is { } qa && b.Quantity is { } qb)
        {
            return Agrees(qa, qb);
        }

        if (a.Date is { } da && b.Date is { } db)
        {
            return da == db;
        }

        return a.Text is { } ta && b.Text is { } tb && string.Equals(ta.Trim(), tb.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    public static bool Agrees(Quantity a, Quantity b)
    {
        if (a.Unit != b.Unit)
        {
            return false;
        }

        var (aLow, aHigh) = Interval(a);
        var (bLow, bHigh) = Interval(b);
        return aLow <= bHigh && bLow <= aHigh;
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
