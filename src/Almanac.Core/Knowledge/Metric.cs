using Almanac.Quantities;

namespace Almanac.Knowledge;

/// <summary>A named measure (市场规模 = market size) with the dimension its values must have.</summary>
public sealed record Metric(
    string Id,
    LocalizedName Name,
    Dimension Dimension,
    IReadOnlyList<string> Aliases,
    string? Description = null)
{
    /// <summary>
    /// Metrics whose value for the same entity, scope and moment this metric's value never exceeds:
    /// weekly active users are within monthly active users, active parameters within total ones.
    /// </summary>
    public IReadOnlyList<string> Within { get; init; } = [];

    /// <summary>
    /// Whether the value is a stock read at an instant (a valuation, a run-rate, a headcount), as
    /// opposed to a flow summed over its period (revenue, spend): a stock dated only to a year is
    /// not one moment.
    /// </summary>
    public bool AtInstant { get; init; }

    /// <summary>Whether a whole's value is the sum of its parts' (a market's size over its regions and segments, a company's revenue over its products).</summary>
    public bool Additive { get; init; }
}
