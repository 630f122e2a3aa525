using Almanac.Quantities;

namespace Almanac.Knowledge;

/// <summary>A named measure (市场规模 = market size) with the dimension its values must have.</summary>
/// <param name="Timing">How a figure of the measure relates to time: over a period, at an instant and for how long, or at no time.</param>
public sealed record Metric(
    string Id,
    LocalizedName Name,
    Dimension Dimension,
    IReadOnlyList<string> Aliases,
    string? Description = null,
    MetricTiming? Timing = null)
{
    /// <summary>The declared timing, or the default: a stock standing for <see cref="MetricTiming.DefaultWindowDays"/> days.</summary>
    public MetricTiming Time => Timing ?? MetricTiming.Default;

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

/// <summary>What a figure of a measure is in time.</summary>
public enum TemporalKind
{
    /// <summary>A level at an instant (a valuation, a run-rate, a price, weekly users).</summary>
    Stock,

    /// <summary>An amount accumulated over a period (revenue in 2024, tokens processed in a month): only the same period compares.</summary>
    Flow,

    /// <summary>A property a model has from its release on (parameters, context window, release date): no period.</summary>
    Property,
}

/// <summary>
/// How a measure's figures relate to time, as <c>data/metrics.yaml</c> declares it (<c>time</c> and
/// <c>stands</c>): a flow is compared only over the same period, a property at any time, and a stock
/// by the figure standing at the claim's moment — either the latest stated on or before it, which
/// stands until the next (<see cref="UntilNext"/>: a valuation until the next round, a list price
/// until it changes), or one stated within <see cref="WindowDays"/> of it (a run-rate, a user count).
/// </summary>
public sealed record MetricTiming(TemporalKind Kind, bool UntilNext = false, int WindowDays = MetricTiming.DefaultWindowDays)
{
    /// <summary>How long an instant's figure speaks for nearby moments when nothing else is declared: about a month.</summary>
    public const int DefaultWindowDays = 31;

    public static readonly MetricTiming Default = new(TemporalKind.Stock);

    public const string UntilNextCode = "until-next";

    public static string Code(TemporalKind kind) => kind switch
    {
        TemporalKind.Flow => "flow",
        TemporalKind.Property => "property",
        _ => "stock",
    };

    public static bool TryParseKind(string code, out TemporalKind kind)
    {
        (var ok, kind) = code switch
        {
            "stock" => (true, TemporalKind.Stock),
            "flow" => (true, TemporalKind.Flow),
            "property" => (true, TemporalKind.Property),
            _ => (false, TemporalKind.Stock),
        };
        return ok;
    }

    /// <summary>The <c>stands</c> value as written in the data files: <c>until-next</c> or <c>31 days</c>; null for flows and properties.</summary>
    public string? StandsCode => Kind != TemporalKind.Stock ? null : UntilNext ? UntilNextCode : $"{WindowDays.ToString(System.Globalization.CultureInfo.InvariantCulture)} days";

    /// <summary>Reads a <c>stands</c> value: <c>until-next</c>, or a whole number of days (<c>45 days</c>, <c>1 day</c>).</summary>
    public static bool TryParseStands(string code, out bool untilNext, out int windowDays)
    {
        untilNext = code == UntilNextCode;
        windowDays = DefaultWindowDays;
        if (untilNext)
        {
            return true;
        }

        var parts = code.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && parts[1] is "days" or "day"
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out windowDays)
            && windowDays >= 0;
    }
}
