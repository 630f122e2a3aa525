using Almanac.Quantities;

namespace Almanac.Tests.Quantities;

public sealed class QuantityFinderSpecs
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in SpecFile.Rows("running-text.tsv"))
        {
            data.Add(row[0], row.Length > 1 ? row[1] : string.Empty);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_every_figure_in_running_text_with_its_span(string text, string expected)
    {
        var found = QuantityParser.FindAll(text);

        string.Join(" | ", found.Select(q => Describe(text, q))).ShouldBe(expected);
    }

    [Fact]
    public void Skips_dates_model_names_and_bare_numbers()
    {
        const string text = "2025年6月25日，Qwen2.5-72B与GPT-4在4大趋势中，Claude 3.5发布于2024年。";

        QuantityParser.FindAll(text).ShouldBeEmpty();
    }

    [Fact]
    public void Reports_spans_that_slice_back_to_the_written_figure()
    {
        const string text = "第一行\n超过180万个模型，约3,843个/日";
        var found = QuantityParser.FindAll(text);

        found.Select(q => q.Span.Slice(text)).ShouldBe(["超过180万个", "约3,843个"]);
        found[0].Span.StartIn(text).ShouldBe(new Almanac.Text.TextPosition(2, 1));
    }

    private static string Describe(string text, ParsedQuantity q) =>
        $"{q.Span.Slice(text)} => {q.Quantity}" + (q.Role == QuantityRole.Standalone ? string.Empty : " @" + q.Role.ToString().ToLowerInvariant());
}
