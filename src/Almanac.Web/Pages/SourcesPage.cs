using System.Text;
using Almanac.Knowledge;
using Almanac.Web.Knowledge;

namespace Almanac.Web.Pages;

/// <summary><c>/sources</c>: every document the knowledge base cites, newest first, with how many facts rest on it.</summary>
internal static class SourcesPage
{
    public static IEndpointRouteBuilder MapSourcesPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sources", (HttpRequest request, KnowledgeHost host) =>
        {
            var page = PageContext.Of(request);
            var q = page.Query("q");
            var sources = host.Snapshot().Sources
                .Where(s => q is null
                    || s.Source.Publisher.Contains(q, StringComparison.OrdinalIgnoreCase)
                    || s.Source.Title.Contains(q, StringComparison.OrdinalIgnoreCase)
                    || s.Source.Id.Contains(q, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var body = new StringBuilder();
            body.Append("<h1>").Append(page.T("Sources", "来源")).Append("</h1>\n<p class=\"lead\">")
                .Append(page.T("Every fact names one of these documents: publisher, title, address and date.", "每条事实都注明以下文献之一：发布者、标题、地址与日期。")).Append("</p>\n");
            body.Append("<form class=\"filters\" method=\"get\" action=\"/sources\">").Append(page.IsZh ? "<input type=\"hidden\" name=\"lang\" value=\"zh\">" : string.Empty)
                .Append("<label>").Append(page.T("Publisher or title", "发布者或标题")).Append("<input name=\"q\" value=\"").Append(PageContext.E(q)).Append("\"></label>")
                .Append("<button type=\"submit\">").Append(page.T("Search", "搜索")).Append("</button></form>\n");
            body.Append("<p class=\"count\">").Append(page.T($"{sources.Count} sources", $"{sources.Count} 个来源")).Append("</p>\n");
            body.Append("<table class=\"list\" id=\"sources\"><thead><tr><th>").Append(page.T("Published", "日期")).Append("</th><th>")
                .Append(page.T("Publisher", "发布者")).Append("</th><th>").Append(page.T("Title", "标题")).Append("</th><th>")
                .Append(page.T("Kind", "类型")).Append("</th><th class=\"num\">").Append(page.T("Facts", "事实数")).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var use in sources)
            {
                var s = use.Source;
                body.Append("<tr><td>").Append(PageContext.Date(s.Published)).Append("</td><td>").Append(PageContext.E(s.Publisher))
                    .Append("</td><td><a href=\"").Append(PageContext.E(s.Url.ToString())).Append("\" rel=\"noopener noreferrer\">").Append(PageContext.E(s.Title)).Append("</a></td><td>")
                    .Append(s.Kind == SourceKind.Primary ? page.T("primary", "一手") : page.T("secondary", "二手"))
                    .Append("</td><td class=\"num\">").Append(use.Facts).Append("</td></tr>\n");
            }

            body.Append("</tbody></table>\n");
            return PageLayout.Html(PageLayout.Render(page, "/sources", page.T("Sources", "来源"), body.ToString()));
        }).ExcludeFromDescription();
        return app;
    }
}
