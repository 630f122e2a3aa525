using Almanac.Web.Knowledge;
using System.Text;
using Almanac.Charts;

namespace Almanac.Web.Pages;

/// <summary>The frame every page shares: navigation, the language switch, styles, and the chart scripts when a page has charts.</summary>
internal static class PageLayout
{
    /// <summary>The pages, in navigation order: path, English and Chinese names.</summary>
    private static readonly (string Path, string En, string Zh)[] Navigation =
    [
        ("/", "Overview", "总览"),
        ("/models", "Models", "模型"),
        ("/companies", "Companies", "公司"),
        ("/leaderboard", "Leaderboard", "排行榜"),
        ("/facts", "Facts", "事实"),
        ("/conflicts", "Conflicts", "冲突"),
        ("/usage", "Usage", "用量"),
        ("/check", "Check", "核查"),
        ("/sources", "Sources", "来源"),
    ];

    // An inline icon, so browsers do not ask for /favicon.ico.
    private const string Icon = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23b5432a'/%3E%3C/svg%3E";

    private const string Style = """
        :root { --ink: #1d1d1d; --muted: #5b5b5b; --rule: #e3e3e3; --accent: #b5432a; --band: #f7f5f2; }
        body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif; color: var(--ink); background: #fff; }
        .site { display: flex; align-items: center; gap: 22px; padding: 10px 24px; border-bottom: 1px solid var(--rule); background: var(--band); flex-wrap: wrap; }
        .site .brand { font-weight: 700; font-size: 18px; color: var(--ink); text-decoration: none; }
        .site nav a { margin-right: 16px; color: var(--ink); text-decoration: none; padding-bottom: 2px; }
        .site nav a[aria-current="page"] { border-bottom: 2px solid var(--accent); font-weight: 600; }
        .site .lang { margin-left: auto; color: var(--accent); }
        .page { max-width: 1180px; margin: 0 auto; padding: 16px 24px 48px; }
        h1 { font-size: 26px; margin: 8px 0 4px; }
        .lead { color: var(--muted); margin: 0 0 14px; }
        form.filters { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: flex-end; background: var(--band); padding: 12px 14px; margin: 12px 0; }
        form.filters label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); }
        form.filters input, form.filters select { font: inherit; padding: 4px 6px; min-width: 140px; }
        button, .button { font: inherit; padding: 5px 14px; background: var(--accent); color: #fff; border: 0; border-radius: 3px; cursor: pointer; text-decoration: none; }
        table.list { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0; }
        table.list th, table.list td { border-bottom: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; }
        table.list th a { color: var(--ink); }
        table.list td.num, table.list th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .count { color: var(--muted); font-size: 13px; }
        .quiet { color: var(--muted); font-size: 13px; }
        .error { background: #ffe3e0; border-left: 3px solid #c0392b; padding: 8px 12px; }
        textarea { width: 100%; min-height: 260px; font: 14px/1.5 ui-monospace, monospace; }
        """;

    /// <summary>A whole page around <paramref name="body"/>.</summary>
    public static string Render(PageContext page, string path, string title, string body, bool charts = false, string? extraStyle = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(page.IsZh ? "zh-CN" : "en").Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<link rel=\"icon\" href=\"").Append(Icon).Append("\">\n<title>")
            .Append(PageContext.E(title)).Append(" · Almanac</title>\n<style>").Append(Style).Append(extraStyle).Append("</style>\n</head>\n<body>\n");
        html.Append("<div class=\"site\" role=\"banner\"><a class=\"brand\" href=\"").Append(page.Href("/")).Append("\">Almanac</a><nav>");
        foreach (var (target, en, zh) in Navigation)
        {
            html.Append("<a href=\"").Append(page.Href(target)).Append('"').Append(target == path ? " aria-current=\"page\"" : string.Empty)
                .Append('>').Append(page.T(en, zh)).Append("</a>");
        }

        html.Append("</nav><a class=\"lang\" href=\"").Append(PageContext.E(page.OtherLanguageHref())).Append("\">")
            .Append(page.IsZh ? "English" : "中文").Append("</a></div>\n<div class=\"page\">\n");
        if (page.Request.HttpContext.RequestServices.GetService<KnowledgeHost>()?.DataProblem is { } problem)
        {
            html.Append("<p class=\"error\" role=\"alert\" id=\"data-problem\">")
                .Append(page.T("The data files were not loaded; the site serves the store as it was. ", "数据文件未能载入，网站仍提供原有数据。"))
                .Append("<code>").Append(PageContext.E(problem)).Append("</code></p>\n");
        }

        html.Append(body);
        html.Append("</div>\n");
        if (charts)
        {
            foreach (var script in ChartScripts.Names)
            {
                html.Append("<script src=\"/assets/").Append(script).Append("\"></script>\n");
            }

            html.Append(ChartHtml.RenderScript).Append('\n');
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    public static IResult Html(string html) => TypedResults.Content(html, "text/html; charset=utf-8");
}

/// <summary><c>/assets/…</c>: the chart scripts, served from the assembly and cached by browsers.</summary>
internal static class Assets
{
    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (string name, HttpResponse response) =>
        {
            if (!ChartScripts.Names.Contains(name, StringComparer.Ordinal))
            {
                return Results.NotFound();
            }

            response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(ChartScripts.Text(name), "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
