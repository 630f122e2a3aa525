using Almanac.Hosting;
using Almanac.Knowledge;
using Almanac.Storage;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Almanac.Web.Api;

/// <summary><c>/api/conflicts</c>: where sources disagree, side by side with sources and dates.</summary>
public static class ConflictsApi
{
    public static IEndpointRouteBuilder MapConflictsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/conflicts").WithTags("Conflicts")
            .MapGet("/", List).WithName("ListConflicts")
            .WithSummary("Where sources disagree about the same entity, metric, scope and period; filter by entity, metric and as-of date.");
        return app;
    }

    internal static Results<Ok<ListPage<ConflictDto>>, CsvResult, ValidationProblem, ProblemHttpResult> List(
        HttpRequest request, KnowledgeHost host, [AsParameters] ConflictsQuery parameters)
    {
        var query = new QueryReader();
        var paging = PageRequest.Of(parameters.Page, parameters.PageSize);
        var csv = ResponseFormat.WantsCsv(request, parameters.Format);
        var date = parameters.AsOf;
        var metric = parameters.Metric;
        var entity = parameters.Entity;
        var snapshot = host.Snapshot();
        string? metricId = null;
        if (!string.IsNullOrEmpty(metric))
        {
            metricId = snapshot.Names.ResolveMetric(metric)?.Id;
            if (metricId is null)
            {
                query.Fail("metric", $"unknown metric '{metric}'");
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

        IReadOnlyList<Almanac.Knowledge.Conflict> conflicts = ids is null && metricId is null && date is null
            ? snapshot.Conflicts
            : ConflictFinder.Find(snapshot.Select(new FactQuery(EntityIds: ids, MetricId: metricId, AsOf: date))
                .Select(f => new Statement(f.Fact, f.Source)), snapshot.Metrics);
        if (csv)
        {
            return new CsvResult("conflicts.csv", output => ListCsv.Conflicts(conflicts, output));
        }

        return TypedResults.Ok(paging.Apply(conflicts, c => ConflictDto.From(c, snapshot.Names.Entity(c.EntityId)?.Name.En ?? c.EntityId)));
    }
}

/// <summary>The filters of <c>/api/conflicts</c>.</summary>
public readonly record struct ConflictsQuery(
    [FromQuery(Name = "entity")] string[]? Entity,
    [FromQuery(Name = "metric")] string? Metric,
    [FromQuery(Name = "asOf")] DateOnly? AsOf,
    [FromQuery(Name = "page")] PageNumber? Page,
    [FromQuery(Name = "pageSize")] PageSize? PageSize,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);
