using Almanac.Charts;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

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

    internal static Results<Ok<IReadOnlyList<ChartSummaryDto>>, ValidationProblem> List(KnowledgeHost host, string? lang, string? asOf)
    {
        var query = new QueryReader();
        var language = query.Language("lang", lang);
        var date = query.Date("asOf", asOf);
        if (query.HasErrors)
        {
            return Problems.Invalid(query);
        }

        IReadOnlyList<ChartSummaryDto> charts = host.Snapshot().Charts(language, date).Select(c => new ChartSummaryDto(c.Id, c.Text.Title, c.Text.Subtitle)).ToList();
        return TypedResults.Ok(charts);
    }

    internal static Results<Ok<ChartDto>, CsvResult, ValidationProblem, ProblemHttpResult> Get(
        HttpRequest request, KnowledgeHost host, string id, string? lang, string? asOf, string? format)
    {
        var query = new QueryReader();
        var csv = ResponseFormat.WantsCsv(request, format, query);
        var (chart, error) = Find(host, id, lang, asOf, query);
        return error switch
        {
            ValidationProblem invalid => invalid,
            ProblemHttpResult problem => problem,
            _ => csv ? CsvOf(chart!) : TypedResults.Ok(ChartDto.From(chart!)),
        };
    }

    internal static Results<CsvResult, ValidationProblem, ProblemHttpResult> Csv(KnowledgeHost host, string id, string? lang, string? asOf)
    {
        var (chart, error) = Find(host, id, lang, asOf, new QueryReader());
        return error switch
        {
            ValidationProblem invalid => invalid,
            ProblemHttpResult problem => problem,
            _ => CsvOf(chart!),
        };
    }

    private static CsvResult CsvOf(Chart chart) => new(chart.CsvFileName, output => output.Write(chart.Data.ToCsv()));

    // The chart, or the problem to answer with: bad parameters (400) or no such chart (404).
    private static (Chart? Chart, IResult? Error) Find(KnowledgeHost host, string id, string? lang, string? asOf, QueryReader query)
    {
        var language = query.Language("lang", lang);
        var date = query.Date("asOf", asOf);
        if (query.HasErrors)
        {
            return (null, Problems.Invalid(query));
        }

        var chart = host.Snapshot().Charts(language, date).FirstOrDefault(c => c.Id == id);
        return chart is null ? (null, Problems.NotFound($"no chart '{id}'")) : (chart, null);
    }
}
