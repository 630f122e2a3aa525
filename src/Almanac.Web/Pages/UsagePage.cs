using System.Text;
using Almanac.Hosting;
using Almanac.Reports;
using Almanac.Reports.Usage;
using Almanac.Usage.DuckDb;
using Almanac.Web.Knowledge;

namespace Almanac.Web.Pages;

/// <summary><c>/usage</c>: the charts of <c>almanac report usage</c> over the site's usage store, or how to fill it.</summary>
internal static class UsagePage
{
    public static IEndpointRouteBuilder MapUsagePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/usage", (HttpRequest request, KnowledgeHost host, UsageHost usage, TimeProvider clock) =>
        {
            var page = PageContext.Of(request);
            var releases = UsagePublication.Releases(host.Snapshot().CatalogueBy(Catalogue.CatalogueOrder.Sorts[0]));
            string? fault = null;
            UsageView view;
            try
            {
                view = usage.Read(engine => UsageView.Read(engine, releases)) ?? UsageView.Empty;
            }
            catch (UsageStoreException e)
            {
                view = UsageView.Empty;
                fault = e.Message;
            }

            var report = UsageReport.Build(view, page.Language, clock.GetUtcNow());
            var body = new StringBuilder();
            body.Append("<h1>").Append(PageContext.E(report.Title)).Append("</h1>\n<p class=\"lead\">").Append(PageContext.E(report.Subtitle)).Append("</p>\n");
            if (fault is not null)
            {
                body.Append("<p class=\"note\">").Append(PageContext.E(fault)).Append("</p>\n");
            }
            else if (view.IsEmpty)
            {
                body.Append("<p class=\"note usage-empty\">").Append(PageContext.E(usage.Hint)).Append("</p>\n");
            }

            body.Append("<nav class=\"toc\">");
            foreach (var section in report.Sections)
            {
                body.Append("<a href=\"#").Append(PageContext.E(section.Id)).Append("\">").Append(PageContext.E(section.Title)).Append("</a> ");
            }

            body.Append("</nav>\n").Append(ReportHtml.Sections(report));
            return PageLayout.Html(PageLayout.Render(page, "/usage", report.Title, body.ToString(), charts: true, extraStyle: ReportHtml.Style + ".toc a { margin-right: 14px; color: var(--accent); }"));
        }).ExcludeFromDescription();
        return app;
    }
}
