using Almanac.Checking;
using Almanac.Checking.Extraction;

namespace Almanac.Tests.Checking.Extraction;

/// <summary>
/// What a document, a table or a caption says once passes down to the figures that do not repeat it, and
/// each figure is read once: tables as published (a caption right above its table), the seeds as written.
/// </summary>
public sealed class DocumentContextTests
{
    private static readonly ClaimExtractor Extractor = new();

    private static IReadOnlyList<Claim> Extract(string text) => Extractor.Extract(text, Knowledge.Check);

    [Fact]
    public void A_caption_right_above_its_table_does_not_read_the_table_a_second_time()
    {
        const string text = "**Qwen系列主要模型**:\n| 模型 | 参数量 | 发布时间 |\n|------|--------|---------|\n| Qwen2.5-72B | 72B | 2024年 |\n| QwQ-32B | 32B | 2024年 |\n";
        var claims = Extract(text);
        claims.GroupBy(c => c.Span.Offset).ShouldAllBe(g => g.Count() == 1);
        claims.Count(c => c.Text == "72B").ShouldBe(1);
        claims.Single(c => c.Text == "72B").Table.ShouldNotBeNull();
    }

    [Fact]
    public void Seed_004_reads_no_figure_twice_and_at_least_250()
    {
        var text = File.ReadAllText(Knowledge.SeedPath("004-research-note.md"));
        var claims = Extract(text);
        var twice = claims.GroupBy(c => c.Span.Offset).Where(g => g.Count() > 1).Select(g => $"{g.First().Text}@{g.First().Span.Line}").ToList();
        twice.ShouldBeEmpty();

        // Every table row of the note that states a figure is read: each of its cells with a number is a claim.
        var tableLines = text.Split('\n').Select((l, i) => (Line: l, Number: i + 1)).Where(x => x.Line.TrimStart().StartsWith('|') && !x.Line.Contains("---", StringComparison.Ordinal)).Select(x => x.Number).ToHashSet();
        claims.Count(c => tableLines.Contains(c.Span.Line)).ShouldBeGreaterThan(0);
        claims.Count.ShouldBeGreaterThanOrEqualTo(250);
    }

    [Fact]
    public void Neighbouring_tables_are_each_their_own_whole()
    {
        const string text = "中国市场份额:\n\n| 公司 | 份额 |\n|---|---|\n| 阿里巴巴 | 30% |\n| 百度 | 20% |\n\n全球市场份额:\n\n| 公司 | 份额 |\n|---|---|\n| OpenAI | 40% |\n| Anthropic | 30% |\n";
        var claims = Extract(text).Where(c => c.Quantity is not null).ToList();
        var tables = claims.Select(c => c.Table).Distinct().ToList();
        tables.Count.ShouldBe(2);
        tables.ShouldAllBe(t => t != null);
        claims.Where(c => c.Text is "30%" or "20%").Take(2).Select(c => c.Table).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public void The_model_column_names_the_row_even_after_a_vendor_column()
    {
        const string text = "| 厂商 | 模型 | 上下文窗口 |\n|---|---|---|\n| OpenAI | GPT-4o | 128K |\n| Anthropic | Claude 3.5 Sonnet | 200K |\n";
        var claims = Extract(text);
        claims.Single(c => c.Text == "128K").EntityId.ShouldBe("gpt-4o");
        claims.Single(c => c.Text == "200K").EntityId.ShouldBe("claude-3-5-sonnet");
    }
}
