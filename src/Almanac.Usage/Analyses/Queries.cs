namespace Almanac.Usage.Analyses;

/// <summary>What a share is of.</summary>
public enum ShareDimension
{
    Developer,
    Provider,
    Model,
}

/// <summary>
/// What a share is measured in. <see cref="Spend"/> is the cost as logged where the log states one and
/// the list-price cost where it does not, so a mix of logs with and without costs still adds up;
/// <see cref="SpendLogged"/> and <see cref="SpendListed"/> keep the two apart.
/// </summary>
public enum ShareBasis
{
    /// <summary>Input plus output tokens.</summary>
    Tokens,
    Requests,
    Spend,
    SpendLogged,
    SpendListed,
}

public enum UsagePeriod
{
    Day,
    Week,
    Month,
}

/// <summary>The dimension costs are broken down by.</summary>
public enum CostDimension
{
    Team,
    User,
    Tag,
    Model,
    App,
}

/// <summary>A window of days, both ends included; null is open.</summary>
public readonly record struct DayWindow(DateOnly? From, DateOnly? To)
{
    public long FromMs => From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() : long.MinValue;

    public long ToMsExclusive => To is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() : long.MaxValue;
}

/// <summary><c>usage share</c>: each key's part of each period's total.</summary>
public sealed record ShareQuery(ShareDimension By, ShareBasis Basis, UsagePeriod Period, DayWindow Window);

/// <summary>One key's value in one period and its share of the period's total (0–1).</summary>
/// <param name="Period">The period's first day (<c>2026-01-05</c>); a month as <c>2026-01</c>.</param>
public sealed record ShareRow(string Period, string Key, double Value, double Share);

/// <summary><c>usage latency</c>: per model and provider.</summary>
public sealed record LatencyQuery(DayWindow Window);

/// <summary>
/// Latency of one model served by one provider: percentiles of duration and time to first token in
/// milliseconds (linear interpolation between ranks; null when no event states it), the error rate
/// (failed calls over calls) and the share of input tokens served from cache.
/// </summary>
public sealed record LatencyRow(
    string Model,
    string Provider,
    long Requests,
    double? DurationP50,
    double? DurationP95,
    double? DurationP99,
    double? TtftP50,
    double? TtftP95,
    double? TtftP99,
    double ErrorRate,
    double CacheShare);

/// <summary><c>usage cost</c>: logged against listed cost by one dimension, largest movers first.</summary>
public sealed record CostQuery(CostDimension By, DayWindow Window, int Limit);

/// <summary>
/// One key's cost: as logged (only events that state a cost), at list prices (only events whose model
/// has a price), the difference listed − logged over events that have both, and the events of each kind.
/// </summary>
public sealed record CostRow(string Key, long Requests, double Logged, double Listed, double Difference, long EventsLogged, long EventsListed);

/// <summary>A model string that landed on no model, with the events and calls that carried it.</summary>
public sealed record UnresolvedModel(string ModelRaw, long Events, long Requests);

/// <summary>What a usage store holds: events, calls, and the days they span.</summary>
public sealed record UsageSummary(long Events, long Requests, DateOnly? First, DateOnly? Last);
