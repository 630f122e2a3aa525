using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Text;

namespace Almanac.Tests.Charts;

public sealed class SourceLineTests
{
    private static Source Of(string publisher, int year, int month = 6) =>
        new($"{publisher}-{year}-{month}", publisher, "title", new Uri("https://example.org/"), new DateOnly(year, month, 1), SourceKind.Primary);

    [Fact]
    public void Names_each_publisher_once_with_its_years_in_order()
    {
        SourceLine.For([Of("Menlo Ventures", 2025), Of("Menlo Ventures", 2024), Of("TechCrunch", 2025), Of("Menlo Ventures", 2025, 12)], Language.En)
            .ShouldBe("Source: Menlo Ventures (2024, 2025); TechCrunch (2025), via Almanac");
    }

    [Fact]
    public void Reads_as_chinese_for_chinese_readers()
    {
        SourceLine.For([Of("Menlo Ventures", 2025), Of("IDC", 2025)], Language.Zh)
            .ShouldBe("来源：Menlo Ventures（2025）；IDC（2025），经 Almanac 整理");
    }

    [Fact]
    public void A_chart_without_sources_has_no_source_line()
    {
        Should.Throw<ArgumentException>(() => SourceLine.For([], Language.En));
    }
}
