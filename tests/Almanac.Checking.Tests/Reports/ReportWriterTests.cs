using System.Text.Json;
using Almanac.Checking;
using Almanac.Checking.Reports;

namespace Almanac.Tests.Checking.Reports;

public sealed class ReportWriterTests
{
    [Fact]
    public void Json_follows_the_contract_field_by_field()
    {
        var json = JsonDocument.Parse(JsonReport.Write(SampleReport.Create())).RootElement;

        json.GetProperty("document").GetString().ShouldBe("notes/<b>market</b>.md");
        var claim = json.GetProperty("claims")[0];
        claim.GetProperty("line").GetInt32().ShouldBe(2);
        claim.GetProperty("column").GetInt32().ShouldBe(18);
        claim.GetProperty("length").GetInt32().ShouldBe(11);
        claim.GetProperty("text").GetString().ShouldBe("1,113.04亿美元");
        claim.GetProperty("entity").GetString().ShouldBe("llm");
        claim.GetProperty("metric").GetString().ShouldBe("market-size");
        claim.GetProperty("scope").GetProperty("region").GetString().ShouldBe("world");
        claim.GetProperty("period").GetString().ShouldBe("2034");
        claim.GetProperty("value").GetDecimal().ShouldBe(111_304_000_000m);
        claim.GetProperty("unit").GetString().ShouldBe("USD");
        claim.GetProperty("qualifier").GetString().ShouldBe("forecast");
        claim.GetProperty("verdict").GetString().ShouldBe("inconsistent");
        claim.GetProperty("reason").GetString()!.ShouldStartWith("the CAGR does not connect");
        claim.GetProperty("rule").GetString().ShouldBe("cagr-endpoints");
        json.GetProperty("claims")[1].GetProperty("rule").ValueKind.ShouldBe(JsonValueKind.Null);
        var evidence = claim.GetProperty("evidence")[0];
        evidence.GetProperty("kind").GetString().ShouldBe("arithmetic");
        evidence.GetProperty("text").GetString()!.ShouldContain("395.7亿");
        evidence.TryGetProperty("source", out _).ShouldBeTrue();
        evidence.TryGetProperty("url", out _).ShouldBeTrue();
        json.GetProperty("claims")[1].GetProperty("period").GetString().ShouldBe("2025/2034");
        var summary = json.GetProperty("summary");
        summary.GetProperty("inconsistent").GetInt32().ShouldBe(1);
        summary.GetProperty("unverifiable").GetInt32().ShouldBe(1);
        summary.GetProperty("supported").GetInt32().ShouldBe(0);
        summary.GetProperty("contradicted").GetInt32().ShouldBe(0);
        summary.GetProperty("disputed").GetInt32().ShouldBe(0);
    }

    [Fact]
    public void Html_highlights_each_figure_by_verdict_and_runs_nothing_from_the_document()
    {
        var html = HtmlReport.Write(SampleReport.Create());

        html.ShouldContain("<mark class=\"v-inconsistent\" data-i=\"0\"");
        html.ShouldContain(">1,113.04亿美元</mark>");
        html.ShouldContain(">21.63%</mark>");
        html.ShouldNotContain("<script>alert");
        html.ShouldContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        html.ShouldNotContain("<b>market</b>");
        html.ShouldNotContain("<i>knows</i>");
        html.ShouldNotContain("http://", Case.Insensitive);
        html.ShouldNotContain("https://cdn", Case.Insensitive);
        html.Split("<script").Length.ShouldBe(3); // the evidence data and the report's own script, nothing else
    }

    [Fact]
    public void Markdown_lists_problems_first_with_reasons_and_evidence()
    {
        var md = MarkdownReport.Write(SampleReport.Create());

        md.IndexOf("## inconsistent", StringComparison.Ordinal).ShouldBeLessThan(md.IndexOf("## unverifiable", StringComparison.Ordinal));
        md.ShouldContain("**1,113.04亿美元** (line 2, column 18): the CAGR does not connect");
        md.ShouldContain("  - arithmetic: 56.17亿 × (1+21.63%)^10 = 395.7亿, not 1,113.04亿");
        md.ShouldNotContain("<i>knows</i>");
        md.ShouldContain(@"\<i\>knows\</i\>");
    }
}
