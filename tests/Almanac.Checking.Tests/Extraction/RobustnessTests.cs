using System.Diagnostics;
using System.Text;
using Almanac.Checking.Extraction;
using Almanac.Checking.Reading;

namespace Almanac.Tests.Checking.Extraction;

/// <summary>Hostile and huge input finishes in bounded time and memory, with claims or notes, never an exception.</summary>
public sealed class RobustnessTests
{
    private static readonly ClaimExtractor Extractor = new();

    [Fact]
    public void Seed_004_yields_at_least_180_claims()
    {
        var text = File.ReadAllText(Knowledge.SeedPath("004-research-note.md"));
        Extractor.Extract(text, Knowledge.Check).Count.ShouldBeGreaterThanOrEqualTo(180);
    }

    [Fact]
    public void Seed_000_yields_at_least_25_claims()
    {
        var text = File.ReadAllText(Knowledge.SeedPath("000-menlo-article.md"));
        Extractor.Extract(text, Knowledge.Check).Count.ShouldBeGreaterThanOrEqualTo(25);
    }

    [Fact]
    public void Claims_spans_point_at_the_figure_in_the_original_text()
    {
        var text = File.ReadAllText(Knowledge.SeedPath("004-research-note.md"));
        foreach (var claim in Extractor.Extract(text, Knowledge.Check))
        {
            text.Substring(claim.Span.Offset, claim.Span.Length).ShouldBe(claim.Text);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Random_text_from_random_bytes_is_read_without_exceptions(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);

        // What the reader would refuse is decoded leniently here, to feed the extractor garbage on purpose.
        var text = Encoding.UTF8.GetString(bytes);
        var result = Extractor.ExtractWithNotes(text, Knowledge.Check);
        result.Claims.ShouldAllBe(c => c.Span.Offset >= 0 && c.Span.Offset + c.Span.Length <= text.Length);
        DocumentReader.Read(bytes, "r.bin").Error.ShouldNotBeNull();
    }

    [Fact]
    public void Twenty_megabytes_finish_in_bounded_time_and_memory()
    {
        var line = "- **2024年全球LLM市场规模**: 56.17亿美元（MarketGrowthReports），CAGR 21.63%\n";
        var builder = new StringBuilder(20_000_000);
        var n = 0;
        while (builder.Length < 20_000_000)
        {
            builder.Append(n % 50 == 0 ? "\n## 一、市场规模\n\n" : line);
            n++;
        }

        var text = builder.ToString();
        var before = GC.GetTotalAllocatedBytes(precise: false);
        var watch = Stopwatch.StartNew();
        var claims = Extractor.Extract(text, Knowledge.Check);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;

        claims.Count.ShouldBeGreaterThan(400_000);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(3));

        // Allocation is proportional to the text, not quadratic: a generous bound of 400 bytes a character.
        allocated.ShouldBeLessThan(400L * text.Length);
    }

    [Fact]
    public void Overlong_lines_are_skipped_with_a_note()
    {
        var text = "北美市场份额: 39%\n" + new string('9', 20_000) + "\n";
        var result = Extractor.ExtractWithNotes(text, Knowledge.Check);
        result.Notes.ShouldBe(["2:1: line skipped: 20,000 characters (the limit is 10,000)"]);
        result.Claims.Select(c => c.Text).ShouldBe(["39%"]);
    }

    [Theory]
    [InlineData("> ")]
    [InlineData("- ")]
    [InlineData("1. ")]
    public void Two_thousand_deep_nesting_is_read(string marker)
    {
        var builder = new StringBuilder();
        for (var depth = 0; depth < 2_000; depth++)
        {
            builder.Append(marker == "> " ? string.Concat(Enumerable.Repeat(marker, depth)) : new string(' ', depth * marker.Length) + marker)
                .Append("Anthropic估值1830亿美元\n");
        }

        var text = builder.ToString();
        var claims = Extractor.Extract(text, Knowledge.Check);
        claims.ShouldAllBe(c => text.Substring(c.Span.Offset, c.Span.Length) == c.Text);
        claims.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Unmatched_tables_keep_their_cells()
    {
        var text = "| 模型 | 参数量 |\n|---|---|\n| Llama 3 | 8B | 8,192 | 多余 |\n| Llama 2 |\n| 只有一格\n";
        var claims = Extractor.Extract(text, Knowledge.Check);
        var eightB = claims.Single(c => c.Text == "8B");
        eightB.EntityId.ShouldBe("llama-3");
        eightB.MetricId.ShouldBe("parameters-total");
        claims.Single(c => c.Text == "8,192").MetricId.ShouldBeNull();
    }

    [Fact]
    public void Not_figures_are_not_claims()
    {
        var text = "| 排名 | 模型 | 得分 |\n|---|---|---|\n| 1 | GPT-5 | - |\n| 2 | Claude Opus 4.5 | 高水平 |\n| 3 | Gemini 3 Pro Preview | 未公开 |\n\n1. **开发者访问**: 2024年\n\n![](https://img.example.com/20250801/v2_5888275_oswg403764.png)\n";
        Extractor.Extract(text, Knowledge.Check).ShouldBeEmpty();
    }
}
