using System.Globalization;
using Almanac.Periods;
using Almanac.Text;

namespace Almanac.Tests.Periods;

public sealed class PeriodParserSpecs
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in SpecFile.Rows("periods.tsv"))
        {
            data.Add(row[0], row[1], row[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses_the_periods_of_the_spec_file(string input, string expected, string referenceYear)
    {
        int? reference = referenceYear == "-" ? null : int.Parse(referenceYear, CultureInfo.InvariantCulture);

        var result = PeriodParser.Parse(input, reference);

        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        result.Value.Period.ToString().ShouldBe(expected);
        result.Value.Span.ShouldBe(new SourceSpan(0, input.Length));
    }

    [Fact]
    public void Spec_file_has_at_least_forty_cases() => Cases().Count.ShouldBeGreaterThanOrEqualTo(40);

    [Fact]
    public void Reads_year_end_as_an_instant_on_the_last_day()
    {
        var period = PeriodParser.Parse("2023年底").Value.Period;

        period.Kind.ShouldBe(PeriodKind.Instant);
        period.Start.ShouldBe(new DateOnly(2023, 12, 31));
    }

    [Fact]
    public void Reads_a_month_range_with_its_ends()
    {
        var period = PeriodParser.Parse("2024年5-7月").Value.Period;

        period.Kind.ShouldBe(PeriodKind.Range);
        period.Granularity.ShouldBe(PeriodKind.Month);
        period.Start.ShouldBe(new DateOnly(2024, 5, 1));
        period.End.ShouldBe(new DateOnly(2024, 7, 31));
    }

    public static TheoryData<string, string> RunningText()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in SpecFile.Rows("periods-running-text.tsv"))
        {
            data.Add(row[0], row.Length > 1 ? row[1] : string.Empty);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RunningText))]
    public void Finds_every_period_in_running_text(string text, string expected)
    {
        var found = PeriodParser.FindAll(text, referenceYear: 2025);

        string.Join(" | ", found.Select(p => $"{p.Span.Slice(text)} => {p.Period}")).ShouldBe(expected);
    }

    [Fact]
    public void Skips_relative_words_in_running_text_without_a_reference_year() =>
        PeriodParser.FindAll("国产的DeepSeek在年初发布").ShouldBeEmpty();

    public static TheoryData<string, string> Errors() => new()
    {
        { "", "Expected a period but the text is empty at 1:1" },
        { "2025年13月", "Month 13 is not between 1 and 12 at 1:1" },
        { "2025年2月30日", "Day 30 is not in 2025-02 at 1:1" },
        { "2034-2025", "Period range ends (2025) before it starts (2034) at 1:1" },
        { "年中", "'年中' does not state its year; pass a reference year to resolve it at 1:1" },
        { "去年", "'去年' does not state its year; pass a reference year to resolve it at 1:1" },
        { "next year", "Unrecognised period 'next year'; expected a year (2024年), half (2025年上半年, H1 2025), quarter (2025年Q3, Q2 2025), month (2025年8月, Aug 2025), day (2025年6月25日), instant (2023年底, mid-2025, as of 2024) or range (2025-2034) at 1:1" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Reports_bad_input_with_a_position_and_a_message(string input, string message)
    {
        var result = PeriodParser.Parse(input);

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Message.ShouldBe(message);
    }

    [Fact]
    public void Reports_unrecognised_text_after_a_period_at_the_start_of_the_text() =>
        PeriodParser.Parse("2025年Q5").Error!.Position.ShouldBe(new TextPosition(1, 1));

    [Fact]
    public void Never_throws_on_garbage()
    {
        var random = new Random(11);
        const string alphabet = "0123456789-/年月日底初中末上下半季度第QHFY至截 of";
        for (var i = 0; i < 5_000; i++)
        {
            var chars = new char[random.Next(0, 14)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            _ = PeriodParser.Parse(text, 2025);
            _ = PeriodParser.Parse(text);
            PeriodParser.FindAll(text, 2025).ShouldAllBe(p => p.Span.End <= text.Length);
        }
    }
}
