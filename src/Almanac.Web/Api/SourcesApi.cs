using Almanac.Hosting;
using Almanac.Knowledge;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Almanac.Web.Api;

/// <summary><c>/api/sources</c>: the documents the facts cite, newest first, with how many facts cite each.</summary>
public static class SourcesApi
{
    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sources").WithTags("Sources");
        group.MapGet("/", List).WithName("ListSources")
            .WithSummary("The sources current facts cite, newest first; filter by text in the publisher or title, kind, and publication date.");
        group.MapGet("/{id}", Get).WithName("GetSource")
            .WithSummary("One source by id.");
        return app;
    }

    internal static Results<Ok<ListPage<SourceDto>>, CsvResult, ValidationProblem> List(
        HttpRequest request, KnowledgeHost host, [AsParameters] SourcesQuery query)
    {
        var paging = PageRequest.Of(query.Page, query.PageSize);
        var csv = ResponseFormat.WantsCsv(request, query.Format);
        var date = query.AsOf;
        var wanted = query.Kind?.Value;
        var q = query.Q;
        var sources = host.Snapshot().Sources
            .Where(s => wanted is null || s.Source.Kind == wanted)
            .Where(s => date is null || s.Source.Published <= date)
            .Where(s => string.IsNullOrWhiteSpace(q)
                || s.Source.Publisher.Contains(q, StringComparison.OrdinalIgnoreCase)
                || s.Source.Title.Contains(q, StringComparison.OrdinalIgnoreCase)
                || s.Source.Id.Contains(q, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (csv)
        {
            return new CsvResult("sources.csv", output =>
            {
                Csv.WriteRow(output, ["id", "publisher", "title", "url", "published", "kind", "licence", "facts"]);
                foreach (var s in sources)
                {
                    var dto = SourceDto.From(s.Source, s.Facts);
                    Csv.WriteRow(output, [dto.Id, dto.Publisher, dto.Title, dto.Url, dto.Published, dto.Kind, dto.Licence, s.Facts.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                }
            });
        }

        return TypedResults.Ok(paging.Apply(sources, s => SourceDto.From(s.Source, s.Facts)));
    }

    internal static Results<Ok<SourceDto>, ProblemHttpResult> Get(KnowledgeHost host, string id) =>
        host.Snapshot().Sources.FirstOrDefault(s => s.Source.Id == id) is { } found
            ? TypedResults.Ok(SourceDto.From(found.Source, found.Facts))
            : Problems.NotFound($"unknown source '{id}'");
}

/// <summary>The filters of <c>/api/sources</c>.</summary>
public readonly record struct SourcesQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "kind")] Code<SourceKind>? Kind,
    [FromQuery(Name = "asOf")] DateOnly? AsOf,
    [FromQuery(Name = "page")] PageNumber? Page,
    [FromQuery(Name = "pageSize")] PageSize? PageSize,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);
