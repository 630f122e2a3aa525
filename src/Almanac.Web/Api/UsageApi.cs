using Almanac.Hosting;
using Almanac.Usage;
using Almanac.Usage.Analyses;
using Almanac.Usage.DuckDb;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Almanac.Web.Api;

/// <summary>
/// One usage analysis's answer: its rows and the line naming the logs they come from. With no usage store yet,
/// <see cref="Empty"/> is true, the rows are none and <see cref="Hint"/> says how to ingest.
/// </summary>
public sealed record UsageRowsDto<T>(string Source, bool Empty, string? Hint, IReadOnlyList<T> Rows);

/// <summary>Switching: each step's counts and shares, and the developer → developer matrix.</summary>
public sealed record UsageSwitchingDto(string Source, bool Empty, string? Hint, IReadOnlyList<SwitchingStep> Steps, IReadOnlyList<SwitchingCell> Matrix);

/// <summary>
/// <c>/api/usage/…</c>: the analyses of <c>almanac usage</c> over the site's usage store, as JSON or CSV, with the
/// same parameters (typed: a bad one is a 400 naming it). A busy or unreadable store is a 503.
/// </summary>
public static class UsageApi
{
    /// <summary>The most rows a cost table lists.</summary>
    public const int MaxCostRows = 100_000;

    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/usage").WithTags("Usage");
        group.MapGet("/share", Share).WithName("UsageShare")
            .WithSummary("Each developer's, provider's or model's share of your logged usage per period (tokens, requests or spend): rows {period, key, value, share}.");
        group.MapGet("/latency", Latency).WithName("UsageLatency")
            .WithSummary("Duration and time-to-first-token p50/p95/p99 (ms), error rate and cache share per model and provider.");
        group.MapGet("/cost", Cost).WithName("UsageCost")
            .WithSummary("Cost as logged against cost at the list price in force on each day, by model, team, user, tag or app; largest movers first.");
        group.MapGet("/adoption", Adoption).WithName("UsageAdoption")
            .WithSummary("For each model the catalogue says was released in the window: days to first use and its share of its developer's traffic 7, 30 and 90 days after.");
        group.MapGet("/switching", Switching).WithName("UsageSwitching")
            .WithSummary("Main model (most tokens) per user, app or team, one period against the next: stayed, moved within the developer, switched developer; the matrix and the three shares.");
        group.MapGet("/unresolved", Unresolved).WithName("UsageUnresolved")
            .WithSummary("Model strings in the logs that landed on no model of the catalogue, with their events and requests.");
        return app;
    }

    internal static Results<Ok<UsageRowsDto<ShareRow>>, CsvResult, ValidationProblem, ProblemHttpResult> Share(
        HttpRequest request, UsageHost usage, [AsParameters] UsageShareQuery parameters)
    {
        var query = new QueryReader();
        var csv = ResponseFormat.WantsCsv(request, parameters.Format);
        var share = new ShareQuery(
            parameters.By?.Value ?? ShareDimension.Developer,
            parameters.Basis?.Value ?? ShareBasis.Tokens,
            parameters.Period?.Value ?? UsagePeriod.Month,
            Window(query, parameters.From, parameters.To));
        return query.HasErrors ? Problems.Invalid(query) : Rows(usage, csv, "usage-share.csv", e => e.Share(share),
            ["period", "key", "value", "share"], r => [r.Period, r.Key, Number(r.Value), Number(r.Share)]);
    }

    internal static Results<Ok<UsageRowsDto<LatencyRow>>, CsvResult, ValidationProblem, ProblemHttpResult> Latency(
        HttpRequest request, UsageHost usage, [AsParameters] UsageWindowQuery parameters)
    {
        var query = new QueryReader();
        var csv = ResponseFormat.WantsCsv(request, parameters.Format);
        var latency = new LatencyQuery(Window(query, parameters.From, parameters.To));
        return query.HasErrors ? Problems.Invalid(query) : Rows(usage, csv, "usage-latency.csv", e => e.Latency(latency),
            ["model", "provider", "requests", "duration_p50", "duration_p95", "duration_p99", "ttft_p50", "ttft_p95", "ttft_p99", "error_rate", "cache_share"],
            r => [r.Model, r.Provider, Whole(r.Requests), Number(r.DurationP50), Number(r.DurationP95), Number(r.DurationP99), Number(r.TtftP50), Number(r.TtftP95), Number(r.TtftP99), Number(r.ErrorRate), Number(r.CacheShare)]);
    }

    internal static Results<Ok<UsageRowsDto<CostRow>>, CsvResult, ValidationProblem, ProblemHttpResult> Cost(
        HttpRequest request, UsageHost usage, [AsParameters] UsageCostQuery parameters)
    {
        var query = new QueryReader();
        var csv = ResponseFormat.WantsCsv(request, parameters.Format);
        var cost = new CostQuery(parameters.By?.Value ?? CostDimension.Model, Window(query, parameters.From, parameters.To), parameters.Limit?.Value ?? 20);
        return query.HasErrors ? Problems.Invalid(query) : Rows(usage, csv, "usage-cost.csv", e => e.Cost(cost),
            ["key", "requests", "logged", "listed", "difference", "events_logged", "events_listed"],
            r => [r.Key, Whole(r.Requests), Number(r.Logged), Number(r.Listed), Number(r.Difference), Whole(r.EventsLogged), Whole(r.EventsListed)]);
    }

    internal static Results<Ok<UsageRowsDto<AdoptionRow>>, CsvResult, ValidationProblem, ProblemHttpResult> Adoption(
        HttpRequest request, UsageHost usage, KnowledgeHost host, [AsParameters] UsageAdoptionQuery parameters)
    {
        var query = new QueryReader();
        var csv = ResponseFormat.WantsCsv(request, parameters.Format);
        var chosen = (parameters.Basis?.Value ?? AdoptionBasis.Tokens) switch
        {
            AdoptionBasis.Requests => ShareBasis.Requests,
            AdoptionBasis.Spend => ShareBasis.Spend,
            _ => ShareBasis.Tokens,
        };
        var window = Window(query, parameters.From, parameters.To);
        if (query.HasErrors)
        {
            return Problems.Invalid(query);
        }

        var releases = UsagePublication.Releases(host.Snapshot().CatalogueBy(Catalogue.CatalogueOrder.Sorts[0]));
        var adoption = new AdoptionQuery(releases, chosen, window);
        return Rows(usage, csv, "usage-adoption.csv", e => e.Adoption(adoption),
            ["model_id", "developer_id", "released", "first_used", "days_to_first_use", "share_day7", "share_day30", "share_day90"],
            r => [r.ModelId, r.DeveloperId, UsageSourceLine.Day(r.Released), r.FirstUsed is { } f ? UsageSourceLine.Day(f) : null,
                r.DaysToFirstUse?.ToString(System.Globalization.CultureInfo.InvariantCulture), Number(r.ShareDay7), Number(r.ShareDay30), Number(r.ShareDay90)]);
    }

    internal static Results<Ok<UsageSwitchingDto>, CsvResult, ValidationProblem, ProblemHttpResult> Switching(
        HttpRequest request, UsageHost usage, [AsParameters] UsageSwitchingQuery parameters)
    {
        var query = new QueryReader();
        var csv = ResponseFormat.WantsCsv(request, parameters.Format);
        var switching = new SwitchingQuery(
            parameters.By?.Value ?? SwitchingSubject.User,
            parameters.Period?.Value ?? UsagePeriod.Month,
            Window(query, parameters.From, parameters.To));
        if (query.HasErrors)
        {
            return Problems.Invalid(query);
        }

        try
        {
            var answer = usage.Read(e => (Report: e.Switching(switching), Summary: e.Summary()));
            var report = answer.Report ?? new SwitchingReport([], []);
            if (csv)
            {
                // The matrix is the finer table; each step's counts are its sums.
                return new CsvResult("usage-switching.csv", output =>
                {
                    Csv.WriteRow(output, ["from_period", "to_period", "from_developer", "to_developer", "stayed", "moved", "switched"]);
                    foreach (var c in report.Matrix)
                    {
                        Csv.WriteRow(output, [c.FromPeriod, c.ToPeriod, c.FromDeveloper, c.ToDeveloper, Whole(c.Stayed), Whole(c.Moved), Whole(c.Switched)]);
                    }
                });
            }

            return TypedResults.Ok(new UsageSwitchingDto(SourceOf(answer.Summary), answer.Summary is null, answer.Summary is null ? usage.Hint : null, report.Steps, report.Matrix));
        }
        catch (UsageStoreException e)
        {
            return Busy(e);
        }
    }

    internal static Results<Ok<UsageRowsDto<UnresolvedModel>>, CsvResult, ValidationProblem, ProblemHttpResult> Unresolved(
        HttpRequest request, UsageHost usage, [AsParameters] FormatQuery parameters)
    {
        var csv = ResponseFormat.WantsCsv(request, parameters.Format);
        return Rows(usage, csv, "usage-unresolved.csv", e => e.Unresolved(),
            ["model_raw", "events", "requests"], r => [r.ModelRaw, Whole(r.Events), Whole(r.Requests)]);
    }

    private static Results<Ok<UsageRowsDto<T>>, CsvResult, ValidationProblem, ProblemHttpResult> Rows<T>(
        UsageHost usage, bool csv, string fileName, Func<IUsageEngine, IReadOnlyList<T>> read, string[] columns, Func<T, string?[]> cells)
    {
        try
        {
            var answer = usage.Read(e => (Rows: read(e), Summary: e.Summary()));
            var rows = answer.Rows ?? [];
            if (csv)
            {
                return new CsvResult(fileName, output =>
                {
                    Csv.WriteRow(output, columns);
                    foreach (var row in rows)
                    {
                        Csv.WriteRow(output, cells(row));
                    }
                });
            }

            return TypedResults.Ok(new UsageRowsDto<T>(SourceOf(answer.Summary), answer.Summary is null, answer.Summary is null ? usage.Hint : null, rows));
        }
        catch (UsageStoreException e)
        {
            return Busy(e);
        }
    }

    private static ProblemHttpResult Busy(UsageStoreException e) =>
        TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The usage store cannot be read now");

    private static string SourceOf(UsageSummary? summary) => UsageSourceLine.Of(summary ?? new UsageSummary(0, 0, null, null));

    private static DayWindow Window(QueryReader query, DateOnly? from, DateOnly? to)
    {
        var window = new DayWindow(from, to);
        if (window.From > window.To)
        {
            query.Fail("from", $"{window.From:yyyy-MM-dd} is after to {window.To:yyyy-MM-dd}");
        }

        return window;
    }

    private static string Whole(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The share's dimension, basis and period, and the days it covers (from and to, inclusive).</summary>
public readonly record struct UsageShareQuery(
    [FromQuery(Name = "by")] Code<ShareDimension>? By,
    [FromQuery(Name = "basis")] Code<ShareBasis>? Basis,
    [FromQuery(Name = "period")] Code<UsagePeriod>? Period,
    [FromQuery(Name = "from")] DateOnly? From,
    [FromQuery(Name = "to")] DateOnly? To,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);

/// <summary>The days an analysis covers (from and to, inclusive).</summary>
public readonly record struct UsageWindowQuery(
    [FromQuery(Name = "from")] DateOnly? From,
    [FromQuery(Name = "to")] DateOnly? To,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);

/// <summary>What the cost table is by, how many rows it lists, and the days it covers.</summary>
public readonly record struct UsageCostQuery(
    [FromQuery(Name = "by")] Code<CostDimension>? By,
    [FromQuery(Name = "limit")] CostRows? Limit,
    [FromQuery(Name = "from")] DateOnly? From,
    [FromQuery(Name = "to")] DateOnly? To,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);

/// <summary>The basis of the adoption shares and the window of releases.</summary>
public readonly record struct UsageAdoptionQuery(
    [FromQuery(Name = "basis")] Code<AdoptionBasis>? Basis,
    [FromQuery(Name = "from")] DateOnly? From,
    [FromQuery(Name = "to")] DateOnly? To,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);

/// <summary>Whose main model is followed, period by period, over which days.</summary>
public readonly record struct UsageSwitchingQuery(
    [FromQuery(Name = "by")] Code<SwitchingSubject>? By,
    [FromQuery(Name = "period")] Code<UsagePeriod>? Period,
    [FromQuery(Name = "from")] DateOnly? From,
    [FromQuery(Name = "to")] DateOnly? To,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);
