using System.Text;
using Almanac.Reports;
using Almanac.Reports.Market;
using Almanac.Web.Knowledge;

namespace Almanac.Web.Pages;

/// <summary>
/// <c>/companies</c> (every company's revenue run-rate and valuations) and <c>/leaderboard</c>
/// (Arena scores, benchmark tables, OpenRouter's token share): views of the market report on pages
/// of their own, with the same charts, source lines and data.
/// </summary>
internal static class MarketViewPages
{
    public static IEndpointRouteBuilder MapMarketViewPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/companies", (HttpRequest request, KnowledgeHost host) => Render(request, host, "/companies", MarketView.Companies)).ExcludeFromDescription();
        app.MapGet("/leaderboard", (HttpRequest request, KnowledgeHost host) => Render(request, host, "/leaderboard", MarketView.Leaderboards)).ExcludeFromDescription();
        return app;
    }

    private static IResult Render(HttpRequest request, KnowledgeHost host, string path, MarketView view)
    {
        var page = PageContext.Of(request);
        var snapshot = host.Snapshot();
        var document = snapshot.View(view, page.Language);
        var body = snapshot.Page($"{path}:{page.Code}", () => Body(document));
        return PageLayout.Html(PageLayout.Render(page, path, document.Title, body, charts: true, extraStyle: ReportHtml.Style + ".toc a { margin-right: 14px; color: var(--accent); }"));
    }

    // Rendered once per snapshot and language, as the Overview is; a list of what the page draws leads it.
    private static string Body(ReportDocument document)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(PageContext.E(document.Title)).Append("</h1>\n<p class=\"lead\">").Append(PageContext.E(document.Subtitle)).Append("</p>\n<nav class=\"toc\">");
        foreach (var chart in document.Charts)
        {
            body.Append("<a href=\"#chart-").Append(PageContext.E(chart.Id)).Append("\">").Append(PageContext.E(chart.Text.Title)).Append("</a> ");
        }

        body.Append("</nav>\n").Append(ReportHtml.Sections(document));
        return body.ToString();
    }
}
