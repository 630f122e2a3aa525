using Almanac.Knowledge;
using Almanac.Periods;

namespace Almanac.Checking.Judging;

/// <summary>
/// Which knowledge-base facts speak about the measure a claim states: same entity and metric, a
/// compatible scope, and the same moment as the metric's declared timing (<see cref="MetricTiming"/>)
/// reads it. A fact at the claim's moment may support or contradict it; a fact of a nearby or
/// unknown moment may only support it.
/// </summary>
internal static class FactMatching
{
    /// <summary>Properties a model has from its release on: a figure about them holds whenever it is stated.</summary>
    /// <remarks>Kept for the document rules that still ask by id; matching reads <see cref="TemporalKind.Property"/> from the metric.</remarks>
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
    /// Scope keys a claim may leave unsaid and still match, per metric, because they only label the
    /// event a figure came from: a valuation or a round's amount is the company's whichever round set it.
    /// Any other key the fact has and the claim lacks (basis, market, region, segment, use case,
    /// benchmark, answer, provider, offering) makes it another measure.
    /// </summary>
    private static readonly Dictionary<string, string[]> Labels = new(StringComparer.Ordinal)
    {
        ["valuation"] = ["round"],
        ["funding-raised"] = ["round"],
    };

    /// <summary>
    /// Scope keys a claim may leave unsaid but which make the fact another measurement of it: a benchmark
    /// score is the model's whoever ran it and at whichever effort, yet one evaluator's run does not
    /// contradict a score another evaluator (or the developer, at another effort) reported.
    /// </summary>
    private static readonly Dictionary<string, string[]> Settings = new(StringComparer.Ordinal)
    {
        ["benchmark-score"] = ["evaluator", "variant"],
        ["benchmark-index"] = ["evaluator", "variant"],
        ["benchmark-stderr"] = ["evaluator", "variant"],
    };

    // A model's own properties do not vary by the region or market a note discusses it under, and
    // a dataset states them for the developer's own offering; resellers' limits are their own.
    private static readonly string[] PlaceKeys = ["region", "market", "segment"];
    private static readonly string[] OfferingKeys = ["provider", "offering"];

    /// <summary>A claim period this long or shorter is a moment that stretches to a nearby instant; a year or half is a span of its own.</summary>
    private const int MomentDays = 92;

    public static bool ScopeMatches(Scope claim, Scope fact, string metricId, MetricTiming timing)
    {
        if (timing.Kind == TemporalKind.Property)
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

        var omissible = (Labels.GetValueOrDefault(metricId) ?? []).Concat(Settings.GetValueOrDefault(metricId) ?? []).ToList();
        return fact.Values.Keys.All(key => claim[key] is not null || omissible.Contains(key, StringComparer.Ordinal));
    }

    /// <summary>
    /// Whether the fact is another measurement than the claim states, matched only because the claim
    /// leaves a setting unsaid (the evaluator, the effort): it may support the claim, not contradict it.
    /// </summary>
    public static bool OtherSetting(Scope claim, Scope fact, string metricId) =>
        (Settings.GetValueOrDefault(metricId) ?? []).Any(key => fact[key] is not null && claim[key] is null);

    /// <summary>
    /// Whether a claim is tied to the moment of the event its scope names (a round): then the facts of
    /// that event decide it whatever date it gives.
    /// </summary>
    public static bool Pinned(Claim claim) => Scope.EventKeys.Any(key => claim.Scope[key] is not null);

    /// <summary>
    /// Whether a claim's figure cannot be placed in time: no period, not a property, not pinned to an
    /// event. Such a figure is supported by a fact of any date that agrees and never contradicted.
    /// </summary>
    public static bool Undated(Claim claim, MetricTiming timing) =>
        claim.Period is null && timing.Kind != TemporalKind.Property && !Pinned(claim);

