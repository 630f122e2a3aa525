using Almanac.Checking;
using Almanac.Checking.Reports;
using Almanac.Knowledge;

namespace Almanac.Tests.Checking.Judging;

/// <summary>
/// The document rules on notes as published, text to verdicts with the repository's curated data:
/// each class of inconsistency flagged on the wrong figure, in English and Chinese, and its correct
/// twin left alone.
/// </summary>
public sealed class DocumentRuleTests
{
    private static readonly DocumentChecker Checker = new(
        Almanac.Tests.Checking.Knowledge.Check.Names.Entities, Almanac.Tests.Checking.Knowledge.Check.Names.Metrics, _ => Almanac.Tests.Checking.Knowledge.Check.Statements);

    private static CheckReport Check(string text) => Checker.CheckText(text, "note.md");

    private static Judgement Figure(CheckReport report, string text) => report.Judgements.Single(j => j.Claim.Text == text);

    private static string Dump(CheckReport report) =>
        string.Join("\n", report.Judgements.Select(j => $"{j.Claim.Span.Line} {j.Claim.Text} {j.Claim.EntityId} {j.Claim.MetricId} {j.Claim.Period} {j.Claim.Scope} {j.Claim.Role} {j.Verdict} {j.Rule} {j.Reason}"));

    private static void ShouldBeFlagged(CheckReport report, string figure, string rule, string reason)
    {
        var judgement = Figure(report, figure);
        judgement.Verdict.ShouldBe(Verdict.Inconsistent, Dump(report));
        judgement.Rule.ShouldBe(rule, Dump(report));
        judgement.Reason.ShouldContain(reason, Case.Sensitive, Dump(report));
    }

    private static void ShouldNotBeFlagged(CheckReport report, string rule) =>
        report.Judgements.ShouldNotContain(j => j.Rule == rule && j.Verdict == Verdict.Inconsistent, Dump(report));

    [Theory]
    [InlineData("- Between January and June 2025 ChatGPT weekly users rose from 400M to ~600M, up 80%.\n", "80%", "50%")]
    [InlineData("- Mistral AI 员工人数从2024年1月的100人增至2025年6月的300人以上，增长约120%。\n", "约120%", "200%")]
    public void A_rate_that_does_not_connect_the_levels_of_its_change_is_flagged(string sentence, string wrong, string computed)
    {
        var report = Check("## Growth\n\n" + sentence);

        ShouldBeFlagged(report, wrong, "growth-levels", computed);
        report.Judgements.Where(j => j.Claim.Text != wrong).ShouldNotContain(j => j.Rule == "growth-levels", Dump(report));
    }

    [Theory]
    [InlineData("- Between January and June 2025 ChatGPT weekly users rose from 400M to ~600M, up 50%.\n")]
    [InlineData("- Mistral AI 员工人数从2024年1月的100人增至2025年6月的300人以上，增长约200%。\n")]
    [InlineData("- o3 was cut from $10 to $2 per 1M input tokens in June 2025, an 80% reduction.\n")]
    public void A_rate_that_connects_its_change_holds(string sentence) =>
        ShouldNotBeFlagged(Check("## Growth\n\n" + sentence), "growth-levels");

    [Theory]
    [InlineData("In May 2025 Anthropic took 30.0% of enterprise API usage, OpenAI 25.0% and Google 20.0%, with all other providers accounting for 35.0%.\n", "35.0%", "leave 25% for the rest")]
    [InlineData("2025年下半年，前两名厂商合计60.5%，其余厂商合计约49.5%。\n", "约49.5%", "其余部分应为 39.5%")]
    [InlineData("In the week of 2 June 2025 DeepSeek V3 took 21.0% of OpenRouter tokens; Gemini 2.5 Flash took 15.0% and Claude Sonnet 4 12.0%, with all other models accounting for 62.0%.\n", "62.0%", "leave 52% for the rest")]
    public void The_rest_of_a_whole_a_sentence_divides_past_100_percent_is_flagged(string sentence, string rest, string reason)
    {
        var report = Check("## Shares\n\n" + sentence);

        ShouldBeFlagged(report, rest, "shares-over-100", reason);
        report.Judgements.Where(j => j.Claim.Text != rest).ShouldNotContain(j => j.Rule == "shares-over-100", Dump(report));
    }

    [Theory]
    [InlineData("In May 2025 Anthropic took 30.0% of enterprise API usage, OpenAI 25.0% and Google 20.0%, with all other providers accounting for 25.0%.\n")]
    [InlineData("2025年下半年，前两名厂商合计60.5%，其余厂商合计约39.5%。\n")]
    public void A_divided_whole_adding_up_to_100_percent_holds(string sentence) =>
        ShouldNotBeFlagged(Check("## Shares\n\n" + sentence), "shares-over-100");

