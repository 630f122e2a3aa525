using System.Text;
using Almanac.Catalogue;
using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;

namespace Almanac.Web.Pages;

/// <summary><c>/models</c>: the catalogue as <c>almanac models</c> shows it, filtered and sorted by the reader, with the price-against-release chart.</summary>
internal static class ModelsPage
{
    private const int MaxRows = 500;

    public static IEndpointRouteBuilder MapModelsPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/models", (HttpRequest request, KnowledgeHost host) =>
        {
            var page = PageContext.Of(request);
            var snapshot = host.Snapshot();
            var query = new QueryReader();
            var provider = page.Query("provider");
            var open = page.Query("openWeights");
            var minContext = page.Query("minContext");
            var maxPrice = page.Query("maxPrice");
            var sort = page.Query("sort") ?? CatalogueOrder.Sorts[0];
            var filter = new CatalogueFilter(
                provider is null ? null : snapshot.Names.ResolveEntity(provider) is [{ Kind: EntityKind.Organisation } org] ? org.Id : provider.ToLowerInvariant(),
                query.Bool("openWeights", open),
                query.TokenCount("minContext", minContext),
                query.Decimal("maxPrice", maxPrice));
            var order = query.OneOf("sort", sort, CatalogueOrder.Sorts);
            var paging = query.Page(page.Query("page"), page.Query("pageSize") ?? MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture));

            var body = new StringBuilder();
            body.Append("<h1>").Append(page.T("Models", "模型")).Append("</h1>\n<p class=\"lead\">")
                .Append(page.T("One row per canonical model; each figure from its source (hover it). Prices are the developer's own, in US$ per million tokens.", "每个规范模型一行；每个数字都有来源（悬停查看）。价格为开发者官方价，单位：美元/百万 token。"))
                .Append("</p>\n");
            Filters(body, page, provider, open, minContext, maxPrice, sort);
            if (query.HasErrors)
            {
                body.Append("<p class=\"error\" role=\"alert\">").Append(PageContext.E(string.Join(" ", query.Errors.SelectMany(e => e.Value)))).Append("</p>\n");
            }
            else
            {
                var rows = filter.Apply(snapshot.CatalogueBy(order)).ToList();
                Table(body, page, rows, paging, provider, open, minContext, maxPrice, sort);
            }

            if (snapshot.Charts(page.Language, null).FirstOrDefault(c => c.Id == "price-vs-release") is { } chart)
            {
                body.Append(ChartHtml.Figure(chart, page.Language));
            }

