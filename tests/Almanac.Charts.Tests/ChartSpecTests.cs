using System.Text.Json.Nodes;
using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Text;

namespace Almanac.Tests.Charts;

public sealed class ChartSpecTests
{
    private static readonly Source Menlo = new("menlo", "Menlo Ventures", "2025 Mid-Year LLM Market Update", new Uri("https://menlovc.com/x"), new DateOnly(2025, 7, 31), SourceKind.Primary);

    private static ChartTable Shares() =>
        new ChartTable(
                new ChartField("moment", "Survey", FieldType.Ordinal),
                new ChartField("provider", "Provider", FieldType.Nominal),
                new ChartField("share", "Share", FieldType.Quantitative, "%"))
            .Add("end 2023", "OpenAI", 50m)
            .Add("end 2023", "Anthropic", 12m)
            .Add("mid 2025", "Anthropic", 32m)
            .Add("mid 2025", "OpenAI", 25m);

    private static Chart Stacked() => ChartSpec.StackedShare(
        "share-usage",
        new ChartText("Enterprise LLM API share by usage", "Percent of the market", SourceLine.For([Menlo], Language.En)),
        Shares(),
        new ChartEncoding("moment", "share", "provider", ["end 2023", "mid 2025"], [new ChartSeries("Anthropic", "#d97757"), new ChartSeries("OpenAI", "#10a37f")]),
        [Menlo]);

    [Fact]
    public void Stacked_share_carries_title_units_and_the_source_line_under_the_chart()
    {
        var spec = Stacked().Spec;

        var view = spec["vconcat"]![0]!;
        view["title"]!["text"]!.GetValue<string>().ShouldBe("Enterprise LLM API share by usage");
        view["title"]!["subtitle"]!.GetValue<string>().ShouldBe("Percent of the market");
        spec["title"]!["text"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["Source: Menlo Ventures (2025), via Almanac"]);
        spec["title"]!["orient"]!.GetValue<string>().ShouldBe("bottom");
        view["encoding"]!["y"]!["title"]!.GetValue<string>().ShouldBe("Share (%)");
    }

    [Fact]
    public void Stacked_share_stacks_to_a_hundred_in_the_given_series_order_and_colours()
    {
        var view = Stacked().Spec["vconcat"]![0]!;

        view["mark"]!.GetValue<string>().ShouldBe("bar");
        view["encoding"]!["y"]!["stack"]!.GetValue<string>().ShouldBe("zero");
        view["encoding"]!["y"]!["scale"]!["domain"]!.AsArray().Select(n => n!.GetValue<int>()).ShouldBe([0, 100]);
        view["encoding"]!["color"]!["scale"]!["domain"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["Anthropic", "OpenAI"]);
        view["encoding"]!["color"]!["scale"]!["range"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["#d97757", "#10a37f"]);
        view["transform"]![0]!["calculate"]!.GetValue<string>().ShouldBe("indexof([\"Anthropic\",\"OpenAI\"], datum[\"provider\"])");
        view["encoding"]!["x"]!["sort"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["end 2023", "mid 2025"]);
    }

    [Fact]
    public void Data_travel_inline_so_the_chart_needs_no_network()
    {
        var values = Stacked().Spec["vconcat"]![0]!["data"]!["values"]!.AsArray();

        values.Count.ShouldBe(4);
        values[0]!["provider"]!.GetValue<string>().ShouldBe("OpenAI");
        values[0]!["share"]!.GetValue<decimal>().ShouldBe(50m);
    }

    [Fact]
    public void Unused_channels_are_left_out_rather_than_written_as_null()
    {
        var bars = ChartSpec.Bars("bars", new ChartText("t", "u", "s"), Shares(), new ChartEncoding("provider", "share"), [Menlo]);

        var encoding = bars.Spec["vconcat"]![0]!["encoding"]!.AsObject();
        encoding.ContainsKey("color").ShouldBeFalse();
        encoding.ContainsKey("xOffset").ShouldBeFalse();
        encoding.Select(p => p.Value).ShouldAllBe(v => v != null);
    }

