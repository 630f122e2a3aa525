using Almanac.DataFiles;
using Almanac.Knowledge;

namespace Almanac.Tests.DataFiles;

/// <summary>The curated knowledge base in <c>data/</c>: valid, sourced, and able to name what notes name.</summary>
public sealed class RepositoryDataTests
{
    private static readonly Lazy<KnowledgeBase> Knowledge = new(() =>
    {
        var result = DataFolder.Load(FindData());
        result.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, result.Diagnostics));
        return result.Knowledge!;
    });

    [Fact]
    public void Holds_at_least_150_facts_each_with_a_dated_web_source()
    {
        var kb = Knowledge.Value;

        kb.Facts.Count.ShouldBeGreaterThanOrEqualTo(150);
        foreach (var fact in kb.Facts)
        {
            var source = kb.Source(fact.SourceId).ShouldNotBeNull();
            source.Url.Scheme.ShouldStartWith("http");
            source.Published.Year.ShouldBeInRange(1990, 2026);
            source.Publisher.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Every_fact_quotes_its_source()
    {
        var unquoted = Knowledge.Value.Facts.Where(f => string.IsNullOrWhiteSpace(f.Quote)).Select(f => f.Origin).ToList();
        unquoted.ShouldBeEmpty();
    }

    // Names as the two seed documents write them: the knowledge base must know what each means.
    [Theory]
    [InlineData("谷歌", "google")]
    [InlineData("Anthropic", "anthropic")]
    [InlineData("Claude Sonnet 3.5", "claude-3-5-sonnet")]
    [InlineData("Claude Sonnet 3.7", "claude-3-7-sonnet")]
    [InlineData("Mixtral 8x7B", "mixtral-8x7b")]
    [InlineData("Llama 3.1 405B", "llama-3-1-405b")]
    [InlineData("Llama 4 Scout", "llama-4-scout")]
    [InlineData("DeepSeek-V3", "deepseek-v3")]
    [InlineData("Qwen2.5-72B", "qwen2-5-72b")]
    [InlineData("通义千问", "qwen")]
    [InlineData("字节豆包", "doubao")]
    [InlineData("智谱AI", "zhipu-ai")]
    [InlineData("科大讯飞", "iflytek")]
    [InlineData("百川智能", "baichuan")]
    [InlineData("Falcon-180B", "falcon-180b")]
    [InlineData("PaLM 2", "palm-2")]
    [InlineData("Gemini 1.5 Pro", "gemini-1-5-pro")]
    [InlineData("Menlo Ventures", "menlo-ventures")]
    [InlineData("北美", "north-america")]
    [InlineData("中国", "china")]
    public void Knows_names_the_seed_documents_use(string name, string id) =>
        Knowledge.Value.ResolveEntity(name).ShouldHaveSingleItem().Id.ShouldBe(id);

    [Theory]
    [InlineData("市场规模", "market-size")]
    [InlineData("年化收入", "revenue-run-rate")]
    [InlineData("估值", "valuation")]
    [InlineData("参数量", "parameters-total")]
    [InlineData("上下文窗口", "context-window")]
    [InlineData("市场份额", "market-share")]
    [InlineData("CAGR", "cagr")]
    [InlineData("同比增长", "yoy-growth")]
    public void Knows_metric_names_in_both_languages(string name, string id) =>
        Knowledge.Value.ResolveMetric(name).ShouldNotBeNull().Id.ShouldBe(id);

    [Fact]
    public void Keeps_menlo_enterprise_usage_shares_for_more_than_one_period()
    {
        var periods = Knowledge.Value.Facts
            .Where(f => f.MetricId == "market-share" && f.Scope["basis"] == "usage" && f.Scope["market"] == "enterprise-llm-api")
            .Select(f => f.Period)
            .Distinct()
            .ToList();

        periods.Count.ShouldBeGreaterThan(1);
    }

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "metrics.yaml")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new DirectoryNotFoundException("the repository's data folder was not found above " + AppContext.BaseDirectory);
    }
}