    /// <summary>
    /// Of the facts for the claim's measure (entity, metric and scope already matched), those at its
    /// moment, each marked decisive (it may contradict the claim) or not (it may only support it):
    /// <list type="bullet">
    /// <item>a property: every fact, decisive;</item>
    /// <item>a claim pinned to an event, or any undated one: every fact (decisive only when pinned);</item>
    /// <item>a flow: facts over the very same period (half a year's revenue is not a year's), decisive;
    /// events within it (a round), supporting only;</item>
    /// <item>a stock that stands until the next figure: those stated within the claim's period and the one
    /// in force when it began, decisive (the latter only when the measure is known past it); those
    /// stated within the window after it, supporting only (a round announced days after a report of it);</item>
    /// <item>a stock at an instant: those whose period overlaps the claim's and, for a claim no longer than
    /// a quarter, the nearest stated on or before it within the window, decisive; those within the window
    /// after it, supporting only.</item>
    /// </list>
    /// </summary>
    public static List<(Statement Statement, bool Decisive)> AtMoment(Claim claim, IEnumerable<Statement> facts, MetricTiming timing)
    {
        var list = facts.ToList();
        if (timing.Kind == TemporalKind.Property || Pinned(claim))
        {
            return list.Select(s => (s, true)).ToList();
        }

        if (claim.Period is not { } c)
        {
            return list.Select(s => (s, false)).ToList();
        }

        if (timing.Kind == TemporalKind.Flow)
        {
            // An event within the period (a round closed in March for "raised in March 2025") may be all
            // of the period's amount or part of it: it may support the claim, not contradict it.
            var same = list.Where(s => s.Fact.Period.Start == c.Start && s.Fact.Period.End == c.End).ToList();
            var events = list.Where(s => Scope.EventKeys.Any(key => s.Fact.Scope[key] is not null)
                && !same.Contains(s) && c.Start <= s.Fact.Period.Start && s.Fact.Period.End <= c.End);
            return same.Select(s => (s, true)).Concat(events.Select(s => (s, false))).ToList();
        }

        var decisive = new List<Statement>();
        var supporting = new List<Statement>();
        foreach (var line in list.GroupBy(s => Line(s.Fact.Scope, claim.MetricId!)))
        {
            var before = line.Where(s => s.Fact.Period.End < c.Start).ToList();
            if (timing.UntilNext)
            {
                decisive.AddRange(line.Where(s => s.Fact.Period.Start <= c.End && s.Fact.Period.End >= c.Start));
                if (before.Count > 0)
                {
                    // The figure before the claim's moment still stood then only if the measure is known
                    // past it (a next round, a later snapshot); the last one known may have been superseded
                    // since (a launch price cut later, a round after the last one recorded): it may then
                    // support the claim, not contradict it.
                    var inForce = before.Max(s => s.Fact.Period.End);
                    var knownSince = line.Any(s => s.Fact.Period.End >= c.Start);
                    (knownSince ? decisive : supporting).AddRange(before.Where(s => s.Fact.Period.End == inForce));
                }
            }
            else
            {
                decisive.AddRange(line.Where(s => c.Overlaps(s.Fact.Period)));
                var moment = c.End.DayNumber - c.Start.DayNumber <= MomentDays;
                var near = before.Where(s => moment && (IsMoment(c) || IsMoment(s.Fact.Period)) && c.Start.DayNumber - s.Fact.Period.End.DayNumber <= timing.WindowDays).ToList();
                if (near.Count > 0)
                {
                    // Only the latest report before the moment speaks for it; older ones may still agree.
                    var nearest = near.Max(s => s.Fact.Period.End);
                    decisive.AddRange(near.Where(s => s.Fact.Period.End == nearest));
                    supporting.AddRange(near.Where(s => s.Fact.Period.End != nearest));
                }
            }

            supporting.AddRange(line.Where(s => s.Fact.Period.Start > c.End && s.Fact.Period.Start.DayNumber - c.End.DayNumber <= timing.WindowDays
                && (timing.UntilNext || (c.End.DayNumber - c.Start.DayNumber <= MomentDays && (IsMoment(c) || IsMoment(s.Fact.Period))))));
        }

        return decisive.Select(s => (s, true)).Concat(supporting.Except(decisive).Select(s => (s, false))).ToList();
    }

    /// <summary>The measurement a fact continues: its scope without the keys a claim may omit (a valuation's round).</summary>
    private static string Line(Scope scope, string metricId)
    {
        var labels = Labels.GetValueOrDefault(metricId) ?? [];
        return Scope.Of(scope.Values.Where(kv => !labels.Contains(kv.Key, StringComparer.Ordinal))).Canonical;
    }

    private static bool IsMoment(Period p) => p.Kind is PeriodKind.Instant or PeriodKind.Day;
}
