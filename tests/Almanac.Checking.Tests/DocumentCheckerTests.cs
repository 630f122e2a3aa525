using Almanac.Checking;
using Almanac.Checking.Reports;
using Almanac.Knowledge;

namespace Almanac.Tests.Checking;

/// <summary>The whole pipeline, text to verdicts, on short notes whose arithmetic is known.</summary>
public sealed class DocumentCheckerTests
{
    private static readonly DocumentChecker Checker = new(
        Knowledge.Check.Names.Entities, Knowledge.Check.Names.Metrics, _ => Knowledge.Check.Statements);

    private static Judgement Figure(CheckReport report, string text) => report.Judgements.Single(j => j.Claim.Text == text);

    [Fact]
    public void A_cagr_that_connects_another_sources_base_is_not_flagged()
    {
        // 50.3 × 1.28^4 = 135.0: the 2029 figure grows from the 2025 base of the same line of forecasts.
        var report = Checker.CheckText(
            "## 一、全球LLM市场规模\n- **2024年全球LLM市场规模**: 56.17亿美元\n- **2025年另一预测**: 50.3亿美元\n- **2029年预测规模**: 135.2亿美元，CAGR 28.0%\n",
            "note.md");

        Figure(report, "CAGR 28.0%").Verdict.ShouldNotBe(Verdict.Inconsistent);
        Figure(report, "135.2亿美元").Verdict.ShouldNotBe(Verdict.Inconsistent);
    }

    [Fact]
    public void A_cagr_that_connects_no_base_is_flagged_with_its_own_line_cited()
    {
        var report = Checker.CheckText(
            "## 一、全球LLM市场规模\n- **2024年全球LLM市场规模**: 56.17亿美元\n- **2034年预测规模**: 1,113.04亿美元，CAGR 21.63%\n",
            "note.md");

        var forecast = Figure(report, "1,113.04亿美元");
        forecast.Verdict.ShouldBe(Verdict.Inconsistent);
        forecast.Reason.ShouldContain("21.63%");
        forecast.Evidence.ShouldContain(e => e.Kind == "arithmetic" && e.Text.Contains("56.17亿美元 × (1+CAGR 21.63%)^10", StringComparison.Ordinal));
        Figure(report, "CAGR 21.63%").Verdict.ShouldBe(Verdict.Inconsistent);
    }

    [Fact]
    public void A_catalogue_model_is_found_by_its_versioned_name_and_never_as_its_older_sibling()
    {
        // Two models only a dataset knows, one a point release of the other; and an imported alias that
        // collides with a curated name, which keeps the curated entity.
        var curated = Knowledge.Check.Names.Entities;
        var imported = new[]
        {
            new Entity("claude-opus-4-6", EntityKind.Model, new LocalizedName("Claude Opus 4.6", null), [], "claude", "anthropic"),
            new Entity("claude-opus-4-6-mirror", EntityKind.Model, new LocalizedName("Claude Opus 4.6 mirror", null), ["GPT-4o"], null, null),
            new Entity("transformer", EntityKind.Model, new LocalizedName("Transformer", null), [], null, null),
        };
        var names = DocumentChecker.Names(curated.Concat(imported), Knowledge.Check.Names.Metrics, curated.Select(e => e.Id).ToHashSet(StringComparer.Ordinal));
        var checker = new DocumentChecker(names, _ => []);

        var report = checker.CheckText("Claude Opus 4.6 has a 1M tokens context window. GPT-4o has a 128K tokens context window. A Transformer with 65M parameters. Claude Opus 4.7 has a 500K tokens context window.", "note.md");

        Figure(report, "1M tokens").Claim.EntityId.ShouldBe("claude-opus-4-6");
        Figure(report, "128K tokens").Claim.EntityId.ShouldBe("gpt-4o");
        Figure(report, "65M parameters").Claim.EntityId.ShouldBeNull();
        Figure(report, "500K tokens").Claim.EntityId.ShouldNotBe("claude-opus-4");
    }

    [Fact]
    public void A_line_over_the_limit_is_reported_as_skipped_in_every_format()
    {
        var note = "Anthropic is valued at $183B.\n" + new string('x', Almanac.Checking.Extraction.ClaimExtractor.MaxLineLength + 1) + "\n";

        var report = Checker.CheckText(note, "note.md");

        report.Skipped.ShouldHaveSingleItem().ShouldStartWith("2:1: line skipped");
        var json = JsonReport.Write(report);
        json.ShouldContain("\"skipped\"");
        json.ShouldContain("2:1: line skipped");
        MarkdownReport.Write(report).ShouldContain("not read: 2:1: line skipped");
        HtmlReport.Body(report).ShouldContain("not read: 2:1: line skipped");
    }

    [Fact]
    public void A_run_rate_stated_for_several_months_of_one_year_is_not_one_measure_twice()
    {
        var report = Checker.CheckText(
            "## Anthropic\n\nAnthropic's annualized revenue run-rate grew from about $1B at the start of 2025 to $4B by mid-2025 and over $5B in 2025.\n",
            "note.md");

        report.Judgements.ShouldNotContain(j => j.Rule == "same-measure-twice");
    }

    [Fact]
    public void Two_rounds_valuations_of_one_year_are_not_one_measure_twice()
    {
        var report = Checker.CheckText(
            "## Anthropic funding\n\n- **Series E (March 2025)**: $3.5B at a $61.5B post-money valuation\n- **Series F (September 2025)**: $13B at a $183B post-money valuation\n",
            "note.md");

        report.Judgements.ShouldNotContain(j => j.Rule == "same-measure-twice");
    }

    [Fact]
    public void A_heading_figure_no_figure_of_its_section_allows_is_flagged()
    {
        var report = Checker.CheckText(
            "## 2025年中国大模型市场规模突破千亿元\n\n- **2024年中国大模型市场规模**: 294.16亿元\n- **2025年中国大模型市场规模**: 495.39亿元\n",
            "note.md");

        var heading = report.Judgements.Where(j => j.Claim.Span.Line == 1 && j.Claim.Quantity is not null).ToList();
        heading.ShouldContain(j => j.Rule == "heading-vs-content" && j.Reason.Contains("495.39亿元", StringComparison.Ordinal), string.Join("\n", report.Judgements.Select(j => $"{j.Claim.Span.Line} {j.Claim.Text} {j.Claim.EntityId} {j.Claim.MetricId} {j.Claim.Period} {j.Claim.Scope} {j.Verdict} {j.Reason}")));
        Figure(report, "495.39亿元").Rule.ShouldNotBe("heading-vs-content");
    }

    [Fact]
    public void Unreadable_bytes_are_an_outcome_with_a_message_not_an_exception()
    {
        var outcome = Checker.Check([0x00, 0x01, 0x02], "blob.md");

        outcome.Report.ShouldBeNull();
        outcome.Error!.ToString().ShouldContain("blob.md");
    }
}
