using Almanac.Hosting;
using Almanac.Storage;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Almanac.Web.Api;

/// <summary><c>/api/facts</c>: sourced figures by entity, metric, period, and what was known as of a date.</summary>
public static class FactsApi
{
    public static IEndpointRouteBuilder MapFactsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/facts").WithTags("Facts")
            .MapGet("/", List).WithName("ListFacts")
            .WithSummary("Sourced facts, filtered by entity (repeatable; id or name in English or Chinese), metric, period and as-of date, one page at a time.");
        return app;
    }

    internal static Results<Ok<ListPage<FactDto>>, CsvResult, ValidationProblem, ProblemHttpResult> List(
        HttpRequest request, KnowledgeHost host, [AsParameters] FactsQuery parameters)
    {
        var query = new QueryReader();
        var paging = PageRequest.Of(parameters.Page, parameters.PageSize);
        var csv = ResponseFormat.WantsCsv(request, parameters.Format);
        var within = parameters.Period?.Value;
        var date = parameters.AsOf;
        var history = parameters.IncludeRetracted ?? false;
        var metric = parameters.Metric;
        var entity = parameters.Entity;
        var snapshot = host.Snapshot();
        string? metricId = null;
        if (!string.IsNullOrEmpty(metric))
        {
            metricId = snapshot.Names.ResolveMetric(metric)?.Id;
            if (metricId is null)
            {
                query.Fail("metric", $"unknown metric '{metric}'; expected one of {string.Join(", ", snapshot.Metrics.Select(m => m.Id).Order(StringComparer.Ordinal))}");
            }
        }

        if (query.HasErrors)
        {
            return Problems.Invalid(query);
        }

        switch (EntitiesApi.ResolveAll(snapshot, entity, out var ids))
        {
            case ProblemHttpResult problem:
                return problem;
            case ValidationProblem invalid:
                return invalid;
        }

        var factQuery = new FactQuery(EntityIds: ids, MetricId: metricId, Within: within, AsOf: date, IncludeRetracted: history);
        var facts = snapshot.Select(factQuery);
        return csv ? new CsvResult("facts.csv", output => ListCsv.Facts(facts, output)) : TypedResults.Ok(paging.Apply(facts, FactDto.From));
    }
}

/// <summary>The filters of <c>/api/facts</c>.</summary>
public readonly record struct FactsQuery(
    [FromQuery(Name = "entity")] string[]? Entity,
    [FromQuery(Name = "metric")] string? Metric,
    [FromQuery(Name = "period")] PeriodText? Period,
    [FromQuery(Name = "asOf")] DateOnly? AsOf,
    [FromQuery(Name = "includeRetracted")] bool? IncludeRetracted,
    [FromQuery(Name = "page")] PageNumber? Page,
    [FromQuery(Name = "pageSize")] PageSize? PageSize,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);
