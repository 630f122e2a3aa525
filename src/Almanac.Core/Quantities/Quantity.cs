using System.Globalization;

namespace Almanac.Quantities;

/// <summary>
/// A figure: a value (or a low–high range) in a unit, with the qualifier it was stated with.
/// Values are decimals so that <c>56.17亿美元</c> is exactly 5,617,000,000 and survives a round trip.
/// </summary>
public readonly record struct Quantity
{
    internal Quantity(decimal value, decimal? high, Unit unit, Qualifier qualifier)
    {
        Value = value;
        High = high;
        Unit = unit;
        Qualifier = qualifier;
    }

    /// <summary>The value, or the low end of a range.</summary>
    public decimal Value { get; }

    /// <summary>The high end of a range (<c>30-65T</c>), or null for a single value.</summary>
    public decimal? High { get; }

    public Unit Unit { get; }

    public Qualifier Qualifier { get; }

    public bool IsRange => High is not null;

    public static Quantity Of(decimal value, Unit unit, Qualifier qualifier = Qualifier.Exact) =>
        new(value, null, unit, qualifier);

    /// <summary>A range; <paramref name="low"/> must not exceed <paramref name="high"/>.</summary>
    public static Quantity Range(decimal low, decimal high, Unit unit, Qualifier qualifier = Qualifier.Exact)
    {
        if (low > high)
        {
            throw new ArgumentException($"Range low {low} is above its high {high}.", nameof(low));
        }

        return new(low, high, unit, qualifier);
    }

    public Quantity WithQualifier(Qualifier qualifier) => new(Value, High, Unit, qualifier);

    /// <summary>
    /// The same value in another unit, without conversion: for a figure whose unit the parser could not
    /// know (a bare <c>540B</c> is <see cref="Unit.Count"/>) and the caller can, from context (a parameters column).
    /// </summary>
    public Quantity WithUnit(Unit unit) => new(Value, High, unit, Qualifier);

    /// <summary>A culture-invariant form such as <c>5617000000 USD</c> or <c>3e13..6.5e13 parameters (speculative)</c>.</summary>
    public override string ToString()
    {
        var value = IsRange
            ? $"{Value.ToString(CultureInfo.InvariantCulture)}..{High!.Value.ToString(CultureInfo.InvariantCulture)}"
            : Value.ToString(CultureInfo.InvariantCulture);
        return Qualifier == Qualifier.Exact ? $"{value} {Unit.Code}" : $"{value} {Unit.Code} ({Qualifier.ToCode()})";
    }
}
