using System.Text;
using Almanac.Web.Knowledge;

namespace Almanac.Web.Pages;

/// <summary><c>/conflicts</c>: where sources disagree about one measure at one time, side by side.</summary>
internal static class ConflictsPage
{
    private const int MaxRows = 1000;

    public static IEndpointRouteBuilder MapConflictsPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/conflicts", (HttpRequest request, KnowledgeHost host) =>
        {
            var page = PageContext.Of(request);
            var snapshot = host.Snapshot();
            var names = snapshot.Entities.ToDictionary(e => e.Id, e => e.Name.In(page.Code), StringComparer.Ordinal);
            var metrics = snapshot.Metrics.ToDictionary(m => m.Id, m => m.Name.In(page.Code), StringComparer.Ordinal);
            var body = new StringBuilder();
            body.Append("<h1>").Append(page.T("Conflicts", "冲突")).Append("</h1>\n<p class=\"lead\">")
                .Append(page.T("Sources that give the same measure at the same time values that cannot both be true. Both stay in the knowledge base; neither is averaged away.", "不同来源对同一时间同一指标给出互不相容的数字。两者都保留在知识库中，不做平均。"))
                .Append("</p>\n<p class=\"count\">").Append(page.T($"{snapshot.Conflicts.Count} conflicts", $"{snapshot.Conflicts.Count} 处冲突")).Append(snapshot.Conflicts.Count > MaxRows ? page.T($"; the first {MaxRows} shown", $"；显示前 {MaxRows} 处") : string.Empty).Append("</p>\n");
            body.Append("<table class=\"list\" id=\"conflicts\"><thead><tr><th>").Append(page.T("Entity", "对象")).Append("</th><th>").Append(page.T("Measure", "指标"))
                .Append("</th><th>").Append(page.T("Scope", "口径")).Append("</th><th>").Append(page.T("What each source says", "各来源的说法")).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var conflict in snapshot.Conflicts.Take(MaxRows))
            {
                body.Append("<tr><td><a href=\"").Append(PageContext.E(page.Href("/facts", ("entity", conflict.EntityId), ("metric", conflict.MetricId)))).Append("\">")
                    .Append(PageContext.E(names.GetValueOrDefault(conflict.EntityId, conflict.EntityId))).Append("</a></td><td>")
                    .Append(PageContext.E(metrics.GetValueOrDefault(conflict.MetricId, conflict.MetricId))).Append("</td><td class=\"quiet\">")
                    .Append(page.Scope(conflict.Scope, snapshot.Names)).Append("</td><td><ul>");
                foreach (var statement in conflict.Statements)
                {
                    body.Append("<li><b>").Append(PageContext.E(page.Value(statement.Fact.Value))).Append("</b> (").Append(PageContext.E(statement.Fact.Period.ToString())).Append(") — <a href=\"")
                        .Append(PageContext.E(statement.Source.Url.ToString())).Append("\" rel=\"noopener noreferrer\">").Append(PageContext.E(statement.Source.Publisher)).Append("</a>, ")
                        .Append(PageContext.Date(statement.Source.Published)).Append("</li>");
                }

                body.Append("</ul></td></tr>\n");
            }

            body.Append("</tbody></table>\n");
            return PageLayout.Html(PageLayout.Render(page, "/conflicts", page.T("Conflicts", "冲突"), body.ToString()));
        }).ExcludeFromDescription();
        return app;
    }
}
