using Almanac.Hosting;
using Almanac.Knowledge;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Almanac.Web.Api;

/// <summary><c>/api/entities</c>: organisations, models, markets… found by any of their names, in English or Chinese.</summary>
public static class EntitiesApi
{
    public static IEndpointRouteBuilder MapEntitiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/entities").WithTags("Entities");
        group.MapGet("/", List).WithName("ListEntities")
            .WithSummary("Find entities by name or alias (谷歌 finds google); an exact name first, then every name containing the text.");
        group.MapGet("/{id}", Get).WithName("GetEntity")
            .WithSummary("One entity by id, name or alias.");
        return app;
    }

    internal static Results<Ok<ListPage<EntityDto>>, CsvResult, ValidationProblem> List(
        HttpRequest request, KnowledgeHost host, [AsParameters] EntitiesQuery query)
    {
        var paging = PageRequest.Of(query.Page, query.PageSize);
        var csv = ResponseFormat.WantsCsv(request, query.Format);
        var wanted = query.Kind?.Value;
        var q = query.Q;
        var snapshot = host.Snapshot();
        IEnumerable<Entity> found = snapshot.Entities;
        if (!string.IsNullOrWhiteSpace(q))
        {
            var exact = snapshot.Names.ResolveEntity(q);
            found = exact.Concat(snapshot.Names.SearchEntities(q).Where(e => !exact.Contains(e)));
        }

        if (wanted is { } w)
        {
            found = found.Where(e => e.Kind == w);
        }

        var list = found.ToList();
        return csv ? new CsvResult("entities.csv", output => ListCsv.Entities(list, output)) : TypedResults.Ok(paging.Apply(list, EntityDto.From));
    }

    internal static Results<Ok<EntityDto>, ProblemHttpResult> Get(KnowledgeHost host, string id)
    {
        var snapshot = host.Snapshot();
        return Find(snapshot, id) is { } entity
            ? TypedResults.Ok(EntityDto.From(entity))
            : Problems.NotFound($"unknown entity '{id}'");
    }

    /// <summary>The one entity <paramref name="name"/> means: its id first, else its only name or alias.</summary>
    internal static Entity? Find(KnowledgeSnapshot snapshot, string name)
    {
        if (snapshot.Names.Entity(name) is { } byId)
        {
            return byId;
        }

        return snapshot.Names.ResolveEntity(name) is [var only] ? only : null;
    }

    /// <summary>Resolves entity filters; an unknown name is 404, an ambiguous one 400.</summary>
    internal static IResult? ResolveAll(KnowledgeSnapshot snapshot, string[]? names, out string[]? ids)
    {
        ids = null;
        if (names is not { Length: > 0 })
        {
            return null;
        }

        var resolved = new List<string>();
        foreach (var name in names)
        {
            if (snapshot.Names.Entity(name) is { } byId)
            {
                resolved.Add(byId.Id);
                continue;
            }

            var found = snapshot.Names.ResolveEntity(name);
            switch (found.Count)
            {
                case 0:
                    return Problems.NotFound($"unknown entity '{name}'");
                case 1:
                    resolved.Add(found[0].Id);
                    break;
                default:
                    return Problems.Invalid("entity", $"'{name}' may mean {string.Join(", ", found.Select(e => e.Id))}; give the id");
            }
        }

        ids = resolved.Distinct(StringComparer.Ordinal).ToArray();
        return null;
    }
}

/// <summary>The search of <c>/api/entities</c>: a name or alias, and a kind.</summary>
public readonly record struct EntitiesQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "kind")] Code<EntityKind>? Kind,
    [FromQuery(Name = "page")] PageNumber? Page,
    [FromQuery(Name = "pageSize")] PageSize? PageSize,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);
