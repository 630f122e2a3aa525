using System.Globalization;
using System.Net;
using System.Text;
using Almanac.Charts;
using Almanac.Text;

namespace Almanac.Reports;

/// <summary>
/// Renders a report as one self-contained HTML file: styles, chart libraries and data inline, so
/// it opens offline and can be mailed as it is. Every text from the knowledge base is encoded.
/// </summary>
public static class ReportHtml
{
    /// <summary>The report's styles, for a page that shows <see cref="Sections"/>.</summary>
    public const string Style = """
        :root { color-scheme: light; --ink: #1d1d1d; --muted: #5b5b5b; --rule: #e3e3e3; --accent: #b5432a; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif; color: var(--ink); background: #fff; }
        header, main, footer { max-width: 980px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 32px; border-bottom: 1px solid var(--rule); }
        h1 { font-size: 30px; margin: 0 0 4px; }
        .subtitle, .meta { color: var(--muted); margin: 0 0 12px; }
        nav ol { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 12px 0 16px; }
        nav a { color: var(--accent); text-decoration: none; }
        section { padding: 24px 0 8px; border-bottom: 1px solid var(--rule); }
        h2 { font-size: 22px; margin: 0 0 6px; }
        .lead { color: var(--muted); max-width: 760px; }
        dl.definitions { background: #f7f5f2; padding: 10px 14px; border-left: 3px solid var(--accent); margin: 12px 0; }
        dl.definitions dt { font-weight: 600; }
        dl.definitions dd { margin: 0 0 6px; }
        figure.chart { margin: 20px 0; }
        figure.chart figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; }
        figure.chart figcaption a { margin-left: 10px; color: var(--accent); }
        table.derived { border-collapse: collapse; margin: 12px 0 4px; font-size: 14px; }
        table.derived caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
        table.derived th, table.derived td { border-bottom: 1px solid var(--rule); padding: 4px 10px; text-align: left; }
        p.table-source { font-size: 12px; color: var(--muted); margin: 0 0 12px; }
        p.note { font-size: 13px; color: var(--muted); font-style: italic; }
        ol.sources { font-size: 13px; padding-left: 22px; }
        ol.sources li { margin-bottom: 4px; }
        footer { color: var(--muted); font-size: 12px; padding: 18px 24px 40px; }
        """;

    public static string Write(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var zh = report.Language == Language.Zh;
        string T(string en, string chinese) => zh ? chinese : en;

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(zh ? "zh-CN" : "en").Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(report.Title)).Append(" · Almanac</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>").Append(E(report.Title)).Append("</h1>\n<p class=\"subtitle\">").Append(E(report.Subtitle)).Append("</p>\n");
        html.Append("<p class=\"meta\">").Append(E(Meta(report, T))).Append("</p>\n<nav><ol>\n");
        foreach (var section in report.Sections)
        {
            html.Append("<li><a href=\"#").Append(E(section.Id)).Append("\">").Append(E(section.Title)).Append("</a></li>\n");
        }

        html.Append("<li><a href=\"#sources\">").Append(T("Sources", "来源")).Append("</a></li>\n</ol></nav>\n</header>\n<main>\n");
        html.Append(Sections(report));
        html.Append("</main>\n<footer>")
            .Append(E(T("Every figure above comes from a sourced fact in the Almanac knowledge base; figures without a source are not shown.", "以上每个数字均来自 Almanac 知识库中有出处的事实；无出处的数字不予展示。")))
            .Append("</footer>\n");
        html.Append(ChartHtml.InlineScripts()).Append(ChartHtml.RenderScript).Append("\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The report's sections and its list of sources, for a page of one's own; the page must load
    /// the chart scripts and <see cref="ChartHtml.RenderScript"/> after it, and may use <see cref="Style"/>.
    /// </summary>
    public static string Sections(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var zh = report.Language == Language.Zh;
        var html = new StringBuilder();
        foreach (var section in report.Sections)
        {
            WriteSection(html, section, report.Language);
        }

        html.Append("<section id=\"sources\">\n<h2>").Append(zh ? "来源" : "Sources").Append("</h2>\n<ol class=\"sources\">\n");
        foreach (var source in report.Sources)
        {
            html.Append("<li>").Append(E(source.Publisher)).Append(", <a href=\"").Append(E(source.Url.ToString())).Append("\">")
                .Append(E(source.Title)).Append("</a>, ").Append(source.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</li>\n");
        }

        html.Append("</ol>\n</section>\n");
        return html.ToString();
    }

    private static void WriteSection(StringBuilder html, ReportSection section, Language language)
    {
        html.Append("<section id=\"").Append(E(section.Id)).Append("\">\n<h2>").Append(E(section.Title)).Append("</h2>\n");
        html.Append("<p class=\"lead\">").Append(E(section.Lead)).Append("</p>\n");
        if (section.Definitions.Count > 0)
        {
            html.Append("<dl class=\"definitions\">\n");
            foreach (var d in section.Definitions.DistinctBy(d => d.Term))
            {
                html.Append("<dt>").Append(E(d.Term)).Append("</dt><dd>").Append(E(d.Meaning)).Append("</dd>\n");
            }

            html.Append("</dl>\n");
        }

        foreach (var chart in section.Charts)
        {
            html.Append(ChartHtml.Figure(chart, language));
        }

        foreach (var table in section.Tables)
        {
            html.Append("<table class=\"derived\">\n<caption>").Append(E(table.Caption)).Append("</caption>\n<thead><tr>");
            foreach (var h in table.Header)
            {
                html.Append("<th>").Append(E(h)).Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in table.Rows)
            {
                html.Append("<tr>");
                foreach (var cell in row)
                {
                    html.Append("<td>").Append(E(cell)).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n<p class=\"table-source\">").Append(E(table.SourceLine)).Append("</p>\n");
        }

        foreach (var note in section.Notes)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    private static string Meta(ReportDocument report, Func<string, string, string> t)
    {
        var generated = report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var asOf = report.AsOf is { } date
            ? t($"Knowledge as published by {date:yyyy-MM-dd}", $"截至 {date:yyyy-MM-dd} 已发布的信息")
            : t("All knowledge in the store", "知识库中的全部信息");
        return $"{asOf} · {t("generated", "生成于")} {generated} · {report.Charts.Count()} {t("charts", "张图表")} · {report.Sources.Count} {t("sources", "个来源")}";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
