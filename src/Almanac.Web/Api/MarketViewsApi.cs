using System.Globalization;
using Almanac.Analytics;
using Almanac.Hosting;
using Almanac.Knowledge;
using Almanac.Quantities;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Almanac.Web.Api;

/// <summary>
/// Company timelines, leaderboards and OpenRouter's token share: the data behind the Companies and
/// Leaderboard pages, as JSON or CSV, built by the same analytics as the report.
/// </summary>
public static class MarketViewsApi
{
    /// <summary>The most rows a leaderboard lists.</summary>
    public const int MaxTop = 50;

    public static IEndpointRouteBuilder MapMarketViewsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/companies/{id}/timeline", CompanyTimeline).WithTags("Companies").WithName("GetCompanyTimeline")
            .WithSummary("A company's revenue run-rate and closed-round valuations over time, each point with every source that states it (?format=csv for one row per point and source).");
        app.MapGet("/api/leaderboard/arena", Arena).WithTags("Leaderboards").WithName("GetArenaLeaderboard")
            .WithSummary("LMArena text-arena scores over time of the models with the top scores on the latest snapshot (top, default 8).");
        app.MapGet("/api/benchmarks/{id}", Benchmark).WithTags("Leaderboards").WithName("GetBenchmark")
            .WithSummary("The top models on one benchmark (top, default 10): each model's best latest score with evaluator and source, other evaluators beside it.");
        app.MapGet("/api/shares/openrouter", OpenRouterShares).WithTags("Leaderboards").WithName("GetOpenRouterShares")
            .WithSummary("OpenRouter's weekly token share by developer; lower bounds are marked at-least. Another basis than the survey shares: never merged with them.");
        return app;
    }

    internal static Results<Ok<CompanyTimelineDto>, CsvResult, ValidationProblem, ProblemHttpResult> CompanyTimeline(HttpRequest request, KnowledgeHost host, string id, [AsParameters] FormatQuery query)
    {
        var csv = ResponseFormat.WantsCsv(request, query.Format);
        var snapshot = host.Snapshot();
        if (EntitiesApi.Find(snapshot, id) is not { Kind: EntityKind.Organisation } company)
        {
            return Problems.NotFound($"no company '{id}'");
        }

        var timeline = CompanyTimelines.For(company.Id, snapshot.Market.Facts);
        if (csv)
        {
            return new CsvResult($"company-timeline-{company.Id}.csv", output =>
            {
                Csv.WriteRow(output, ["entity", "metric", "date", "period", "amount", "currency", "qualifier", "round", "disputed", "source_publisher", "source_title", "source_url", "source_published"]);
                foreach (var p in timeline.Points)
                {
                    foreach (var s in p.Sources)
                    {
                        Csv.WriteRow(output, [company.Id, p.MetricId, SourceDto.Day(p.At), p.Period.ToString(), Invariant(p.Amount), p.Currency, p.Qualifier.ToCode(), p.Round, p.Disputed ? "true" : "false", s.Publisher, s.Title, s.Url.ToString(), SourceDto.Day(s.Published)]);
                    }
                }
            });
        }

        return TypedResults.Ok(new CompanyTimelineDto(company.Id, company.Name.En, company.Name.Zh, timeline.Points.Select(CompanyPointDto.From).ToList()));
    }

    internal static Results<Ok<ArenaLeaderboardDto>, CsvResult, ValidationProblem> Arena(HttpRequest request, KnowledgeHost host, [AsParameters] TopQuery query)
    {
        var csv = ResponseFormat.WantsCsv(request, query.Format);
        var count = query.Top?.Value ?? Leaderboards.FrontierModels;
        var snapshot = host.Snapshot();
        var board = Leaderboards.Arena(snapshot.Market.Facts, count);
        var name = Namer(snapshot);
        if (csv)
        {
            return new CsvResult("arena-leaderboard.csv", output =>
            {
                Csv.WriteRow(output, ["model", "model_name", "snapshot", "score", "interval", "source_publisher", "source_title", "source_url", "source_published"]);
                foreach (var s in board.Scores)
                {
                    Csv.WriteRow(output, [s.ModelId, name(s.ModelId), SourceDto.Day(s.Snapshot), Invariant(s.Score), s.Interval, s.Source.Publisher, s.Source.Title, s.Source.Url.ToString(), SourceDto.Day(s.Source.Published)]);
                }
            });
        }

        var latest = board.Latest;
        var models = board.Frontier.Select((m, i) => new ArenaModelDto(m, name(m), i + 1, board.Scores.First(s => s.ModelId == m && s.Snapshot == latest).Score)).ToList();
        return TypedResults.Ok(new ArenaLeaderboardDto(
            board.Benchmark,
            board.Snapshots.Select(SourceDto.Day).ToList(),
            models,
            board.Scores.Select(s => new ArenaScoreDto(s.ModelId, name(s.ModelId), SourceDto.Day(s.Snapshot), s.Score, s.Interval, SourceDto.From(s.Source))).ToList()));
    }

    internal static Results<Ok<BenchmarkDto>, CsvResult, ValidationProblem, ProblemHttpResult> Benchmark(HttpRequest request, KnowledgeHost host, string id, [AsParameters] TopQuery query)
    {
        var csv = ResponseFormat.WantsCsv(request, query.Format);
        var count = query.Top?.Value ?? 10;
        var snapshot = host.Snapshot();
        if (EntitiesApi.Find(snapshot, id) is not { Kind: EntityKind.Benchmark } benchmark)
        {
            return Problems.NotFound($"no benchmark '{id}'");
        }

        var table = Leaderboards.Benchmark(snapshot.Market.Facts, benchmark.Id, count);
        var name = Namer(snapshot);
        if (csv)
        {
            return new CsvResult($"benchmark-{benchmark.Id}.csv", output =>
            {
                Csv.WriteRow(output, ["rank", "model", "model_name", "score", "stderr", "evaluator", "period", "best", "source_publisher", "source_title", "source_url", "source_published"]);
                foreach (var (row, i) in table.Rows.Select((r, i) => (r, i)))
                {
                    foreach (var r in row.Others.Prepend(row))
                    {
                        Csv.WriteRow(output, [Invariant(i + 1), r.ModelId, name(r.ModelId), Invariant(r.Score), r.StandardError is { } se ? Invariant(se) : null, r.Evaluator, r.Period.ToString(), ReferenceEquals(r, row) ? "true" : "false", r.Source.Publisher, r.Source.Title, r.Source.Url.ToString(), SourceDto.Day(r.Source.Published)]);
                    }
                }
            });
        }

        BenchmarkResultDto Dto(BenchmarkResult r, int rank) => new(rank, r.ModelId, name(r.ModelId), r.Score, r.StandardError, r.Evaluator, r.Period.ToString(), SourceDto.From(r.Source), r.Others.Select(o => Dto(o, rank)).ToList());
        return TypedResults.Ok(new BenchmarkDto(benchmark.Id, benchmark.Name.En, benchmark.Name.Zh, table.Rows.Select((r, i) => Dto(r, i + 1)).ToList()));
    }

    internal static Results<Ok<TokenSharesDto>, CsvResult, ValidationProblem> OpenRouterShares(HttpRequest request, KnowledgeHost host, [AsParameters] FormatQuery query)
    {
        var csv = ResponseFormat.WantsCsv(request, query.Format);
        var snapshot = host.Snapshot();
        var organisations = snapshot.Entities.Where(e => e.Kind == EntityKind.Organisation).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var series = WeeklyShares.Build(snapshot.Market.Facts.Where(f => organisations.Contains(f.Fact.EntityId)));
        var name = Namer(snapshot);
        if (csv)
        {
            return new CsvResult("openrouter-token-share.csv", output =>
            {
                Csv.WriteRow(output, ["entity", "entity_name", "week_start", "week_end", "percent", "qualifier", "obtained", "note", "source_publisher", "source_title", "source_url", "source_published"]);
                foreach (var s in series.Shares)
                {
                    var source = s.Sources[0];
                    Csv.WriteRow(output, [s.EntityId, name(s.EntityId), SourceDto.Day(s.Week.Start), SourceDto.Day(s.Week.End), Invariant(s.Percent), s.Qualifier.ToCode(), s.Obtained.ToCode(), s.Note, source.Publisher, source.Title, source.Url.ToString(), SourceDto.Day(source.Published)]);
                }
            });
        }

        return TypedResults.Ok(new TokenSharesDto(
            series.Basis,
            series.Segment,
            "Each developer's share of all tokens OpenRouter processed in the week; a share summed from the developer's top models only is a lower bound (at-least).",
            series.Weeks.Select(w => w.ToString()).ToList(),
            series.Shares.Select(s => new TokenShareDto(s.EntityId, name(s.EntityId), SourceDto.Day(s.Week.Start), SourceDto.Day(s.Week.End), s.Percent, s.Qualifier.ToCode(), s.Obtained.ToCode(), s.Note, s.Sources.Select(x => SourceDto.From(x)).ToList())).ToList()));
    }

    private static Func<string, string> Namer(KnowledgeSnapshot snapshot)
    {
        var names = snapshot.Entities.ToDictionary(e => e.Id, e => e.Name.En, StringComparer.Ordinal);
        return id => names.GetValueOrDefault(id, id);
    }

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How a list answers: JSON, or CSV with <c>format=csv</c>.</summary>
public readonly record struct FormatQuery([FromQuery(Name = "format")] Code<AnswerFormat>? Format);

/// <summary>How many rows of a leaderboard to list, and how to answer.</summary>
public readonly record struct TopQuery(
    [FromQuery(Name = "top")] LeaderboardTop? Top,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);