            return PageLayout.Html(PageLayout.Render(page, "/models", page.T("Models", "模型"), body.ToString(), charts: true));
        }).ExcludeFromDescription();
        return app;
    }

    private static void Filters(StringBuilder body, PageContext page, string? provider, string? open, string? minContext, string? maxPrice, string sort)
    {
        body.Append("<form class=\"filters\" method=\"get\" action=\"/models\">");
        if (page.IsZh)
        {
            body.Append("<input type=\"hidden\" name=\"lang\" value=\"zh\">");
        }

        Input(body, "provider", page.T("Developer or provider", "开发者或服务商"), provider, "anthropic, 谷歌, bedrock");
        body.Append("<label>").Append(page.T("Weights", "权重")).Append("<select name=\"openWeights\">")
            .Append(Option(string.Empty, page.T("any", "不限"), open)).Append(Option("true", page.T("open", "开源"), open)).Append(Option("false", page.T("closed", "闭源"), open))
            .Append("</select></label>");
        Input(body, "minContext", page.T("Context at least", "上下文至少"), minContext, "128K");
        Input(body, "maxPrice", page.T("Input price at most (US$)", "输入价格至多（美元）"), maxPrice, "1");
        body.Append("<label>").Append(page.T("Sort", "排序")).Append("<select name=\"sort\">");
        foreach (var s in CatalogueOrder.Sorts)
        {
            body.Append(Option(s, SortName(page, s), sort));
        }

        body.Append("</select></label><button type=\"submit\">").Append(page.T("Filter", "筛选")).Append("</button></form>\n");
    }

    private static void Table(StringBuilder body, PageContext page, List<CatalogueRow> rows, PageRequest paging, string? provider, string? open, string? minContext, string? maxPrice, string sort)
    {
        // Past the last page, the last one.
        var size = paging.PageSize;
        var pages = Math.Max(1, (rows.Count + size - 1) / size);
        var pageNumber = Math.Min(paging.Page, pages);
        var first = (pageNumber - 1) * size;
        var shown = rows.Skip(first).Take(size).ToList();
        body.Append("<p class=\"count\" id=\"model-count\">").Append(page.T($"{rows.Count:N0} models", $"{rows.Count:N0} 个模型"))
            .Append(pages > 1 ? page.T($"; {first + 1:N0}–{first + shown.Count:N0} shown", $"；显示第 {first + 1:N0}–{first + shown.Count:N0} 个") : string.Empty).Append("</p>\n");
        var pager = Pager(page, pageNumber, pages, size, provider, open, minContext, maxPrice, sort);
        string Sort(string key, string label) =>
            $"<a href=\"{PageContext.E(page.Href("/models", ("provider", provider), ("openWeights", open), ("minContext", minContext), ("maxPrice", maxPrice), ("sort", key)))}\">{label}</a>";
        body.Append("<table class=\"list\" id=\"models\"><thead><tr>")
            .Append("<th>").Append(Sort("name", page.T("Model", "模型"))).Append("</th>")
            .Append("<th>").Append(page.T("Developer", "开发者")).Append("</th>")
            .Append("<th>").Append(Sort("release", page.T("Released", "发布"))).Append("</th>")
            .Append("<th>").Append(page.T("Weights", "权重")).Append("</th>")
            .Append("<th class=\"num\">").Append(Sort("context", page.T("Context", "上下文"))).Append("</th>")
            .Append("<th class=\"num\">").Append(Sort("price", page.T("US$/1M in", "输入价"))).Append("</th>")
            .Append("<th class=\"num\">").Append(page.T("US$/1M out", "输出价")).Append("</th>")
            .Append("<th class=\"num\">").Append(Sort("parameters", page.T("Parameters", "参数"))).Append("</th>")
            .Append("<th>").Append(page.T("Served by", "服务商")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var row in shown)
        {
            body.Append("<tr data-developer=\"").Append(PageContext.E(row.Model.Developer)).Append("\" data-providers=\"").Append(PageContext.E(string.Join(" ", row.Providers))).Append("\">")
                .Append("<td><a href=\"").Append(PageContext.E(page.Href("/models/" + Uri.EscapeDataString(row.Model.Id)))).Append("\">").Append(PageContext.E(row.Model.Name.In(page.Code))).Append("</a></td>")
                .Append("<td>").Append(PageContext.E(row.DeveloperName)).Append("</td>")
                .Append(Cell(page, row.ReleaseDate, false))
                .Append("<td>").Append(row.IsOpenWeights switch { true => page.T("open", "开源"), false => page.T("closed", "闭源"), null => "–" }).Append("</td>")
                .Append(Cell(page, row.ContextWindow, true))
                .Append(Cell(page, row.InputPrice, true))
                .Append(Cell(page, row.OutputPrice, true))
                .Append(Cell(page, row.Parameters, true))
                .Append("<td class=\"quiet\">").Append(PageContext.E(string.Join(", ", row.Providers.Take(6)))).Append(row.Providers.Count > 6 ? "…" : string.Empty).Append("</td></tr>\n");
        }

        body.Append("</tbody></table>\n").Append(pager);
    }

    /// <summary>Links to the previous and next page of the table, keeping the filters and the order; empty for one page.</summary>
    private static string Pager(PageContext page, int pageNumber, int pages, int size, string? provider, string? open, string? minContext, string? maxPrice, string sort)
    {
        if (pages == 1)
        {
            return string.Empty;
        }

        string Link(int target, string label) =>
            $"<a href=\"{PageContext.E(page.Href("/models", ("provider", provider), ("openWeights", open), ("minContext", minContext), ("maxPrice", maxPrice), ("sort", sort), ("page", target.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("pageSize", size == MaxRows ? null : size.ToString(System.Globalization.CultureInfo.InvariantCulture))))}\" rel=\"{(target < pageNumber ? "prev" : "next")}\">{label}</a>";
        var links = new List<string>();
        if (pageNumber > 1)
        {
            links.Add(Link(pageNumber - 1, page.T("← previous", "← 上一页")));
        }

        links.Add(PageContext.E(page.T($"page {pageNumber} of {pages}", $"第 {pageNumber} 页，共 {pages} 页")));
        if (pageNumber < pages)
        {
            links.Add(Link(pageNumber + 1, page.T("next →", "下一页 →")));
        }

        return "<nav class=\"pager\" id=\"models-pager\">" + string.Join(" · ", links) + "</nav>\n";
    }

    /// <summary>A count shown rounded or in binary multiples (64K) is given in full on hover: "65,536 — ".</summary>
    private static string Exact(SourcedValue value) =>
        value.Value.Quantity is { Unit.Dimension: Quantities.Dimension.Tokens or Quantities.Dimension.Parameters } q ? PageContext.Number(q.Value) + " — " : string.Empty;

    private static string Cell(PageContext page, SourcedValue? value, bool number) =>
        value is null
            ? $"<td{(number ? " class=\"num\"" : string.Empty)}>–</td>"
            : $"<td{(number ? " class=\"num\"" : string.Empty)} title=\"{PageContext.E(Exact(value) + $"{value.Source.Publisher}: {value.Source.Title} ({PageContext.Date(value.Source.Published)})")}\">{PageContext.E(value.Value.Quantity is { } q && q.Unit.Dimension == Quantities.Dimension.PricePerMillionTokens ? PageContext.Number(q.Value) : page.Value(value.Value))}</td>";

    private static void Input(StringBuilder body, string name, string label, string? value, string placeholder) =>
        body.Append("<label>").Append(label).Append("<input name=\"").Append(name).Append("\" value=\"").Append(PageContext.E(value))
            .Append("\" placeholder=\"").Append(PageContext.E(placeholder)).Append("\"></label>");

    private static string Option(string value, string label, string? selected) =>
        $"<option value=\"{value}\"{(string.Equals(value, selected ?? string.Empty, StringComparison.Ordinal) ? " selected" : string.Empty)}>{label}</option>";

    private static string SortName(PageContext page, string sort) => sort switch
    {
        "name" => page.T("name", "名称"),
        "context" => page.T("context, largest first", "上下文（大到小）"),
        "price" => page.T("price, cheapest first", "价格（低到高）"),
        "parameters" => page.T("parameters, largest first", "参数（大到小）"),
        _ => page.T("release, newest first", "发布（新到旧）"),
    };
}
