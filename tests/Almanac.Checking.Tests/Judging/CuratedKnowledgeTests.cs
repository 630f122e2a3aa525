using Almanac.Checking;
using Almanac.Checking.Judging;
using Almanac.Quantities;
using static Almanac.Tests.Checking.Judging.ClaimBuilder;

namespace Almanac.Tests.Checking.Judging;

/// <summary>Figures from the seed notes judged against the repository's curated knowledge base.</summary>
public sealed class CuratedKnowledgeTests
{
    private const string EnterpriseUsage = "basis=usage;market=enterprise-llm-api";

    private static Judgement JudgeOne(Claim claim, DateOnly? asOf = null) =>
        new ClaimJudge().Judge([claim], TestKnowledge.Repository, asOf).Single();

    [Fact]
    public void Mixtral_8x7B_with_141B_total_is_contradicted_by_46_7B()
    {
        var judgement = JudgeOne(Figure("141B", "mixtral-8x7b", "parameters-total", line: 170, unit: Unit.Parameters));

        judgement.Verdict.ShouldBe(Verdict.Contradicted);
        judgement.Reason.ShouldContain("46.7B");
        judgement.Reason.ShouldContain("not 141B");
        judgement.Evidence.ShouldAllBe(e => e.Kind == "fact");
        judgement.Evidence.ShouldContain(e => e.Url != null && e.Url.Contains("arxiv", StringComparison.Ordinal));
    }

    [Fact]
    public void Claude_3_5_Sonnet_released_in_March_2025_is_contradicted_by_June_2024()
    {
        var judgement = JudgeOne(Date("2025年3月", "claude-3-5-sonnet", "2025-03"));

        judgement.Verdict.ShouldBe(Verdict.Contradicted);
        judgement.Reason.ShouldContain("2024-06-20");
        judgement.Reason.ShouldContain("不在 2025-03 内");
    }

    [Fact]
    public void Claude_3_5_Sonnet_released_in_June_2024_is_supported()
    {
        JudgeOne(Date("2024年6月", "claude-3-5-sonnet", "2024-06")).Verdict.ShouldBe(Verdict.Supported);
    }

    [Theory]
    [InlineData("anthropic", "32%")]
    [InlineData("openai", "25%")]
    [InlineData("google", "20%")]
    [InlineData("google", "约20%")]
    public void Menlo_mid_2025_enterprise_usage_shares_are_supported(string entity, string text)
    {
        var judgement = JudgeOne(Figure(text, entity, "market-share", "2025-H1", EnterpriseUsage));

        judgement.Verdict.ShouldBe(Verdict.Supported, judgement.Reason);
        judgement.Reason.ShouldContain("Menlo Ventures");
        judgement.Evidence.ShouldContain(e => e.Kind == "fact" && e.Source == "Menlo Ventures, 2025-07-31"
            && e.Url == "https://menlovc.com/perspective/2025-mid-year-llm-market-update/");
    }

    [Fact]
    public void Anthropic_usage_share_is_not_judged_by_the_spend_share()
    {
        var usage = JudgeOne(Figure("32%", "anthropic", "market-share", "2025-H1", EnterpriseUsage));
        var noBasis = JudgeOne(Figure("32%", "anthropic", "market-share", "2025-H1", "market=enterprise-llm-api"));

        usage.Evidence.ShouldAllBe(e => !e.Text.Contains("basis=spend", StringComparison.Ordinal));
        noBasis.Verdict.ShouldBe(Verdict.Unverifiable);
    }

    /// <summary>
    /// 不足9% says "under 9"; Menlo's 9% is rounded and allows 8.5–9.49, so an under-9 value is
    /// possible: supported, and the reason says the claim sits at the bound.
    /// </summary>
    [Fact]
    public void Meta_under_9_percent_against_Menlo_9_percent_is_supported_at_the_bound()
    {
        var judgement = JudgeOne(Figure("不足9%", "meta", "market-share", "2025-H1", EnterpriseUsage));

        judgement.Verdict.ShouldBe(Verdict.Supported);
        judgement.Reason.ShouldContain("at the bound");
    }

    [Fact]
    public void Llama_3_1_405B_with_128K_context_is_supported_by_the_family_model_card()
    {
        var judgement = JudgeOne(Figure("128,000", "llama-3-1-405b", "context-window", unit: Unit.Tokens));

        judgement.Verdict.ShouldBe(Verdict.Supported, judgement.Reason);
        judgement.Reason.ShouldContain("Llama 3.1 family");
        judgement.Evidence.ShouldContain(e => e.Kind == "fact" && e.Text.Contains("128", StringComparison.Ordinal));
    }

