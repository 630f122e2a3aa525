using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Text;

namespace Almanac.Tests.Charts;

public sealed class ChartHtmlTests
{
    private static readonly Source Hostile = new("x", "<b>Publisher</b>", "t", new Uri("https://example.org/"), new DateOnly(2025, 1, 1), SourceKind.Primary);

    [Fact]
    public void Text_from_the_knowledge_base_cannot_close_the_spec_script_or_open_a_tag()
    {
        var table = new ChartTable(new ChartField("name", "Name", FieldType.Nominal), new ChartField("v", "V", FieldType.Quantitative))
            .Add("</script><img src=x onerror=alert(1)>", 1m);
        var chart = ChartSpec.Bars("c", new ChartText("<i>title</i>", "u", SourceLine.For([Hostile], Language.En)), table, new ChartEncoding("name", "v"), [Hostile]);

        var html = ChartHtml.Figure(chart, Language.En);

        html.ShouldNotContain("</script><img");
        html.ShouldNotContain("<b>Publisher");
        html.ShouldNotContain("<i>title");
        html.ShouldContain("\\u003Cb\\u003EPublisher"); // in the spec, as JSON escapes
    }

    [Fact]
    public void Figure_links_its_data_as_a_csv_download()
    {
        var table = new ChartTable(new ChartField("name", "Name", FieldType.Nominal), new ChartField("v", "V", FieldType.Quantitative)).Add("a", 1m);
        var chart = ChartSpec.Bars("spend", new ChartText("t", "u", "Source: X (2025), via Almanac"), table, new ChartEncoding("name", "v"), [Hostile]);

        var html = ChartHtml.Figure(chart, Language.Zh);

        html.ShouldContain("download=\"spend.csv\"");
        html.ShouldContain("href=\"data:text/csv;charset=utf-8,");
        html.ShouldContain(Uri.EscapeDataString("name,v\r\na,1\r\n"));
        html.ShouldContain("下载数据（CSV）");
    }

    [Fact]
    public void The_chart_libraries_are_embedded_without_source_map_comments()
    {
        foreach (var name in ChartScripts.Names)
        {
            var script = ChartScripts.Text(name);
            script.Length.ShouldBeGreaterThan(10_000, name);
            script.ShouldNotContain("sourceMappingURL");
        }

        ChartScripts.Text("vega-lite.min.js").ShouldContain("vegaLite");
    }
}
