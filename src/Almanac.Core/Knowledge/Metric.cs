using Almanac.Quantities;

namespace Almanac.Knowledge;

/// <summary>A named measure (市场规模 = market size) with the dimension its values must have.</summary>
public sealed record Metric(
    string Id,
    LocalizedName Name,
    Dimension Dimension,
    IReadOnlyList<string> Aliases,
    string? Description = null);