    [Fact]
    public void Anthropic_series_F_valuation_is_supported_and_a_lower_latest_one_is_inconsistent()
    {
        Claim[] claims =
        [
            Figure("180亿美元", "anthropic", "valuation", "2025-05", line: 82, context: "2025年5月估值"),
            Figure("1830亿美元", "anthropic", "valuation", "2025-09", line: 83, sentence: "Series F融资: 130亿美元，投后估值1830亿美元"),
            Figure("350亿美元", "anthropic", "valuation", "2025", line: 84, context: "2025年最新估值"),
        ];

        var judgements = new ClaimJudge().Judge(claims, TestKnowledge.Repository);

        // The latest figure is the one at fault; the correct earlier Series F valuation stays supported.
        judgements[1].Verdict.ShouldBe(Verdict.Supported, judgements[1].Reason);
        judgements[2].Verdict.ShouldBe(Verdict.Inconsistent);
        judgements[2].Reason.ShouldContain("低于更早的 1830亿美元 (line 83)");

        // In May 2025 the Series E valuation of March still stood (the Series F came in September):
        // 180亿 is not it, whatever the latest-figure rule says of the order.
        judgements[0].Verdict.ShouldBe(Verdict.Contradicted, judgements[0].Reason);
        judgements[0].Reason.ShouldContain("615亿美元 (@2025-03-03)");

        // On its own, the Series F figure matches Anthropic's announcement.
        var alone = JudgeOne(claims[1]);
        alone.Verdict.ShouldBe(Verdict.Supported, alone.Reason);
        alone.Evidence.ShouldContain(e => e.Source != null && e.Source.StartsWith("Anthropic", StringComparison.Ordinal));
    }

    [Fact]
    public void As_of_a_date_before_the_Menlo_update_nothing_supports_the_share()
    {
        JudgeOne(Figure("32%", "anthropic", "market-share", "2025-H1", EnterpriseUsage), new DateOnly(2025, 7, 1))
            .Verdict.ShouldBe(Verdict.Unverifiable);
    }

    [Fact]
    public void Seed_market_size_block_flags_the_2034_CAGR_and_passes_the_2025_growth()
    {
        Claim[] claims =
        [
            Figure("56.17亿美元", "llm", "market-size", "2024", "region=world", line: 6),
            Figure("73.58亿美元", "llm", "market-size", "2025", "region=world", line: 7, role: QuantityRole.Standalone),
            Figure("31%", "llm", "yoy-growth", "2025", "region=world", line: 7),
            Figure("50.3亿美元", "llm", "market-size", "2025", "region=world", line: 8, context: "2025年另一预测"),
            Figure("135.2亿美元", "llm", "market-size", "2029", "region=world", line: 9),
            Figure("28.0%", "llm", "cagr", "2029", "region=world", line: 9),
            Figure("1,113.04亿美元", "llm", "market-size", "2034", "region=world", line: 10),
            Figure("21.63%", "llm", "cagr", "2034", "region=world", line: 10),
        ];

        var judgements = new ClaimJudge().Judge(claims, TestKnowledge.Repository);

        judgements[2].Verdict.ShouldNotBe(Verdict.Inconsistent, judgements[2].Reason);
        judgements[5].Verdict.ShouldNotBe(Verdict.Inconsistent, judgements[5].Reason);
        judgements[6].Verdict.ShouldBe(Verdict.Inconsistent);
        judgements[7].Verdict.ShouldBe(Verdict.Inconsistent);
        judgements[7].Evidence.ShouldContain(e => e.Kind == "arithmetic" && e.Text.StartsWith("56.17亿美元 × (1+21.63%)^10 = ", StringComparison.Ordinal)
            && e.Text.Contains("not 1,113.04亿美元", StringComparison.Ordinal));

        // The 2024 figure is another forecaster's than the knowledge base's: no false alarm.
        judgements[0].Verdict.ShouldNotBe(Verdict.Contradicted, judgements[0].Reason);
    }

    [Fact]
    public void China_market_in_yuan_is_compared_with_dollar_facts_only_through_a_dated_rate()
    {
        var judgement = JudgeOne(Figure("147亿元", "china-llm", "market-size", "2024", "region=china"));

        judgement.Verdict.ShouldNotBe(Verdict.Contradicted, judgement.Reason);
    }
}
