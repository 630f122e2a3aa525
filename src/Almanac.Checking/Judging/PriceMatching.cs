using Almanac.Catalogue;

namespace Almanac.Checking.Judging;

/// <summary>
/// Which prices of a model's history a price claim is compared with: the offering it names (else the
/// developer's own, else a reseller's where the developer's is not known), in force at the claim's date,
/// or for an undated claim at the document's as-of date (else at the latest snapshot).
/// </summary>
internal static class PriceMatching
{
    private static readonly string[] OfferingKeys = ["provider", "offering"];

    /// <summary>The periods in force at the claim's moment, of the offerings the claim speaks of.</summary>
    public static IEnumerable<PricePeriod> InForce(Claim claim, JudgingContext context, IReadOnlyList<PricePeriod> history)
    {
        var offerings = Offerings(claim, history);
        if (claim.Period is { } period)
        {
            return offerings.Where(p => p.From <= period.End && (p.To is null || p.To > period.Start));
        }

        return context.AsOf is { } day ? offerings.Where(p => p.InForceOn(day)) : offerings.Where(p => p.To is null);
    }

    /// <summary>
    /// For a dated claim before the first snapshot that lists the offerings, the periods that began within
    /// <paramref name="windowDays"/> after it: a price seen weeks after the claim's moment was likely already
    /// charged then, so it may support the claim, not contradict it (it may have changed in between).
    /// </summary>
    public static IEnumerable<PricePeriod> SoonAfter(Claim claim, IReadOnlyList<PricePeriod> history, int windowDays)
    {
        if (claim.Period is not { } period)
        {
            return [];
        }

        var offerings = Offerings(claim, history);
        return offerings.Any(p => p.From <= period.End)
            ? []
            : offerings.Where(p => p.From.DayNumber - period.End.DayNumber <= windowDays);
    }

    /// <summary>The periods of the same offerings that had ended by the moment an undated claim is compared at.</summary>
    public static IEnumerable<PricePeriod> Earlier(Claim claim, JudgingContext context, IReadOnlyList<PricePeriod> history) =>
        Offerings(claim, history)
            .Where(p => p.To is { } to && (context.AsOf is not { } day || to <= day))
            .OrderByDescending(p => p.To);

    private static List<PricePeriod> Offerings(Claim claim, IReadOnlyList<PricePeriod> history)
    {
        var metric = claim.MetricId!;
        var same = history.Where(p => p.Of(metric).Count > 0 && OtherKeysMatch(claim, p)).ToList();
        if (claim.Scope["provider"] is { } provider)
        {
            return same.Where(p => p.Provider == provider && (claim.Scope["offering"] is not { } o || p.Scope["offering"] == o)).ToList();
        }

        // The developer's own list price where a dataset gives it; a reseller's only where none does.
        var firstParty = same.Where(p => p.Scope["offering"] == "first-party").ToList();
        return firstParty.Count > 0 ? firstParty : same;
    }

    // A variant (the free tier, a batch price) is another measure unless the claim names it.
    private static bool OtherKeysMatch(Claim claim, PricePeriod period)
    {
        var claimed = claim.Scope.Values.Where(kv => !OfferingKeys.Contains(kv.Key, StringComparer.Ordinal)).ToList();
        var stated = period.Scope.Values.Where(kv => !OfferingKeys.Contains(kv.Key, StringComparer.Ordinal)).ToList();
        return claimed.Count == stated.Count && claimed.All(kv => period.Scope[kv.Key] == kv.Value);
    }
}