    [Fact]
    public void Grouped_bars_stand_side_by_side()
    {
        var bars = ChartSpec.Bars("bars", new ChartText("t", "u", "s"), Shares(), new ChartEncoding("provider", "share", "moment"), [Menlo]);

        var encoding = bars.Spec["vconcat"]![0]!["encoding"]!;
        encoding["xOffset"]!["field"]!.GetValue<string>().ShouldBe("moment");
        encoding["color"]!["field"]!.GetValue<string>().ShouldBe("moment");
    }

    [Fact]
    public void Scatter_draws_time_against_a_log_scale_when_asked()
    {
        var table = new ChartTable(
                new ChartField("released", "Released", FieldType.Temporal),
                new ChartField("price", "Input price", FieldType.Quantitative, "US$/1M tokens"))
            .Add(new DateOnly(2024, 6, 20), 3m);

        var view = ChartSpec.Scatter("p", new ChartText("t", "u", "s"), table, new ChartEncoding("released", "price", LogY: true), [Menlo]).Spec["vconcat"]![0]!;

        view["encoding"]!["x"]!["type"]!.GetValue<string>().ShouldBe("temporal");
        view["encoding"]!["y"]!["scale"]!["type"]!.GetValue<string>().ShouldBe("log");
        view["data"]!["values"]![0]!["released"]!.GetValue<string>().ShouldBe("2024-06-20");
    }

    [Fact]
    public void Donut_is_an_arc_with_a_hole_and_labels()
    {
        var table = new ChartTable(new ChartField("answer", "Answer", FieldType.Nominal), new ChartField("share", "Respondents", FieldType.Quantitative, "%"))
            .Add("upgraded", 66m).Add("did not switch", 23m).Add("switched", 11m);

        var view = ChartSpec.Donut("switching", new ChartText("t", "u", "s"), table, new ChartEncoding("answer", "share"), [Menlo]).Spec["vconcat"]![0]!;

        var layers = view["layer"]!.AsArray();
        layers[0]!["mark"]!["type"]!.GetValue<string>().ShouldBe("arc");
        layers[0]!["mark"]!["innerRadius"]!.GetValue<int>().ShouldBeGreaterThan(0);
        layers[1]!["mark"]!["type"]!.GetValue<string>().ShouldBe("text");
        view["encoding"]!["theta"]!["field"]!.GetValue<string>().ShouldBe("share");
    }

    [Fact]
    public void A_chart_without_data_is_refused()
    {
        var empty = new ChartTable(new ChartField("x", "X", FieldType.Nominal), new ChartField("y", "Y", FieldType.Quantitative));

        Should.Throw<ArgumentException>(() => ChartSpec.Bars("empty", new ChartText("t", "u", "s"), empty, new ChartEncoding("x", "y"), [Menlo]))
            .Message.ShouldContain("empty");
    }

    [Fact]
    public void An_encoding_naming_a_missing_field_is_refused()
    {
        Should.Throw<ArgumentException>(() => ChartSpec.Bars("b", new ChartText("t", "u", "s"), Shares(), new ChartEncoding("model", "share"), [Menlo]))
            .Message.ShouldContain("'model'");
    }

    [Fact]
    public void Spec_json_is_valid_json_with_the_vega_lite_schema()
    {
        var parsed = JsonNode.Parse(Stacked().SpecJson())!;

        parsed["$schema"]!.GetValue<string>().ShouldStartWith("https://vega.github.io/schema/vega-lite/v6");
    }

    [Fact]
    public void A_long_source_line_breaks_between_sources()
    {
        var sources = Enumerable.Range(2001, 20).Select(y => new Source($"s{y}", $"Publisher number {y}", "t", new Uri("https://example.org/"), new DateOnly(y, 1, 1), SourceKind.Primary)).ToList();
        var line = SourceLine.For(sources, Language.En);
        var chart = ChartSpec.Bars("b", new ChartText("t", "u", line), Shares(), new ChartEncoding("provider", "share"), sources);

        var lines = chart.Spec["title"]!["text"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

        lines.Count.ShouldBeGreaterThan(1);
        lines.ShouldAllBe(l => l.Length <= 110);
        string.Join(" ", lines).ShouldBe(line);
        lines.Take(lines.Count - 1).ShouldAllBe(l => l.EndsWith(';'));
    }
}
