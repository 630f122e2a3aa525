namespace Almanac.Analytics;

/// <summary>An entity's rank and share at two moments of a share series.</summary>
/// <param name="RankFrom">The rank at the first moment (1 is the largest share); null when the entity has no share then.</param>
/// <param name="RankTo">The rank at the second moment; null when the entity has no share then.</param>
/// <param name="From">The share at the first moment, in percent.</param>
/// <param name="To">The share at the second moment, in percent.</param>
public sealed record RankChange(string EntityId, int? RankFrom, int? RankTo, decimal? From, decimal? To)
{
    /// <summary>Places climbed (positive) or lost (negative); null unless ranked at both moments.</summary>
    public int? Places => RankFrom - RankTo;

    /// <summary>The change of share in percentage points; null unless known at both moments.</summary>
    public decimal? Points => To - From;
}

/// <summary>How the order of a share series changes between two of its moments.</summary>
public static class Rankings
{
    /// <summary>
    /// The ranks of every entity with a share at <paramref name="from"/> or <paramref name="to"/>.
    /// Equal shares share a rank and the next rank is skipped (1, 2, 2, 4). Ordered by the rank at
    /// <paramref name="to"/>, then at <paramref name="from"/>, entities without a rank last.
    /// </summary>
    /// <exception cref="ArgumentException">A date is not one of the series' moments.</exception>
    public static IReadOnlyList<RankChange> Between(ShareSeries series, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(series);
        foreach (var (moment, name) in new[] { (from, nameof(from)), (to, nameof(to)) })
        {
            if (!series.Moments.Contains(moment))
            {
                throw new ArgumentException($"{moment:yyyy-MM-dd} is not a moment of the series ({string.Join(", ", series.Moments.Select(m => m.ToString("yyyy-MM-dd")))}).", name);
            }
        }

        var ranksFrom = Rank(series, from);
        var ranksTo = Rank(series, to);
        return ranksFrom.Keys.Union(ranksTo.Keys)
            .Select(id => new RankChange(
                id,
                ranksFrom.TryGetValue(id, out var f) ? f.Rank : null,
                ranksTo.TryGetValue(id, out var t) ? t.Rank : null,
                ranksFrom.TryGetValue(id, out f) ? f.Percent : null,
                ranksTo.TryGetValue(id, out t) ? t.Percent : null))
            .OrderBy(c => c.RankTo ?? int.MaxValue)
            .ThenBy(c => c.RankFrom ?? int.MaxValue)
            .ThenBy(c => c.EntityId, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, (int Rank, decimal Percent)> Rank(ShareSeries series, DateOnly moment)
    {
        var shares = series.Observations.Where(o => o.At == moment).ToList();
        return shares.ToDictionary(
            o => o.EntityId,
            o => (1 + shares.Count(other => other.Percent > o.Percent), o.Percent),
            StringComparer.Ordinal);
    }
}
