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
            var report = host.Snapshot().Report(page.Language, null);
            var body = new StringBuilder();
            body.Append("<h1>").Append(PageContext.E(report.Title)).Append("</h1>\n<p class=\"lead\">").Append(PageContext.E(report.Subtitle)).Append("</p>\n<nav class=\"toc\">");
            foreach (var section in report.Sections)
            {
                body.Append("<a href=\"#").Append(PageContext.E(section.Id)).Append("\">").Append(PageContext.E(section.Title)).Append("</a> ");
            }

            body.Append("</nav>\n").Append(ReportHtml.Sections(report));
            return PageLayout.Html(PageLayout.Render(page, "/", report.Title, body.ToString(), charts: true, extraStyle: ReportHtml.Style + ".toc a { margin-right: 14px; color: var(--accent); }"));
        }).ExcludeFromDescription();
        return app;
    }
}
