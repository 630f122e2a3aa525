using Almanac.Charts;

namespace Almanac.Tests.Charts;

public sealed class ChartTableTests
{
    [Fact]
    public void Csv_has_a_header_with_units_and_quotes_cells_that_need_it()
    {
        var table = new ChartTable(
                new ChartField("provider", "Provider", FieldType.Nominal),
                new ChartField("share", "Share", FieldType.Quantitative, "%"),
                new ChartField("source", "Source", FieldType.Nominal))
            .Add("Anthropic", 32m, "Menlo Ventures, \"Mid-Year\" update, 2025")
            .Add("Other or not reported", 13.5m, null);

        table.ToCsv().ShouldBe(
            "provider,share [%],source\r\n"
            + "Anthropic,32,\"Menlo Ventures, \"\"Mid-Year\"\" update, 2025\"\r\n"
            + "Other or not reported,13.5,\r\n");
    }

    [Fact]
    public void Dates_are_written_as_iso_dates()
    {
        var table = new ChartTable(new ChartField("released", "Released", FieldType.Temporal)).Add(new DateOnly(2025, 3, 7));

        table.ToCsv().ShouldEndWith("2025-03-07\r\n");
        table.ToValues()[0]!["released"]!.GetValue<string>().ShouldBe("2025-03-07");
    }

    [Fact]
    public void Rows_of_the_wrong_length_or_type_are_refused()
    {
        var table = new ChartTable(new ChartField("a", "A", FieldType.Nominal), new ChartField("b", "B", FieldType.Quantitative));

        Should.Throw<ArgumentException>(() => table.Add("only one"));
        Should.Throw<ArgumentException>(() => table.Add("a", new object()));
    }

    [Fact]
    public void Field_names_must_be_distinct()
    {
        Should.Throw<ArgumentException>(() => new ChartTable(new ChartField("a", "A", FieldType.Nominal), new ChartField("a", "B", FieldType.Nominal)));
    }
}
