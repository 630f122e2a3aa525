using Almanac.Knowledge;
using Almanac.Periods;

namespace Almanac.Checking.Judging;

/// <summary>
/// Which knowledge-base facts speak about the measure a claim states: same entity and metric, a
/// compatible scope, and the same moment (model properties at any moment).
/// </summary>
internal static class FactMatching
{
    /// <summary>Properties a model has from its release on: a figure about them holds whenever it is stated.</summary>
    public static readonly HashSet<string> ModelProperties = new(StringComparer.Ordinal)
    {
        "parameters-total", "parameters-active", "context-window", "max-output-tokens", "training-tokens",
        "training-compute", "training-dataset-size", "release-date", "licence", "open-weights", "knowledge-cutoff",
        "developer", "country",
    };

    /// <summary>
    /// Properties every model of a family shares, so a family's figure may support a claim about one
    /// of its models (the Llama 3.1 model card gives 128K for 8B, 70B and 405B alike). Parameters and
    /// release dates differ between members and are never inherited.
    /// </summary>
    public static readonly HashSet<string> FamilyProperties = new(StringComparer.Ordinal)
    {
        "context-window", "max-output-tokens", "licence", "open-weights", "knowledge-cutoff",
    };

    /// <summary>
    /// Scope keys a claim may leave unsaid and still match, per metric: a valuation is the company's
    /// valuation whichever round set it. Any other key the fact has and the claim lacks (basis, market,
    /// region, segment, use case, benchmark, answer, variant, provider, offering) makes it another measure.
    /// </summary>
    private static readonly Dictionary<string, string[]> Omissible = new(StringComparer.Ordinal)
    {
        ["valuation"] = ["round"],

        // A score on a benchmark is the model's whoever ran it and at whichever effort; evaluators that disagree show as disputed.
        ["benchmark-score"] = ["evaluator", "variant"],
        ["benchmark-index"] = ["evaluator", "variant"],
        ["benchmark-stderr"] = ["evaluator", "variant"],
    };

    // A model's own properties do not vary by the region or market a note discusses it under, and
    // a dataset states them for the developer's own offering; resellers' limits are their own.
    private static readonly string[] PlaceKeys = ["region", "market", "segment"];
    private static readonly string[] OfferingKeys = ["provider", "offering"];

    public static bool ScopeMatches(Scope claim, Scope fact, string metricId)
    {
        if (ModelProperties.Contains(metricId))
        {
            if (fact["offering"] is "reseller" or "plan")
            {
                return false;
            }

            claim = Scope.Of(claim.Values.Where(kv => !PlaceKeys.Contains(kv.Key, StringComparer.Ordinal)));
            fact = Scope.Of(fact.Values.Where(kv => !OfferingKeys.Contains(kv.Key, StringComparer.Ordinal)));
        }

        foreach (var (key, value) in claim.Values)
        {
            if (!string.Equals(fact[key], value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        var omissible = Omissible.GetValueOrDefault(metricId) ?? [];
        return fact.Values.Keys.All(key => claim[key] is not null || omissible.Contains(key, StringComparer.Ordinal));
    }

    /// <summary>
    /// Whether a fact's period is the claim's moment: model properties always; other measures when
    /// the periods overlap, or an instant lies within <see cref="ConflictFinder.SameMomentDays"/> of a
    /// claim period no longer than a quarter.
    /// </summary>
    public static bool PeriodMatches(Period? claim, Period fact, string metricId)
    {
        if (ModelProperties.Contains(metricId))
        {
            return true;
        }

        if (claim is not { } c)
        {
            // A list price or a benchmark score quoted without a date is compared with those of any
            // date: it agrees if any source ever gave it, and is contradicted only if none did.
            return UndatedComparable.Contains(metricId);
        }

        // An amount earned or spent over a period is compared only with one over the same period:
        // half a year's revenue is not a year's.
        if (Flows.Contains(metricId))
        {
            return c.Start == fact.Start && c.End == fact.End;
        }

        if (c.Overlaps(fact))
        {
            return true;
        }

        // A year or half is a span of its own: only a month, quarter or day stretches to a nearby instant.
        if ((!IsMoment(c) && !IsMoment(fact)) || c.End.DayNumber - c.Start.DayNumber > 92)
        {
            return false;
        }

        var gap = c.End < fact.Start ? fact.Start.DayNumber - c.End.DayNumber : c.Start.DayNumber - fact.End.DayNumber;
        return gap <= ConflictFinder.SameMomentDays;
    }

    private static readonly HashSet<string> UndatedComparable = new(StringComparer.Ordinal)
    {
        "price-input", "price-output", "price-cache-read", "price-cache-write",
        "benchmark-score", "benchmark-index",

        // An Arena score moves from snapshot to snapshot: one quoted without a date agrees if any snapshot gave it.
        "arena-score",
    };

    /// <summary>
    /// Measures a leaderboard restates at every snapshot: a dated claim is judged by the snapshots
    /// within its period and the one in force when the period began, not by every snapshot ever.
    /// </summary>
    public static readonly HashSet<string> Snapshotted = new(StringComparer.Ordinal)
    {
        "arena-score", "arena-rank", "arena-votes",
    };

    /// <summary>
    /// Of the facts for a snapshotted measure, those a claim for <paramref name="claim"/> may rest on:
    /// every snapshot within the period (a score quoted for "June 2024" may come from any June
    /// snapshot) and the latest one before it began; for a period no snapshot falls in, the latest
    /// one before it ended.
    /// </summary>
    public static List<Statement> AtSnapshot(Period? claim, IEnumerable<Statement> facts)
    {
        var list = facts.ToList();
        if (claim is not { } c)
        {
            return list;
        }

        var within = list.Where(s => s.Fact.Period.Start >= c.Start && s.Fact.Period.Start <= c.End).ToList();
        var before = list.Where(s => s.Fact.Period.Start < c.Start).ToList();
        if (before.Count > 0)
        {
            var inForce = before.Max(s => s.Fact.Period.Start);
            within.AddRange(before.Where(s => s.Fact.Period.Start == inForce));
        }

        return within;
    }

    private static readonly HashSet<string> Flows = new(StringComparer.Ordinal)
    {
        "revenue", "spend", "market-size", "net-loss", "growth", "yoy-growth", "cagr", "downloads", "api-calls", "funding-raised",
        "tokens-processed", "compute-spend",
    };

    private static bool IsMoment(Period p) => p.Kind is PeriodKind.Instant or PeriodKind.Day;
}
