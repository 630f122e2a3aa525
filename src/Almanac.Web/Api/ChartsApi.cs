using Almanac.Charts;
using Almanac.Text;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Almanac.Web.Api;

/// <summary><c>/api/charts</c>: the market report's charts as Vega-Lite specs with their data and sources.</summary>
public static class ChartsApi
{
    public static IEndpointRouteBuilder MapChartsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/charts").WithTags("Charts");
        group.MapGet("/", List).WithName("ListCharts")
            .WithSummary("The charts there is data for, in English or Chinese, from what was published by the as-of date.");
        group.MapGet("/{id}.csv", Csv).WithName("GetChartCsv")
            .WithSummary("The table behind one chart as CSV.");
        group.MapGet("/{id}", Get).WithName("GetChart")
            .WithSummary("One chart: title, subtitle, source line, sources and the Vega-Lite spec with its data inline (?format=csv for the data).");
        return app;
    }

    internal static Ok<IReadOnlyList<ChartSummaryDto>> List(KnowledgeHost host, [AsParameters] ChartsQuery query)
    {
        IReadOnlyList<ChartSummaryDto> charts = host.Snapshot().Charts(query.Language, query.AsOf).Select(c => new ChartSummaryDto(c.Id, c.Text.Title, c.Text.Subtitle)).ToList();
        return TypedResults.Ok(charts);
    }

    internal static Results<Ok<ChartDto>, CsvResult, ValidationProblem, ProblemHttpResult> Get(
        HttpRequest request, KnowledgeHost host, string id, [AsParameters] ChartQuery query)
    {
        var csv = ResponseFormat.WantsCsv(request, query.Format);
        return Find(host, id, new ChartsQuery(query.Lang, query.AsOf)) is { } chart
            ? csv ? CsvOf(chart) : TypedResults.Ok(ChartDto.From(chart))
            : NoChart(id);
    }

    internal static Results<CsvResult, ValidationProblem, ProblemHttpResult> Csv(KnowledgeHost host, string id, [AsParameters] ChartsQuery query) =>
        Find(host, id, query) is { } chart ? CsvOf(chart) : NoChart(id);

    private static CsvResult CsvOf(Chart chart) => new(chart.CsvFileName, output => output.Write(chart.Data.ToCsv()));

    private static ProblemHttpResult NoChart(string id) => Problems.NotFound($"no chart '{id}'");

    private static Chart? Find(KnowledgeHost host, string id, ChartsQuery query) =>
        host.Snapshot().Charts(query.Language, query.AsOf).FirstOrDefault(c => c.Id == id);
}

/// <summary>The language of the charts' words and the date of what they may show.</summary>
public readonly record struct ChartsQuery(
    [FromQuery(Name = "lang")] Code<Language>? Lang,
    [FromQuery(Name = "asOf")] DateOnly? AsOf)
{
    public Language Language => Lang?.Value ?? Language.En;
}

/// <summary>One chart's parameters: its language, as-of date and answer format.</summary>
public readonly record struct ChartQuery(
    [FromQuery(Name = "lang")] Code<Language>? Lang,
    [FromQuery(Name = "asOf")] DateOnly? AsOf,
    [FromQuery(Name = "format")] Code<AnswerFormat>? Format);
