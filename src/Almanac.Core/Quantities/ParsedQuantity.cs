using Almanac.Text;

namespace Almanac.Quantities;

/// <summary>A quantity found in text, with where it was written and how precisely.</summary>
public sealed record ParsedQuantity
{
    public required Quantity Quantity { get; init; }

    /// <summary>The characters of the source that state the figure, qualifier and unit included (<c>超过180万个</c>).</summary>
    public required SourceSpan Span { get; init; }

    /// <summary>
    /// The step of the last written digit, in the quantity's unit: <c>56.17亿</c> → 0.01亿 = 1,000,000;
    /// <c>128K</c> → 1,000; <c>74.2%</c> → 0.1. A checker takes half of it as the rounding tolerance.
    /// </summary>
    public required decimal Precision { get; init; }

    public QuantityRole Role { get; init; } = QuantityRole.Standalone;

    /// <summary>
    /// Whether the text named the unit. A bare <c>540B</c> or <c>8,192</c> is <see cref="Unit.Count"/>
    /// with this false: the caller decides from context what is counted (<see cref="Quantity.WithUnit"/>).
    /// </summary>
    public bool UnitStated { get; init; }

    /// <summary>A word written with the figure that names what it is, e.g. <c>CAGR</c>, <c>输入</c> (input price).</summary>
    public string? Label { get; init; }
}
