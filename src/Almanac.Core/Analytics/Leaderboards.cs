using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Analytics;

/// <summary>One model's Arena score on one leaderboard snapshot.</summary>
/// <param name="Interval">The 95% interval as the leaderboard wrote it (<c>95% CI +3/-4</c>), kept in the fact's note.</param>
public sealed record ArenaScore(string ModelId, DateOnly Snapshot, decimal Score, string? Interval, Source Source);

/// <summary>
/// Arena scores over time for the frontier models: those with the top scores on the latest snapshot.
/// </summary>
/// <param name="Snapshots">Every snapshot day with a score, oldest first.</param>
/// <param name="Frontier">The frontier models, best score on the latest snapshot first.</param>
/// <param name="Scores">Every score of the frontier models, oldest snapshot first.</param>
public sealed record ArenaLeaderboard(string Benchmark, IReadOnlyList<DateOnly> Snapshots, IReadOnlyList<string> Frontier, IReadOnlyList<ArenaScore> Scores)
{
    public DateOnly? Latest => Snapshots.Count == 0 ? null : Snapshots[^1];

    public IReadOnlyList<ArenaScore> Of(string modelId) => Scores.Where(s => s.ModelId == modelId).ToList();

    public IReadOnlyList<Source> Sources => Scores.Select(s => s.Source).DistinctBy(s => s.Id, StringComparer.Ordinal).OrderBy(s => s.Published).ToList();
}

/// <summary>One model's result on a benchmark: its best latest score, and what other evaluators found.</summary>
/// <param name="Evaluator">Who ran the evaluation (<c>epoch-ai</c>, <c>stanford-crfm</c>), from the fact's scope.</param>
/// <param name="StandardError">The standard error in percentage points, where a fact of the same run gives one.</param>
/// <param name="Others">The model's latest scores by other evaluators, kept beside it (not merged).</param>
public sealed record BenchmarkResult(
    string ModelId,
    decimal Score,
    string? Evaluator,
    decimal? StandardError,
    Period Period,
    Source Source,
    IReadOnlyList<BenchmarkResult> Others);

/// <summary>The top models of one benchmark.</summary>
public sealed record BenchmarkTable(string Benchmark, IReadOnlyList<BenchmarkResult> Rows)
{
    public IReadOnlyList<Source> Sources =>
        Rows.SelectMany(r => r.Others.Prepend(r)).Select(r => r.Source).DistinctBy(s => s.Id, StringComparer.Ordinal).OrderBy(s => s.Published).ToList();
}

/// <summary>
/// Leaderboards from sourced facts: LMArena scores over time, and benchmark tables.
/// </summary>
public static class Leaderboards
{
    /// <summary>How many models a leaderboard follows unless told otherwise.</summary>
    public const int FrontierModels = 8;

    /// <summary>LMArena's text arena, the leaderboard the Arena view draws.</summary>
    public const string ArenaText = "lmarena-text";

    public const string ArenaScoreMetric = "arena-score";
    public const string BenchmarkScoreMetric = "benchmark-score";
    public const string BenchmarkStderrMetric = "benchmark-stderr";

    /// <summary>
    /// The Arena scores of the <paramref name="top"/> models with the best scores on the latest
    /// snapshot of <paramref name="benchmark"/>, on every snapshot. Only the default ranking is read
    /// (scope exactly <c>{benchmark}</c>): a style-controlled variant is another leaderboard. Where two
    /// sources score a model on one day, the newest source's score is kept.
    /// </summary>
    public static ArenaLeaderboard Arena(IEnumerable<SourcedFact> facts, int top = FrontierModels, string benchmark = ArenaText)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var scores = facts
            .Where(f => f.Fact.MetricId == ArenaScoreMetric
                && f.Fact.Scope.Values.Count == 1 && f.Fact.Scope["benchmark"] == benchmark
                && f.Fact.Value.Quantity is { IsRange: false } q && q.Unit.Dimension == Dimension.Score)
            .GroupBy(f => (f.Fact.EntityId, Day: f.Fact.Period.End))
            .Select(g => g.OrderByDescending(f => f.Source.Published).ThenBy(f => f.Source.Id, StringComparer.Ordinal).First())
            .Select(f => new ArenaScore(f.Fact.EntityId, f.Fact.Period.End, f.Fact.Value.Quantity!.Value.Value, f.Fact.Note, f.Source))
            .ToList();
        if (scores.Count == 0)
        {
            return new ArenaLeaderboard(benchmark, [], [], []);
        }

        var latest = scores.Max(s => s.Snapshot);
        var frontier = scores
            .Where(s => s.Snapshot == latest)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.ModelId, StringComparer.Ordinal)
            .Take(top)
            .Select(s => s.ModelId)
            .ToList();
        var kept = scores
            .Where(s => frontier.Contains(s.ModelId, StringComparer.Ordinal))
            .OrderBy(s => s.Snapshot)
            .ThenBy(s => frontier.IndexOf(s.ModelId))
            .ToList();
        return new ArenaLeaderboard(benchmark, scores.Select(s => s.Snapshot).Distinct().Order().ToList(), frontier, kept);
    }

    /// <summary>
    /// The <paramref name="top"/> models on <paramref name="benchmark"/>: for each model and evaluator the
    /// latest run, and for each model its best such score first. Scores of different evaluators are
    /// different measurements: the others are kept beside the best, never averaged with it.
    /// </summary>
    public static BenchmarkTable Benchmark(IEnumerable<SourcedFact> facts, string benchmark, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentException.ThrowIfNullOrWhiteSpace(benchmark);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var relevant = facts.Where(f => f.Fact.Scope["benchmark"] == benchmark && f.Fact.Scope.Values.Keys.All(k => k is "benchmark" or "evaluator")).ToList();
        var stderr = relevant
            .Where(f => f.Fact.MetricId == BenchmarkStderrMetric && f.Fact.Value.Quantity is { IsRange: false })
            .GroupBy(f => (f.Fact.EntityId, f.Fact.Scope, f.Fact.Period))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Source.Published).First().Fact.Value.Quantity!.Value.Value);
        var rows = relevant
            .Where(f => f.Fact.MetricId == BenchmarkScoreMetric && f.Fact.Value.Quantity is { IsRange: false } q && q.Unit == Unit.Percent)
            .GroupBy(f => (f.Fact.EntityId, Evaluator: f.Fact.Scope["evaluator"]))
            .Select(g => g.OrderByDescending(f => f.Fact.Period.End).ThenByDescending(f => f.Source.Published).ThenByDescending(f => f.Fact.Value.Quantity!.Value.Value).First())
            .Select(f => new BenchmarkResult(
                f.Fact.EntityId,
                f.Fact.Value.Quantity!.Value.Value,
                f.Fact.Scope["evaluator"],
                stderr.TryGetValue((f.Fact.EntityId, f.Fact.Scope, f.Fact.Period), out var se) ? se : null,
                f.Fact.Period,
                f.Source,
                []))
            .GroupBy(r => r.ModelId, StringComparer.Ordinal)
            .Select(g =>
            {
                var ordered = g.OrderByDescending(r => r.Score).ThenBy(r => r.Evaluator, StringComparer.Ordinal).ToList();
                return ordered[0] with { Others = ordered.Skip(1).ToList() };
            })
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.ModelId, StringComparer.Ordinal)
            .Take(top)
            .ToList();
        return new BenchmarkTable(benchmark, rows);
    }
}