    [Fact]
    public void The_shares_of_a_split_past_100_percent_are_flagged_and_a_split_of_100_percent_holds()
    {
        var wrong = Check("## Shares\n\nOn the revenue basis the 2024 split reads Baidu 45%, Alibaba 35%, Zhipu 20% and iFlytek 15%.\n");
        var right = Check("## Shares\n\nOn the revenue basis the 2024 split reads Baidu 40%, Alibaba 30%, Zhipu 18% and iFlytek 12%.\n");

        ShouldBeFlagged(wrong, "15%", "shares-over-100", "113%");
        ShouldNotBeFlagged(right, "shares-over-100");
    }

    [Theory]
    [InlineData("## Anthropic: compute", "- Anthropic 2025 cloud compute: about $4.2B in total, of which training alone accounted for $5.8B.\n", "$5.8B")]
    [InlineData("## 百川智能：融资", "- 成立约一年即完成4亿美元融资；此前天使轮获6000万美元，累计融资约2.8亿美元。\n", "约2.8亿美元")]
    public void A_total_below_a_part_of_its_line_flags_the_later_statement(string heading, string sentence, string wrong)
    {
        var report = Check(heading + "\n\n" + sentence);

        ShouldBeFlagged(report, wrong, "part-over-whole", wrong);
        report.Judgements.Where(j => j.Claim.Text != wrong).ShouldNotContain(j => j.Rule == "part-over-whole", Dump(report));
    }

    [Theory]
    [InlineData("## Anthropic: compute", "- Anthropic 2025 cloud compute: about $4.2B in total, of which training alone accounted for $2.9B.\n")]
    [InlineData("## 百川智能：融资", "- 成立约一年即完成4亿美元融资；此前天使轮获6000万美元，累计融资约4.6亿美元。\n")]
    [InlineData("## Llama", "- Llama 累计下载量在2024年12月约为6.5亿次，2025年3月突破10亿次。\n")]
    [InlineData("## Qwen", "- Qwen passed 300M cumulative downloads in June 2025 and more than 400M by September.\n")]
    public void A_total_above_its_parts_or_a_series_of_totals_holds(string heading, string sentence) =>
        ShouldNotBeFlagged(Check(heading + "\n\n" + sentence), "part-over-whole");

    [Fact]
    public void A_figure_restated_ten_times_too_large_within_its_year_is_a_likely_unit_slip()
    {
        var report = Check("## 中标\n\n2024年中标金额排名（披露金额）：科大讯飞6.35亿元居首。\n\n科大讯飞2024年以约63.5亿元的披露中标金额成为标王。\n");

        ShouldBeFlagged(report, "约63.5亿元", "same-measure-twice", "疑似单位换算错误");
        Figure(report, "6.35亿元").Verdict.ShouldNotBe(Verdict.Inconsistent, Dump(report));
    }

    [Fact]
    public void Figures_of_a_restated_definition_side_by_side_are_not_one_measure_twice()
    {
        var report = Check("## Spend\n\n- The 2024 total is $13.8B in the Nov 2024 report (including inference) and $11.5B in the Dec 2025 report (restated, excluding inference).\n");

        ShouldNotBeFlagged(report, "same-measure-twice");
    }

    [Theory]
    [InlineData("- 千问衍生模型数量：2025年3月突破8万个，2025年10月超过15万个；最新（2026年2月）为超过7万个。\n", "超过7万个", "超过15万个")]
    [InlineData("- Gemini app users: 350M in March and 450M in July 2025; the latest count, from the October earnings call, is 400M.\n", "400M", "450M")]
    public void A_latest_figure_below_an_earlier_one_is_flagged_and_the_earlier_one_is_not(string sentence, string latest, string earlier)
    {
        var report = Check("## Adoption\n\n" + sentence);

        ShouldBeFlagged(report, latest, "latest-below-earlier", earlier);
        Figure(report, earlier).Rule.ShouldNotBe("latest-below-earlier", Dump(report));
    }

    [Fact]
    public void A_round_heading_figure_above_every_figure_of_its_section_is_flagged()
    {
        var report = Check("## 1. ChatGPT: one billion weekly users\n\n| Date | Weekly active users |\n|---|---|\n| Mar 2025 | 500M |\n| Oct 2025 | 800M |\n");

        ShouldBeFlagged(report, "one billion", "heading-vs-content", "the section below as");
    }

    [Fact]
    public void A_heading_stating_its_sections_latest_figure_holds()
    {
        var report = Check("## 1. ChatGPT: 800 million weekly users\n\n| Date | Weekly active users |\n|---|---|\n| Mar 2025 | 500M |\n| Oct 2025 | 800M |\n");

        ShouldNotBeFlagged(report, "heading-vs-content");
    }

    [Fact]
    public void A_wrong_cagr_below_its_forecast_paragraph_leaves_the_paragraph_unflagged()
    {
        var report = Check("## 一、中国大模型市场规模\n\n据测算，2023年中国大模型市场规模为147.0亿元，2024年为290.0亿元，2025年为520.0亿元。\n\n- 2023—2025年的年均复合增长率约为40%。\n");

        ShouldBeFlagged(report, "40%", "cagr-endpoints", "40%");
        report.Judgements.Where(j => j.Claim.Span.Line == 3).ShouldNotContain(j => j.Verdict == Verdict.Inconsistent, Dump(report));
    }
}
