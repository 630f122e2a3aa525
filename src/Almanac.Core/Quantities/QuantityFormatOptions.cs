namespace Almanac.Quantities;

/// <summary>How <see cref="QuantityFormatter"/> writes a figure.</summary>
public sealed record QuantityFormatOptions
{
    /// <summary>Every digit of the value, so that parsing the text gives the quantity back exactly.</summary>
    public bool Exact { get; init; }

    /// <summary>
    /// Significant digits when not <see cref="Exact"/>; null for the language default: 3 in English
    /// (<c>$5.62B</c>), 4 in Chinese, whose notes write 亿 figures to two decimals (<c>56.17亿美元</c>).
    /// </summary>
    public int? SignificantDigits { get; init; }

    /// <summary>
    /// Table-cell style: drop the unit name of parameters, tokens and words (<c>405B</c>, <c>128K</c>).
    /// The result then parses back as a count.
    /// </summary>
    public bool Compact { get; init; }

    public static QuantityFormatOptions Default { get; } = new();

    public static QuantityFormatOptions ExactDigits { get; } = new() { Exact = true };
}
