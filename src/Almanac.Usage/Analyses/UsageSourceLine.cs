using System.Globalization;

namespace Almanac.Usage.Analyses;

/// <summary>
/// How a chart or a published figure names the usage log it rests on: "Source: usage logs,
/// 2026-01-01 → 2026-03-31, 12.4M requests", the same words on the page, in the report and in the knowledge store.
/// </summary>
public static class UsageSourceLine
{
    public static string Of(UsageSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.First is { } first && summary.Last is { } last
            ? $"Source: usage logs, {Day(first)} → {Day(last)}, {Requests(summary.Requests)}"
            : "Source: usage logs (none ingested)";
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A count of calls as a reader takes it in: 950 requests, 12.4K requests, 12.4M requests.</summary>
    public static string Requests(long requests) => Compact(requests) + (requests == 1 ? " request" : " requests");

    public static string Compact(long n) => n switch
    {
        >= 1_000_000_000 => (n / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "B",
        >= 1_000_000 => (n / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (n / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "K",
        _ => n.ToString("N0", CultureInfo.InvariantCulture),
    };
}
