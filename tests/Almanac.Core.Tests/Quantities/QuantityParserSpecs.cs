using System.Globalization;
using Almanac.Quantities;

namespace Almanac.Tests.Quantities;

public sealed class QuantityParserSpecs
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in SpecFile.Rows("quantities.tsv"))
        {
            data.Add(row[0], row[1], row.Length > 2 ? row[2] : "-");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses_the_figures_of_the_spec_file(string input, string expected, string precision)
    {
        var result = QuantityParser.Parse(input);

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        Describe(input, result.Value).ShouldBe(expected);
        if (precision != "-")
        {
            result.Value.Primary.Precision.ShouldBe(decimal.Parse(precision, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Spec_file_has_at_least_a_hundred_cases() => Cases().Count.ShouldBeGreaterThanOrEqualTo(100);

    [Fact]
    public void Parses_yi_as_1e8() =>
        QuantityParser.Parse("1亿").Value.Quantity.ShouldBe(Quantity.Of(100_000_000m, Unit.Count));

    [Fact]
    public void Parses_wan_yi_as_1e12() =>
        QuantityParser.Parse("1万亿").Value.Quantity.Value.ShouldBe(1_000_000_000_000m);

    [Fact]
    public void Keeps_56_17_yi_dollars_exact()
    {
        var figure = QuantityParser.Parse("56.17亿美元").Value;

        figure.Quantity.Value.ShouldBe(5_617_000_000m);
        figure.Quantity.Value.ToString(CultureInfo.InvariantCulture).ShouldBe("5617000000");
        figure.Quantity.Unit.ShouldBe(Unit.Usd);
        figure.Primary.Precision.ShouldBe(1_000_000m);
        figure.Primary.UnitStated.ShouldBeTrue();
    }

    [Fact]
    public void Leaves_a_bare_magnitude_as_an_unstated_count_the_caller_can_re_unit()
    {
        var parsed = QuantityParser.Parse("540B").Value.Primary;

        parsed.UnitStated.ShouldBeFalse();
        parsed.Quantity.Unit.ShouldBe(Unit.Count);
        parsed.Quantity.WithUnit(Unit.Parameters).ShouldBe(Quantity.Of(540_000_000_000m, Unit.Parameters));
    }

    [Fact]
    public void Reads_128K_as_a_count_and_8_4B_with_a_dollar_as_money()
    {
        QuantityParser.Parse("128K tokens").Value.Quantity.ShouldBe(Quantity.Of(128_000m, Unit.Tokens));
        QuantityParser.Parse("$8.4B").Value.Quantity.ShouldBe(Quantity.Of(8_400_000_000m, Unit.Usd));
    }

    [Fact]
    public void Labels_price_direction_and_growth_rates()
    {
        QuantityParser.Parse("$15/百万输入tokens").Value.Primary.Label.ShouldBe("输入");
        QuantityParser.Parse("CAGR 28.0%").Value.Primary.Label.ShouldBe("CAGR");
    }

    [Fact]
    public void Spans_are_offsets_into_the_original_text()
    {
        const string text = "  约11.9亿美元 ";
        var figure = QuantityParser.Parse(text).Value;

        figure.Span.ShouldBe(new Almanac.Text.SourceSpan(2, 8));
        figure.Span.Slice(text).ShouldBe("约11.9亿美元");
    }

    public static TheoryData<string, string> Errors() => new()
    {
        { "1234亿吨", "Unknown unit '亿吨' at 1:5" },
        { "56.17亿美元吨", "Unexpected '吨' after the figure at 1:9" },
        { "", "Expected a figure but the text is empty at 1:1" },
        { "   ", "Expected a figure but the text is empty at 1:1" },
        { "abc", "Expected a number but found 'abc' at 1:1" },
        { "约", "Expected a number but found '约' at 1:1" },
        { "5 apples", "Unknown unit 'apples' at 1:3" },
        { "$5亿欧元", "The figure names two currencies, USD and EUR at 1:4" },
        { "2024年", "Unknown unit '年' at 1:5" },
        { "99999999999999999999999999999999亿", "The number '99999999999999999999999999999999' is too large at 1:1" },
        { "9999999999999999999999万亿", "The number '9999999999999999999999万亿' is too large at 1:1" },
        { "3.01%-3.06", "Unknown unit '' at 1:11" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Reports_bad_input_with_a_position_and_a_message(string input, string message)
    {
        var result = QuantityParser.Parse(input);

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Message.ShouldBe(message);
        Should.Throw<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Never_throws_on_garbage()
    {
        var random = new Random(7);
        const string alphabet = "0123456789.,-~%$€¥亿万千百十约超近不足至到从总激活/（）() KMBTxtokens倍个年月";
        for (var i = 0; i < 5_000; i++)
        {
            var chars = new char[random.Next(0, 14)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var result = QuantityParser.Parse(text);
            if (!result.IsSuccess)
            {
                result.Error!.Span.End.ShouldBeLessThanOrEqualTo(text.Length, text);
            }

            QuantityParser.FindAll(text).ShouldAllBe(q => q.Span.End <= text.Length);
        }
    }

    internal static string Describe(string input, ParsedFigure figure) =>
        string.Join(" | ", figure.Parts.Select(p =>
        {
            var s = p.Quantity.ToString();
            if (p.Role != QuantityRole.Standalone)
            {
                s += " @" + p.Role.ToString().ToLowerInvariant();
            }

            var spanned = p.Span.Slice(input);
            if (spanned != input.Trim())
            {
                s += " =" + spanned;
            }

            return s;
        }));
}
