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

/// <summary>A model's release as the catalogue gives it: the usage engine reads no knowledge store, so callers pass these in.</summary>
public sealed record ModelRelease(string ModelId, string DeveloperId, DateOnly Released);

/// <summary>
/// <c>usage adoption</c>: for each release whose day falls in <paramref name="Window"/>, how soon the logs first
/// used it and its share of its developer's traffic 7, 30 and 90 days after. The window picks releases,
/// not events: the shares read whichever day they fall on.
/// </summary>
/// <param name="Basis">What traffic is measured in (tokens, requests or spend).</param>
public sealed record AdoptionQuery(IReadOnlyList<ModelRelease> Releases, ShareBasis Basis, DayWindow Window)
{
    /// <summary>The releases every engine reads: those released within the window, each model once (the first named).</summary>
    public IReadOnlyList<ModelRelease> ReleasesInWindow() =>
        Releases
            .Where(r => (Window.From is not { } from || r.Released >= from) && (Window.To is not { } to || r.Released <= to))
            .DistinctBy(r => r.ModelId, StringComparer.Ordinal)
            .ToList();
}

/// <summary>
/// One release's adoption. <paramref name="DaysToFirstUse"/> is negative when the logs used the model before
/// its release date (preview access); null when they never did. A share is the model's part (0–1) of its
/// developer's traffic on the day that many days after release; null where the logs do not reach that day
/// or the developer had no traffic on it.
/// </summary>
public sealed record AdoptionRow(
    string ModelId,
    string DeveloperId,
    DateOnly Released,
    DateOnly? FirstUsed,
    int? DaysToFirstUse,
    double? ShareDay7,
    double? ShareDay30,
    double? ShareDay90);

/// <summary>Whose switching is counted.</summary>
public enum SwitchingSubject
{
    User,
    App,
    Team,
}

/// <summary>
/// <c>usage switching</c>: each subject's main model (most tokens; ties to the first model id) in one period
/// against the next, over subjects active in both.
/// </summary>
public sealed record SwitchingQuery(SwitchingSubject By, UsagePeriod Period, DayWindow Window);

/// <summary>Subjects whose main model was of <paramref name="FromDeveloper"/> in one period and of <paramref name="ToDeveloper"/> in the next, by what they did.</summary>
public sealed record SwitchingCell(string FromPeriod, string ToPeriod, string FromDeveloper, string ToDeveloper, long Stayed, long Moved, long Switched)
{
    public long Subjects => Stayed + Moved + Switched;
}

/// <summary>One pair of successive periods: subjects that stayed on their main model, moved to another model of the same developer, or switched developer, and the three shares (0–1).</summary>
public sealed record SwitchingStep(string FromPeriod, string ToPeriod, long Subjects, long Stayed, long Moved, long Switched, double StayedShare, double MovedShare, double SwitchedShare);

/// <summary>The switching of a log: each step's counts and shares, and the matrix of developer to developer it sums.</summary>
public sealed record SwitchingReport(IReadOnlyList<SwitchingStep> Steps, IReadOnlyList<SwitchingCell> Matrix)
{
    /// <summary>Sums the matrix an engine computed into its steps, so every engine shares the same arithmetic.</summary>
    public static SwitchingReport Of(IReadOnlyList<SwitchingCell> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var steps = matrix
            .GroupBy(c => (c.FromPeriod, c.ToPeriod))
            .OrderBy(g => g.Key.FromPeriod, StringComparer.Ordinal)
            .Select(g =>
            {
                long stayed = g.Sum(c => c.Stayed), moved = g.Sum(c => c.Moved), switched = g.Sum(c => c.Switched);
                double all = stayed + moved + switched;
                return new SwitchingStep(g.Key.FromPeriod, g.Key.ToPeriod, stayed + moved + switched, stayed, moved, switched, stayed / all, moved / all, switched / all);
            })
            .ToList();
        return new SwitchingReport(steps, matrix);
    }
}
