using Almanac.Catalogue;
using Almanac.Hosting;
using Almanac.Knowledge;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Almanac.Web.Api;

/// <summary><c>/api/models</c>: the model catalogue with the filters and orders of <c>almanac models</c>.</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/models").WithTags("Models")
            .MapGet("/", List).WithName("ListModels")
            .WithSummary("One row per canonical model, with sources; filter by provider, open weights, context window, input price and release date; sort by release, name, context, price or parameters.");
        app.MapGroup("/api/models").WithTags("Models")
            .MapGet("/{id}/prices", Prices).WithName("ModelPrices")
            .WithSummary("A model's price history from successive dataset snapshots: each price (USD per 1M tokens), the period it held and the snapshots that showed it; filter by provider.");
        return app;
    }

    internal static Results<Ok<ListPage<ModelDto>>, CsvResult, ValidationProblem> List(
        HttpRequest request, KnowledgeHost host, [AsParameters] ModelsQuery query)
    {
        var paging = PageRequest.Of(query.Page, query.PageSize);
        var csv = ResponseFormat.WantsCsv(request, query.Format);
        var order = (query.Sort ?? new Code<ModelSort>(ModelSort.Release)).ToString();
        var filter = new CatalogueFilter(null, query.OpenWeights, query.MinContext?.Value, query.MaxPrice?.Value, query.ReleasedAfter);
        var provider = query.Provider;
        var snapshot = host.Snapshot();
        if (!string.IsNullOrWhiteSpace(provider))
        {
            // An organisation known by name (谷歌 → google) or a serving provider's code (bedrock).
            filter = filter with
            {
                Provider = snapshot.Names.ResolveEntity(provider) is [{ Kind: EntityKind.Organisation } org] ? org.Id : provider.Trim().ToLowerInvariant(),
            };
        }

        var rows = filter.Apply(snapshot.CatalogueBy(order)).ToList();
        return csv ? new CsvResult("models.csv", output => ListCsv.Models(rows, output)) : TypedResults.Ok(paging.Apply(rows, ModelDto.From));
    }

    internal static Results<Ok<ModelPricesDto>, CsvResult, ProblemHttpResult, ValidationProblem> Prices(
        HttpRequest request, KnowledgeHost host, string id, [AsParameters] ModelPricesQuery query)
    {
        var csv = ResponseFormat.WantsCsv(request, query.Format);
        var provider = query.Provider;
        var snapshot = host.Snapshot();
        if (EntitiesApi.Find(snapshot, id) is not { Kind: EntityKind.Model } model)
        {
            return Problems.NotFound($"unknown model '{id}'");
        }

        var rows = PriceList.Rows(snapshot.Prices, model.Id, string.IsNullOrWhiteSpace(provider) ? null : provider.Trim());
        return csv
            ? new CsvResult($"{model.Id}-prices.csv", output => PriceList.Csv(rows, output))
            : TypedResults.Ok(new ModelPricesDto(model.Id, model.Name.En, rows.Select(PriceList.Json).ToList()));
    }
}

/// <summary>A model's price history: each price and the period it held.</summary>
public sealed record ModelPricesDto(string Model, string Name, IReadOnlyList<PriceRow> Prices);

/// <summary>The filters and order of <c>/api/models</c>, as <c>almanac models</c> takes them.</summary>
public readonly record struct ModelsQuery(
    [FromQuery(Name = "provider")] string? Provider,
    [FromQuery(Name = "openWeights")] bool? OpenWeights,
    [FromQuery(Name = "minContext")] TokenCount? MinContext,
    [FromQuery(Name = "maxPrice")] UsdPerMillionTokens? MaxPrice,
    [FromQuery(Name = "releasedAfter")] DateOnly? ReleasedAfter,
    [FromQuery(Name = "sort")] Code<ModelSort>? Sort,
    [FromQuery(Name = "page")] PageNumber? Page,
    [FromQuery(Name = "pageSize")] PageSize? PageSize,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);

/// <summary>The filter of <c>/api/models/{id}/prices</c>.</summary>
public readonly record struct ModelPricesQuery(
    [FromQuery(Name = "provider")] string? Provider,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);
