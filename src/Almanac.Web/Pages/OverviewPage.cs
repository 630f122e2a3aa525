using System.Text;
using Almanac.Reports;
using Almanac.Web.Knowledge;

namespace Almanac.Web.Pages;

/// <summary><c>/</c>: the market charts of <c>almanac report market</c>, each with its source line and data.</summary>
internal static class OverviewPage
{
    public static IEndpointRouteBuilder MapOverviewPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpRequest request, KnowledgeHost host) =>
        {
            var page = PageContext.Of(request);
            var snapshot = host.Snapshot();
            var report = snapshot.Report(page.Language, null);
            var body = snapshot.Page("overview:" + page.Code, () => Body(report));
            return PageLayout.Html(PageLayout.Render(page, "/", report.Title, body, charts: true, extraStyle: ReportHtml.Style + ".toc a { margin-right: 14px; color: var(--accent); }"));
        }).ExcludeFromDescription();
        return app;
    }

    // The report's part of the page depends only on the report, so it is rendered once per snapshot and language;
    // the frame around it (with links that keep the reader's parameters) is written per request.
    private static string Body(ReportDocument report)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(PageContext.E(report.Title)).Append("</h1>\n<p class=\"lead\">").Append(PageContext.E(report.Subtitle)).Append("</p>\n<nav class=\"toc\">");
        foreach (var section in report.Sections)
        {
            body.Append("<a href=\"#").Append(PageContext.E(section.Id)).Append("\">").Append(PageContext.E(section.Title)).Append("</a> ");
        }

        body.Append("</nav>\n").Append(ReportHtml.Sections(report));
        return body.ToString();
    }
}
