using Almanac.Quantities;
using Almanac.Text;

namespace Almanac.Tests.Quantities;

public sealed class QuantityFormatterTests
{
    public static TheoryData<Quantity, Language, bool, string> Cases() => new()
    {
        { Quantity.Of(5_617_000_000m, Unit.Usd), Language.Zh, false, "56.17亿美元" },
        { Quantity.Of(5_617_000_000m, Unit.Usd), Language.En, false, "$5.62B" },
        { Quantity.Of(5_617_000_000m, Unit.Usd), Language.En, true, "$5.617B" },
        { Quantity.Of(111_304_000_000m, Unit.Usd), Language.Zh, true, "1113.04亿美元" },
        { Quantity.Of(14_700_000_000m, Unit.Cny), Language.Zh, false, "147亿元" },
        { Quantity.Of(14_700_000_000m, Unit.Cny), Language.En, false, "¥14.7B" },
        { Quantity.Of(1_100_000_000m, Unit.Eur), Language.Zh, false, "11亿欧元" },
        { Quantity.Of(5_800_000_000m, Unit.Eur), Language.En, false, "€5.8B" },
        { Quantity.Of(1_190_000_000m, Unit.Usd, Qualifier.About), Language.Zh, false, "约11.9亿美元" },
        { Quantity.Of(1_190_000_000m, Unit.Usd, Qualifier.About), Language.En, false, "about $1.19B" },
        { Quantity.Of(32m, Unit.Percent), Language.En, false, "32%" },
        { Quantity.Of(32m, Unit.Percent), Language.Zh, false, "32%" },
        { Quantity.Of(9m, Unit.Percent, Qualifier.LessThan), Language.Zh, false, "不足9%" },
        { Quantity.Of(9m, Unit.Percent, Qualifier.LessThan), Language.En, false, "less than 9%" },
        { Quantity.Of(128_000m, Unit.Tokens), Language.En, false, "128K tokens" },
        { Quantity.Of(4_096m, Unit.Tokens), Language.En, false, "4K tokens" },
        { Quantity.Of(65_536m, Unit.Tokens), Language.En, false, "64K tokens" },
        { Quantity.Of(65_536m, Unit.Tokens), Language.Zh, false, "64K tokens" },
        { Quantity.Of(163_840m, Unit.Tokens), Language.En, false, "160K tokens" },
        { Quantity.Of(1_048_576m, Unit.Tokens), Language.En, false, "1M tokens" },
        { Quantity.Of(1_572_864m, Unit.Tokens), Language.En, false, "1.5M tokens" },
        { Quantity.Of(65_536m, Unit.Tokens), Language.En, true, "65.536K tokens" },
        { Quantity.Of(200_000m, Unit.Tokens), Language.En, false, "200K tokens" },
        { Quantity.Of(128_000m, Unit.Tokens), Language.Zh, false, "12.8万 tokens" },
        { Quantity.Of(10_200_000_000_000m, Unit.Tokens), Language.Zh, false, "10.2万亿 tokens" },
        { Quantity.Of(405_000_000_000m, Unit.Parameters), Language.En, false, "405B parameters" },
        { Quantity.Of(137_000_000_000m, Unit.Parameters), Language.Zh, false, "1370亿参数" },
        { Quantity.Of(10m, Unit.Multiple), Language.Zh, false, "10倍" },
        { Quantity.Of(10m, Unit.Multiple), Language.En, false, "10x" },
        { Quantity.Of(3.8m, Unit.PercentagePoints), Language.Zh, false, "3.8个百分点" },
        { Quantity.Of(3.8m, Unit.PercentagePoints), Language.En, false, "3.8 pp" },
        { Quantity.Of(0.68m, Unit.Seconds), Language.Zh, false, "0.68秒" },
        { Quantity.Of(558m, Unit.TokensPerSecond), Language.Zh, false, "558 tokens/秒" },
        { Quantity.Of(15m, Unit.UsdPerMillionTokens), Language.En, false, "$15/1M tokens" },
        { Quantity.Of(15m, Unit.UsdPerMillionTokens), Language.Zh, false, "15美元/百万tokens" },
        { Quantity.Of(1_800_000m, Unit.Count, Qualifier.MoreThan), Language.Zh, false, "超过180万" },
        { Quantity.Of(1_800_000m, Unit.Count, Qualifier.MoreThan), Language.En, false, "more than 1.8M" },
        { Quantity.Of(3843m, Unit.Count, Qualifier.About), Language.Zh, true, "约3,843" },
        { Quantity.Of(750_000_000_000m, Unit.Bytes), Language.En, false, "750GB" },
        { Quantity.Range(30_000_000_000_000m, 65_000_000_000_000m, Unit.Count, Qualifier.Speculative), Language.Zh, false, "30-65万亿（推测）" },
        { Quantity.Range(30_000_000_000_000m, 65_000_000_000_000m, Unit.Count, Qualifier.Speculative), Language.En, false, "30-65T (speculated)" },
        { Quantity.Range(21m, 33m, Unit.Percent), Language.En, false, "21-33%" },
        { Quantity.Of(7_358_000_000m, Unit.Usd, Qualifier.Forecast), Language.Zh, false, "预计73.58亿美元" },
        { Quantity.Of(7_358_000_000m, Unit.Usd, Qualifier.Forecast), Language.En, false, "expected $7.36B" },
        { Quantity.Of(999_600_000_000m, Unit.Usd), Language.En, false, "$1T" },
        { Quantity.Of(38_000_000_000_000_000_000_000_000m, Unit.Flop), Language.En, false, "3.8e25 FLOP" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Formats_figures_as_the_notes_write_them(Quantity quantity, Language language, bool exact, string expected) =>
        QuantityFormatter.Format(quantity, language, exact).ShouldBe(expected);

    [Fact]
    public void Writes_parameters_without_their_name_in_compact_style() =>
        QuantityFormatter.Format(Quantity.Of(405_000_000_000m, Unit.Parameters), Language.En, new QuantityFormatOptions { Compact = true })
            .ShouldBe("405B");

    [Fact]
    public void Honours_a_requested_number_of_significant_digits() =>
        QuantityFormatter.Format(Quantity.Of(5_617_000_000m, Unit.Usd), Language.En, new QuantityFormatOptions { SignificantDigits = 2 })
            .ShouldBe("$5.6B");

    [Theory]
    [InlineData(Qualifier.About, "约", "about")]
    [InlineData(Qualifier.MoreThan, "超过", "more than")]
    [InlineData(Qualifier.AtMost, "最高", "up to")]
    [InlineData(Qualifier.Forecast, "预计", "expected")]
    public void Writes_qualifiers_as_words_of_the_language(Qualifier qualifier, string zh, string en)
    {
        QuantityFormatter.QualifierWord(qualifier, Language.Zh).ShouldBe(zh);
        QuantityFormatter.QualifierWord(qualifier, Language.En).ShouldBe(en);
    }
}
