using Almanac.Checking;

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
    public void Unreadable_bytes_are_an_outcome_with_a_message_not_an_exception()
    {
        var outcome = Checker.Check([0x00, 0x01, 0x02], "blob.md");

        outcome.Report.ShouldBeNull();
        outcome.Error!.ShouldContain("blob.md");
    }
}
