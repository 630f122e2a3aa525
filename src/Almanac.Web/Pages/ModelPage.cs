using System.Globalization;
using System.Text;
using Almanac.Catalogue;
using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Quantities;
using Almanac.Storage;
using Almanac.Text;
using Almanac.Web.Knowledge;

namespace Almanac.Web.Pages;

/// <summary><c>/models/{id}</c>: one model, its price over time per provider as the dataset snapshots show it, and its facts with their sources.</summary>
internal static class ModelPage
{
    // The latest figures per measure are shown; a model seen in many snapshots has hundreds of facts.
    private const int MaxFacts = 300;

    public static IEndpointRouteBuilder MapModelPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/models/{id}", (HttpRequest request, KnowledgeHost host, string id) =>
        {
            var page = PageContext.Of(request);
            var snapshot = host.Snapshot();
            if (Api.EntitiesApi.Find(snapshot, id) is not { Kind: EntityKind.Model } model)
            {
                return Results.Content(
                    PageLayout.Render(page, "/models", page.T("Not found", "未找到"), $"<h1>{page.T("Not found", "未找到")}</h1><p>{PageContext.E(page.T($"No model '{id}'.", $"没有模型 '{id}'。"))}</p>"),
                    "text/html; charset=utf-8",
                    statusCode: StatusCodes.Status404NotFound);
            }

            var body = new StringBuilder();
            body.Append("<h1>").Append(PageContext.E(model.Name.In(page.Code))).Append("</h1>\n<p class=\"lead\">")
                .Append(PageContext.E(page.T("Its price over time as each dataset's snapshots show it, and every figure Almanac holds about it, each with its source.", "各数据集快照所示的价格变化，以及 Almanac 关于该模型的每个数字及其来源。")))
                .Append("</p>\n");
            if (PriceChart(model, snapshot.Prices.Of(model.Id), page.Language) is { } chart)
            {
                body.Append(ChartHtml.Figure(chart, page.Language));
            }
            else
            {
                body.Append("<p class=\"quiet\">").Append(page.T("No dataset snapshot gives this model's prices.", "没有数据集快照给出该模型的价格。")).Append("</p>\n");
            }

            Facts(body, page, snapshot.Names, snapshot.Select(new FactQuery(EntityIds: [model.Id])));
            return PageLayout.Html(PageLayout.Render(page, "/models", model.Name.In(page.Code), body.ToString(), charts: true));
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Input and output price per provider as steps over time, from the offerings without a variant. Where
    /// several records under one offering show different prices at once, the lowest is drawn.
    /// </summary>
    internal static Chart? PriceChart(Entity model, IReadOnlyList<PricePeriod> history, Language language)
    {
        string T(string en, string zh) => language == Language.Zh ? zh : en;
        var plain = history.Where(p => p.Scope["variant"] is null).ToList();
        if (plain.Count == 0)
        {
            return null;
        }

        var table = new ChartTable(
            new ChartField("date", T("Snapshot", "快照"), FieldType.Temporal),
            new ChartField("price", T("Price", "价格"), FieldType.Quantitative, "US$/1M tokens"),
            new ChartField("series", T("Provider and price", "服务商与价格"), FieldType.Nominal));
        foreach (var line in plain.GroupBy(p => (p.Provider, p.Dataset)))
        {
            foreach (var (metric, name) in new[] { (PriceHistory.InputMetric, T("input", "输入")), (PriceHistory.OutputMetric, T("output", "输出")) })
            {
                var series = $"{line.Key.Provider} · {name}";
                PricePeriod? previous = null;
                foreach (var period in line.OrderBy(p => p.From))
                {
                    if (period.Of(metric) is [var lowest, ..])
                    {
                        table.Add(Day(period.From), lowest, series);
                        previous = period;
                    }
                }

                // The last step lasts until the last snapshot that showed it, or until the day it ended.
                if (previous is { } last)
                {
                    table.Add(Day(last.To ?? last.LastSource.Published), last.Of(metric)[0], series);
                }
            }
        }

        var sources = plain.SelectMany(p => new[] { p.FirstSource, p.LastSource }).DistinctBy(s => s.Id, StringComparer.Ordinal).OrderBy(s => s.Published).ToList();
        var snapshots = string.Join("; ", sources.GroupBy(s => s.Publisher, StringComparer.Ordinal).Select(g =>
            $"{g.Key} {T("snapshots", "快照")} {Day(g.First().Published)} … {Day(g.Last().Published)}"));
        var text = new ChartText(
            T($"{model.Name.En}: price over time", $"{model.Name.In("zh")}：价格变化"),
            T("US$ per million tokens, per provider; each step holds from the snapshot that first showed the price until the next change", "美元/百万 token，按服务商；每一级从首次显示该价格的快照持续到下一次变化"),
            $"{T("Source", "来源")}: {snapshots}, via Almanac");
        return ChartSpec.Steps($"prices-{model.Id}", text, table, new ChartEncoding("date", "price", "series", LogY: false), sources);
    }

    private static void Facts(StringBuilder body, PageContext page, KnowledgeBase names, IReadOnlyList<StoredFact> facts)
    {
        var latest = facts
            .GroupBy(f => (f.Fact.MetricId, f.Fact.Scope.Canonical, f.Dataset))
            .Select(g => g.OrderByDescending(f => f.Source.Published).First())
            .OrderBy(f => f.Fact.MetricId, StringComparer.Ordinal).ThenBy(f => f.Fact.Scope.Canonical, StringComparer.Ordinal)
            .Take(MaxFacts)
            .ToList();
        body.Append("<h2>").Append(page.T("Facts", "事实")).Append("</h2>\n<p class=\"quiet\">")
            .Append(PageContext.E(page.T($"{facts.Count} facts; the latest of each measure and source below.", $"共 {facts.Count} 条事实；下表为每个指标与来源的最新一条。")))
            .Append("</p>\n<table class=\"data\"><thead><tr><th>").Append(page.T("Metric", "指标")).Append("</th><th>").Append(page.T("Scope", "范围"))
            .Append("</th><th>").Append(page.T("Period", "时期")).Append("</th><th class=\"num\">").Append(page.T("Value", "数值")).Append("</th><th>")
            .Append(page.T("Source", "来源")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var f in latest)
        {
            var value = f.Fact.Value.Quantity is { } q ? QuantityFormatter.Format(q, page.Language) : f.Fact.Value.ToString();
            body.Append("<tr><td>").Append(PageContext.E(f.Fact.MetricId)).Append("</td><td>").Append(page.Scope(f.Fact.Scope, names))
                .Append("</td><td>").Append(PageContext.E(f.Fact.Period.ToString())).Append("</td><td class=\"num\">").Append(PageContext.E(value))
                .Append("</td><td><a href=\"").Append(PageContext.E(f.Source.Url.ToString())).Append("\">").Append(PageContext.E($"{f.Source.Publisher}, {Day(f.Source.Published)}"))
                .Append("</a></td></tr>\n");
        }

        body.Append("</tbody></table>\n");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
