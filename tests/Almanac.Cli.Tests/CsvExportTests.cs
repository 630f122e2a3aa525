using Almanac.Hosting;
using Shouldly;
using Xunit;

namespace Almanac.Tests.Cli;

/// <summary>
/// Exports open in spreadsheets, and their text comes from public datasets and pages: a cell a
/// spreadsheet would run as a formula is written so that it shows as text (OWASP, CSV injection).
/// </summary>
public sealed class CsvExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\",\"Claude\")", "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Claude\"\")\"")]
    [InlineData("+SUM(A1:A9)", "'+SUM(A1:A9)")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("+12", "+12")]
    [InlineData("1e-3", "1e-3")]
    [InlineData("@2025-09-02", "@2025-09-02")]
    [InlineData("@2025-09-02=cmd", "'@2025-09-02=cmd")]
    [InlineData("claude-3.5-sonnet", "claude-3.5-sonnet")]
    public void A_formula_leading_cell_is_neutralised_and_a_number_kept(string field, string written)
    {
        using var writer = new StringWriter();

        Csv.WriteRow(writer, [field, "next"]);

        writer.ToString().ShouldBe($"{written},next\r\n");
    }
}
