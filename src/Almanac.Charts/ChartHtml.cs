using System.Net;
using System.Text;
using Almanac.Text;

namespace Almanac.Charts;

/// <summary>
/// Writes charts into HTML pages: a figure per chart with its spec, its source line as text, and
/// a link that downloads its data as CSV; and the script that draws them all with vega-embed.
/// </summary>
public static class ChartHtml
{
    /// <summary>The page is told each chart's outcome on its element: <c>data-rendered="true"</c> or <c>"error"</c>.</summary>
    public const string RenderedAttribute = "data-rendered";

    /// <summary>One chart as a <c>&lt;figure&gt;</c>; the spec travels in a JSON script block.</summary>
    public static string Figure(Chart chart, Language language)
    {
        var id = WebUtility.HtmlEncode(chart.Id);
        var csv = "data:text/csv;charset=utf-8," + Uri.EscapeDataString("\uFEFF" + chart.Data.ToCsv());
        var download = language == Language.Zh ? "下载数据（CSV）" : "Download data (CSV)";
        var html = new StringBuilder();
        html.Append("<figure class=\"chart\" id=\"chart-").Append(id).Append("\">\n");
        html.Append("<div class=\"chart-view\" data-chart=\"").Append(id).Append("\" role=\"img\" aria-label=\"")
            .Append(WebUtility.HtmlEncode(chart.Text.Title)).Append("\"></div>\n");
        html.Append("<script type=\"application/json\" class=\"chart-spec\">").Append(chart.SpecJson()).Append("</script>\n");
        if (language == Language.Zh)
        {
            // Time axes name their months in the page's language (一月, not Jan).
            html.Append("<script type=\"application/json\" class=\"chart-time-locale\">").Append(ChartScripts.ChineseTimeLocale).Append("</script>\n");
        }

        // The source line is drawn under the chart by the spec itself; the caption adds the data.
        html.Append("<figcaption>");
        html.Append("<a class=\"chart-csv\" download=\"").Append(WebUtility.HtmlEncode(chart.CsvFileName)).Append("\" href=\"")
            .Append(WebUtility.HtmlEncode(csv)).Append("\">").Append(download).Append("</a></figcaption>\n");
        html.Append("</figure>\n");
        return html.ToString();
    }

    /// <summary>The chart libraries inline, for a page that must work with no network.</summary>
    public static string InlineScripts()
    {
        var html = new StringBuilder();
        foreach (var name in ChartScripts.Names)
        {
            html.Append("<script>").Append(ChartScripts.Text(name)).Append("</script>\n");
        }

        return html.ToString();
    }

    /// <summary>Draws every figure on the page; marks each with its outcome so tests and users can tell.</summary>
    public const string RenderScript = """
        <script>
        (function () {
          var views = document.querySelectorAll('[data-chart]');
          views.forEach(function (view) {
            var spec = JSON.parse(view.parentElement.querySelector('script.chart-spec').textContent);
            var options = { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } };
            var locale = view.parentElement.querySelector('script.chart-time-locale');
            if (locale) { options.timeFormatLocale = JSON.parse(locale.textContent); }
            vegaEmbed(view, spec, options)
              .then(function () { view.setAttribute('data-rendered', 'true'); })
              .catch(function (error) { view.setAttribute('data-rendered', 'error'); view.textContent = String(error); console.error(error); });
          });
        })();
        </script>
        """;
}
