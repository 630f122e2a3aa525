using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Checking;

/// <summary>Where a figure sits in the original document: 1-based line and column, length in characters.</summary>
/// <param name="Offset">0-based offset in UTF-16 characters of the decoded text.</param>
public readonly record struct ClaimSpan(int Offset, int Length, int Line, int Column);

/// <summary>
/// One figure found in a document and what it was understood to say: about which entity, which
/// metric, in what scope and period, with what value. Anything not understood is null, and a
/// claim missing its entity or metric can only be judged by arithmetic, if at all.
/// </summary>
/// <param name="Text">The figure as written (<c>1,113.04亿美元</c>).</param>
/// <param name="Quantity">The value, for figures that are quantities.</param>
/// <param name="Date">The value, for figures that are dates (release dates in a table: <c>2023年12月</c>).</param>
/// <param name="Role">How the figure relates to its neighbours: total/active, from/to, an equivalent in another currency.</param>
/// <param name="Context">The words around the figure that gave it its meaning (heading path, bullet label, table header and row), for reports.</param>
/// <param name="Sentence">The sentence or table row the figure is in.</param>
public sealed record Claim(
    string Text,
    ClaimSpan Span,
    string? EntityId,
    string? MetricId,
    Scope Scope,
    Period? Period,
    Quantity? Quantity,
    Period? Date,
    QuantityRole Role,
    string Context,
    string Sentence)
{
    /// <summary>
    /// The table the figure is a cell of, numbered through the document (1, 2, …); null outside tables. Each
    /// table is its own whole: the shares in one table sum within it, never with a neighbouring table's.
    /// </summary>
    public int? Table { get; init; }
}
