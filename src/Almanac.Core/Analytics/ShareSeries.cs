using Almanac.Knowledge;
using Almanac.Periods;

namespace Almanac.Analytics;

/// <summary>
/// Which shares to put in one series: one metric in one market on one basis (usage, spend,
/// adoption, tokens), restricted to exactly the extra scope given. Shares on another basis or in
/// a narrower scope measure something else and are never mixed in.
/// </summary>
/// <param name="Market">The <c>market</c> scope value, e.g. <c>enterprise-llm-api</c>.</param>
/// <param name="Basis">The <c>basis</c> scope value: <c>usage</c>, <c>spend</c>, <c>adoption</c>, <c>tokens</c>…</param>
/// <param name="Scope">
/// The other scope keys a fact must have, with these values, and no others: <c>{ use-case: coding }</c>.
/// A fact without a region is the world's; give <c>region</c> here for another region.
/// </param>
/// <param name="Metric">The metric, <c>market-share</c> unless said otherwise.</param>
public sealed record ShareQuery(string Market, string Basis, IReadOnlyDictionary<string, string>? Scope = null, string Metric = "market-share")
{
    /// <summary>The region a fact must be about: the one in <see cref="Scope"/>, else the world.</summary>
    public string Region => Scope?.GetValueOrDefault("region") ?? "world";

    /// <summary>The query in the scope's canonical form, e.g. <c>basis=usage;market=enterprise-llm-api;use-case=coding</c>.</summary>
    public override string ToString() =>
        $"{Metric} {Knowledge.Scope.Of((Scope ?? new Dictionary<string, string>()).Append(KeyValuePair.Create("market", Market)).Append(KeyValuePair.Create("basis", Basis)))}";
}

/// <summary>
/// One entity's share at one moment of a series, with every source that states it and the values
/// of sources that disagree (kept beside it, never averaged in).
/// </summary>
/// <param name="Period">The period of the fact the value is taken from (<c>2023</c>, <c>@2025-06-30</c>…).</param>
/// <param name="At">The series moment the share describes.</param>
/// <param name="Sources">The sources that state this value, newest first.</param>
/// <param name="Disagreeing">Other values stated for the same entity and moment by older sources.</param>
public sealed record ShareObservation(
    string EntityId,
    Period Period,
    DateOnly At,
    decimal Percent,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<ShareObservation> Disagreeing);

/// <summary>Shares of one <see cref="ShareQuery"/> over time: the moments, and each entity's share at those it has one.</summary>
/// <param name="Moments">The moments with at least one share, in order.</param>
/// <param name="Observations">The shares, ordered by moment and then by share, largest first.</param>
public sealed record ShareSeries(ShareQuery Query, IReadOnlyList<DateOnly> Moments, IReadOnlyList<ShareObservation> Observations)
{
    /// <summary>The entities, ordered by their latest share (each at its own latest moment), largest first; ties by id.</summary>
    public IReadOnlyList<string> Entities =>
        Observations
            .GroupBy(o => o.EntityId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(o => o.At)!)
            .OrderByDescending(o => o.Percent)
            .ThenBy(o => o.EntityId, StringComparer.Ordinal)
            .Select(o => o.EntityId)
            .ToList();

    /// <summary>Every source behind a value of the series (not those only of disagreeing values), oldest first.</summary>
    public IReadOnlyList<Source> Sources =>
        Observations
            .SelectMany(o => o.Sources)
            .DistinctBy(s => s.Id, StringComparer.Ordinal)
            .OrderBy(s => s.Published)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>The share of <paramref name="entityId"/> at exactly <paramref name="moment"/>, or null when none is known.</summary>
    public ShareObservation? At(string entityId, DateOnly moment) =>
        Observations.FirstOrDefault(o => o.At == moment && o.EntityId == entityId);

    /// <summary>The shares of <paramref name="entityId"/>, oldest first.</summary>
    public IReadOnlyList<ShareObservation> Of(string entityId) =>
        Observations.Where(o => o.EntityId == entityId).OrderBy(o => o.At).ToList();

    /// <summary>
    /// What the listed entities leave at <paramref name="moment"/>: 100 minus the sum of their shares.
    /// Null when nothing is known at that moment, or the shares add up to more than 100 (they overlap,
    /// as an aggregate such as open-source models does with Meta).
    /// </summary>
    public decimal? Others(DateOnly moment)
    {
        var shares = Observations.Where(o => o.At == moment).ToList();
        if (shares.Count == 0)
        {
            return null;
        }

        var sum = shares.Sum(o => o.Percent);
        return sum > 100 ? null : 100 - sum;
    }
}
