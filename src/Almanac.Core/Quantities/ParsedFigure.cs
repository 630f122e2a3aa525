using Almanac.Text;

namespace Almanac.Quantities;

/// <summary>
/// A whole figure string, which may state more than one quantity: <c>109B总/17B激活</c> (total and active),
/// <c>11亿欧元（约11.9亿美元）</c> (a figure and its equivalent), <c>从50%跌至25%</c>, <c>7B, 13B, 70B</c>.
/// </summary>
public sealed record ParsedFigure
{
    internal ParsedFigure(IReadOnlyList<ParsedQuantity> parts)
    {
        Parts = parts;
    }

    /// <summary>The quantities in the order written; never empty.</summary>
    public IReadOnlyList<ParsedQuantity> Parts { get; }

    /// <summary>The first quantity written.</summary>
    public ParsedQuantity Primary => Parts[0];

    /// <summary>The first quantity written (<see cref="Primary"/>'s quantity).</summary>
    public Quantity Quantity => Parts[0].Quantity;

    /// <summary>From the start of the first part to the end of the last.</summary>
    public SourceSpan Span => new(Parts[0].Span.Offset, Parts[^1].Span.End - Parts[0].Span.Offset);
}
