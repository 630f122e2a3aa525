using Almanac.Analytics;
using Almanac.Quantities;

namespace Almanac.Web.Api;

/// <summary>One point of a company's timeline, with every source that states it.</summary>
/// <param name="Metric"><c>revenue-run-rate</c> or <c>valuation</c> (post-money, closed rounds only).</param>
/// <param name="Date">The day the point is drawn at: the end of <paramref name="Period"/>.</param>
/// <param name="Amount">The amount in <paramref name="Currency"/>, as stated (never converted).</param>
/// <param name="Disputed">Another source gives another value for the same point; both are listed.</param>
public sealed record CompanyPointDto(
    string Metric,
    string Period,
    string Date,
    decimal Amount,
    string Currency,
    string Qualifier,
    string? Round,
    bool Disputed,
    string? Note,
    IReadOnlyList<SourceDto> Sources)
{
    internal static CompanyPointDto From(CompanyPoint p) => new(
        p.MetricId, p.Period.ToString(), SourceDto.Day(p.At), p.Amount, p.Currency, p.Qualifier.ToCode(), p.Round, p.Disputed, p.Note, p.Sources.Select(s => SourceDto.From(s)).ToList());
}

/// <summary>A company's revenue run-rate and valuations over time, oldest first.</summary>
public sealed record CompanyTimelineDto(string Entity, string Name, string? NameZh, IReadOnlyList<CompanyPointDto> Points);

/// <summary>A model followed by the Arena leaderboard: its rank and score on the latest snapshot.</summary>
public sealed record ArenaModelDto(string Id, string Name, int Rank, decimal LatestScore);

/// <summary>One model's Arena score on one snapshot.</summary>
/// <param name="Interval">The 95% interval as LMArena wrote it.</param>
public sealed record ArenaScoreDto(string Model, string ModelName, string Snapshot, decimal Score, string? Interval, SourceDto Source);

/// <summary>Arena scores over time of the models with the top scores on the latest snapshot.</summary>
public sealed record ArenaLeaderboardDto(string Benchmark, IReadOnlyList<string> Snapshots, IReadOnlyList<ArenaModelDto> Models, IReadOnlyList<ArenaScoreDto> Scores);

/// <summary>One model's result on a benchmark; <c>others</c> are other evaluators' latest results, kept apart.</summary>
/// <param name="Score">Percent of the benchmark solved.</param>
/// <param name="StandardError">Percentage points, where the run gives one.</param>
public sealed record BenchmarkResultDto(int Rank, string Model, string ModelName, decimal Score, decimal? StandardError, string? Evaluator, string Period, SourceDto Source, IReadOnlyList<BenchmarkResultDto> Others);

/// <summary>The top models of one benchmark.</summary>
public sealed record BenchmarkDto(string Id, string Name, string? NameZh, IReadOnlyList<BenchmarkResultDto> Rows);

/// <summary>One developer's token share of one week; <c>qualifier</c> <c>at-least</c> marks a lower bound.</summary>
public sealed record TokenShareDto(string Entity, string Name, string WeekStart, string WeekEnd, decimal Percent, string Qualifier, string Obtained, string? Note, IReadOnlyList<SourceDto> Sources);

/// <summary>OpenRouter's weekly token share by developer: one basis, never merged with survey shares.</summary>
public sealed record TokenSharesDto(string Basis, string Segment, string Definition, IReadOnlyList<string> Weeks, IReadOnlyList<TokenShareDto> Shares);
