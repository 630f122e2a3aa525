using System.Text;
using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Storage;
using Almanac.Web.Knowledge;

namespace Almanac.Web.Pages;

/// <summary>
/// <c>/facts</c>: search entities in either language; an entity's facts with their sources; and the
/// history of one measure (<c>?entity=anthropic&amp;metric=valuation</c>) with every source, retracted figures included.
/// </summary>
internal static class FactsPage
{
    private const int MaxRows = 1000;

    public static IEndpointRouteBuilder MapFactsPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/facts", (HttpRequest request, KnowledgeHost host) =>
        {
            var page = PageContext.Of(request);
            var snapshot = host.Snapshot();
            var body = new StringBuilder();
            var q = page.Query("q");
            var entityName = page.Query("entity");
            var metricName = page.Query("metric");
            var charts = false;
            body.Append("<h1>").Append(page.T("Facts", "事实")).Append("</h1>\n");
            Search(body, page, q ?? entityName);
            if (entityName is not null)
            {
                var entity = snapshot.Names.ResolveEntity(entityName) is [var first, ..] ? first : null;
                var metric = metricName is null ? null : snapshot.Names.ResolveMetric(metricName);
                if (entity is null)
                {
                    body.Append("<p class=\"error\" role=\"alert\">").Append(PageContext.E(page.T($"No entity is called '{entityName}'.", $"没有名为“{entityName}”的对象。"))).Append("</p>\n");
                }
                else if (metricName is not null && metric is null)
                {
                    body.Append("<p class=\"error\" role=\"alert\">").Append(PageContext.E(page.T($"No metric is called '{metricName}'.", $"没有名为“{metricName}”的指标。"))).Append("</p>\n");
                }
                else if (metric is not null)
                {
                    charts = History(body, page, snapshot, entity, metric);
                }
                else
                {
                    EntityFacts(body, page, snapshot, entity);
                }
            }
            else if (q is not null)
            {
                Matches(body, page, snapshot, q);
            }
            else
            {
                body.Append(snapshot.Page("facts-recent-" + page.Code, () => Recent(page, snapshot)));
            }

            return PageLayout.Html(PageLayout.Render(page, "/facts", page.T("Facts", "事实"), body.ToString(), charts));
        }).ExcludeFromDescription();
        return app;
    }

    private static void Search(StringBuilder body, PageContext page, string? q)
    {
        body.Append("<form class=\"filters\" method=\"get\" action=\"/facts\">").Append(page.IsZh ? "<input type=\"hidden\" name=\"lang\" value=\"zh\">" : string.Empty)
            .Append("<label>").Append(page.T("Company, model or market, in English or Chinese", "公司、模型或市场（中英文均可）"))
            .Append("<input name=\"q\" id=\"q\" value=\"").Append(PageContext.E(q)).Append("\" placeholder=\"Anthropic, 谷歌, Claude Sonnet 3.5\"></label>")
            .Append("<button type=\"submit\">").Append(page.T("Search", "搜索")).Append("</button></form>\n");
    }

    /// <summary>Before any search: the curated facts most recently published, so the page shows what the knowledge base holds.</summary>
    private static string Recent(PageContext page, KnowledgeSnapshot snapshot)
    {
        const int Shown = 50;
        var metrics = snapshot.Metrics.ToDictionary(m => m.Id, m => m.Name.In(page.Code), StringComparer.Ordinal);
        var recent = snapshot.Facts.Where(f => f.Dataset is null)
            .OrderByDescending(f => f.Source.Published).ThenBy(f => f.Fact.EntityId, StringComparer.Ordinal).ThenBy(f => f.Fact.MetricId, StringComparer.Ordinal)
            .Take(Shown).ToList();
        var body = new StringBuilder();
        body.Append("<h2>").Append(page.T("Recently published", "最新发布")).Append("</h2>\n<p class=\"quiet\">")
            .Append(page.T($"The {recent.Count} curated facts whose sources were published last; search above for a company, model or market.", $"来源发布最晚的 {recent.Count} 条人工整理事实；可在上方搜索公司、模型或市场。"))
            .Append("</p>\n<table class=\"list\" id=\"recent\"><thead><tr><th>").Append(page.T("Entity", "对象")).Append("</th><th>").Append(page.T("Measure", "指标")).Append("</th><th>")
            .Append(page.T("Scope", "口径")).Append("</th><th>").Append(page.T("Period", "期间")).Append("</th><th class=\"num\">").Append(page.T("Value", "数值")).Append("</th><th>")
            .Append(page.T("Source", "来源")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var f in recent)
        {
            body.Append("<tr><td><a href=\"").Append(PageContext.E(page.Href("/facts", ("entity", f.Fact.EntityId)))).Append("\">").Append(PageContext.E(f.EntityName.In(page.Code))).Append("</a></td><td><a href=\"")
                .Append(PageContext.E(page.Href("/facts", ("entity", f.Fact.EntityId), ("metric", f.Fact.MetricId)))).Append("\">").Append(PageContext.E(metrics.GetValueOrDefault(f.Fact.MetricId, f.Fact.MetricId)))
                .Append("</a></td><td class=\"quiet\">").Append(page.Scope(f.Fact.Scope, snapshot.Names)).Append("</td><td>").Append(PageContext.E(f.Fact.Period.ToString()))
                .Append("</td><td class=\"num\">").Append(PageContext.E(page.Value(f.Fact.Value))).Append("</td><td>").Append(SourceLink(f)).Append("</td></tr>\n");
        }

        body.Append("</tbody></table>\n");
        return body.ToString();
    }

    private static void Matches(StringBuilder body, PageContext page, KnowledgeSnapshot snapshot, string q)
    {
        var exact = snapshot.Names.ResolveEntity(q);
        var found = exact.Concat(snapshot.Names.SearchEntities(q)).DistinctBy(e => e.Id).Take(200).ToList();
        body.Append("<p class=\"count\">").Append(page.T($"{found.Count} matches", $"{found.Count} 个结果")).Append("</p>\n<ul id=\"matches\">");
        foreach (var e in found)
        {
            body.Append("<li><a href=\"").Append(PageContext.E(page.Href("/facts", ("entity", e.Id)))).Append("\">").Append(PageContext.E(e.Name.In(page.Code))).Append("</a> <span class=\"quiet\">")
                .Append(PageContext.E(e.Kind.ToCode())).Append(e.Name.Zh is { } zh && !page.IsZh ? " · " + PageContext.E(zh) : string.Empty).Append("</span></li>");
        }

        body.Append("</ul>\n");
    }

    private static void EntityFacts(StringBuilder body, PageContext page, KnowledgeSnapshot snapshot, Entity entity)
    {
        var facts = snapshot.Select(new FactQuery(EntityIds: [entity.Id]));
        var metrics = snapshot.Metrics.ToDictionary(m => m.Id, StringComparer.Ordinal);
        body.Append("<h2>").Append(PageContext.E(entity.Name.In(page.Code))).Append("</h2>\n<p class=\"count\">")
            .Append(page.T($"{facts.Count} facts", $"{facts.Count} 条事实")).Append(facts.Count > MaxRows ? page.T($"; the first {MaxRows} shown", $"；显示前 {MaxRows} 条") : string.Empty).Append("</p>\n");
        body.Append("<table class=\"list\" id=\"facts\"><thead><tr><th>").Append(page.T("Measure", "指标")).Append("</th><th>").Append(page.T("Scope", "口径")).Append("</th><th>")
            .Append(page.T("Period", "期间")).Append("</th><th class=\"num\">").Append(page.T("Value", "数值")).Append("</th><th>").Append(page.T("Source", "来源")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var f in facts.Take(MaxRows))
        {
            var metric = metrics.TryGetValue(f.Fact.MetricId, out var m) ? m.Name.In(page.Code) : f.Fact.MetricId;
            body.Append("<tr><td><a href=\"").Append(PageContext.E(page.Href("/facts", ("entity", entity.Id), ("metric", f.Fact.MetricId)))).Append("\" title=\"")
                .Append(page.T("history of this measure", "此指标的历史")).Append("\">").Append(PageContext.E(metric)).Append("</a></td><td class=\"quiet\">")
                .Append(page.Scope(f.Fact.Scope, snapshot.Names)).Append("</td><td>").Append(PageContext.E(f.Fact.Period.ToString())).Append("</td><td class=\"num\">")
                .Append(PageContext.E(page.Value(f.Fact.Value))).Append("</td><td>").Append(SourceLink(f)).Append("</td></tr>\n");
        }

        body.Append("</tbody></table>\n");
    }

    /// <summary>Every figure ever given for one measure, oldest period first; returns whether a chart was drawn.</summary>
    private static bool History(StringBuilder body, PageContext page, KnowledgeSnapshot snapshot, Entity entity, Metric metric)
    {
        var facts = snapshot.Select(new FactQuery(EntityIds: [entity.Id], MetricId: metric.Id, IncludeRetracted: true))
            .OrderBy(f => f.Fact.Period.End).ThenBy(f => f.Source.Published).ToList();
        body.Append("<h2>").Append(PageContext.E($"{entity.Name.In(page.Code)} · {metric.Name.In(page.Code)}")).Append("</h2>\n<p class=\"lead\">")
            .Append(page.T("Every figure the knowledge base holds for this measure, with every source; figures removed from the data files are kept and marked.", "知识库中此指标的全部数字及其来源；已从数据文件中撤下的数字仍保留并标注。"))
            .Append("</p>\n");
        var charted = facts.Where(f => f.RetractedAt is null && f.Fact.Value.Quantity is { IsRange: false }).ToList();
        var drawn = false;
        if (charted.Count > 1 && charted.Select(f => f.Fact.Value.Quantity!.Value.Unit).Distinct().Count() == 1)
        {
            var unit = charted[0].Fact.Value.Quantity!.Value.Unit;
            var table = new ChartTable(
                new ChartField("date", page.T("Period end", "期末"), FieldType.Temporal),
                new ChartField("value", metric.Name.In(page.Code), FieldType.Quantitative, unit.Code),
                new ChartField("publisher", page.T("Source", "来源"), FieldType.Nominal),
                new ChartField("scope", page.T("Scope", "口径"), FieldType.Nominal),
                new ChartField("period", page.T("Period", "期间"), FieldType.Nominal));
            foreach (var f in charted)
            {
                table.Add(f.Fact.Period.End, f.Fact.Value.Quantity!.Value.Value, f.Source.Publisher, f.Fact.Scope.Canonical, f.Fact.Period.ToString());
            }

            var sources = charted.Select(f => f.Source).ToList();
            var chart = ChartSpec.Lines(
                "history",
                new ChartText($"{entity.Name.In(page.Code)}: {metric.Name.In(page.Code)}", unit.Code, SourceLine.For(sources, page.Language)),
                table,
                new ChartEncoding("date", "value", "publisher"),
                sources);
            body.Append(ChartHtml.Figure(chart, page.Language));
            drawn = true;
        }

        body.Append("<table class=\"list\" id=\"history\"><thead><tr><th>").Append(page.T("Period", "期间")).Append("</th><th>").Append(page.T("Scope", "口径")).Append("</th><th class=\"num\">")
            .Append(page.T("Value", "数值")).Append("</th><th>").Append(page.T("Source", "来源")).Append("</th><th>").Append(page.T("Quote", "原文")).Append("</th><th>")
            .Append(page.T("Status", "状态")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var f in facts)
        {
            body.Append("<tr><td>").Append(PageContext.E(f.Fact.Period.ToString())).Append("</td><td class=\"quiet\">").Append(page.Scope(f.Fact.Scope, snapshot.Names)).Append("</td><td class=\"num\">")
                .Append(PageContext.E(page.Value(f.Fact.Value))).Append("</td><td>").Append(SourceLink(f)).Append("</td><td class=\"quiet\">").Append(PageContext.E(f.Fact.Quote)).Append("</td><td>")
                .Append(f.RetractedAt is { } retracted ? PageContext.E(page.T($"retracted {retracted:yyyy-MM-dd}", $"{retracted:yyyy-MM-dd} 撤下")) : page.T("current", "现行")).Append("</td></tr>\n");
        }

        body.Append("</tbody></table>\n");
        return drawn;
    }

    private static string SourceLink(StoredFact f) =>
        $"<a href=\"{PageContext.E(f.Source.Url.ToString())}\" rel=\"noopener noreferrer\">{PageContext.E(f.Source.Publisher)}</a> <span class=\"quiet\">{PageContext.Date(f.Source.Published)}</span>";
}
