using Almanac.Usage.ClickHouse;

namespace Almanac.Tests.Usage.ClickHouse;

/// <summary>The escaping and SQL-file helpers alone (no server); the round trips through a real server are in <see cref="ClickHouseHttpTests"/>.</summary>
public sealed class ClickHouseSqlTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData("tab\tnew\nline\r", @"'tab\tnew\nline\r'")]
    [InlineData("nul\0bell\a", @"'nul\0bell\x07'")]
    [InlineData("' OR 1=1 --", @"'\' OR 1=1 --'")]
    [InlineData("日本語 😀", "'日本語 😀'")]
    public void Quote_escapes_what_the_parser_would_read_otherwise(string value, string literal) =>
        ClickHouseSql.Quote(value).ShouldBe(literal);

    [Fact]
    public void Bind_fills_every_placeholder_with_a_literal_and_refuses_a_missing_or_unused_one()
    {
        var sql = ClickHouseSql.Bind("SELECT {a}, {b}, {c}, {a}", new Dictionary<string, object?>
        {
            ["a"] = "x'y",
            ["b"] = 42L,
            ["c"] = new DateOnly(2026, 3, 2),
        });
        sql.ShouldBe(@"SELECT 'x\'y', 42, toDate('2026-03-02'), 'x\'y'");

        Should.Throw<ArgumentException>(() => ClickHouseSql.Bind("SELECT {a}", new Dictionary<string, object?>()))
            .Message.ShouldContain("{a}");
        Should.Throw<ArgumentException>(() => ClickHouseSql.Bind("SELECT 1", new Dictionary<string, object?> { ["a"] = 1 }))
            .Message.ShouldContain("no placeholder for a");
    }

    [Fact]
    public void A_list_of_tuples_is_an_array_of_tuples_of_literals()
    {
        ClickHouseSql.Literal(new List<(string, string, long)> { ("gpt-4o", "open'ai", 20454L), ("m", "d", -1L) })
            .ShouldBe(@"[('gpt-4o', 'open\'ai', 20454), ('m', 'd', -1)]");
        ClickHouseSql.Literal(Array.Empty<string>()).ShouldBe("[]");
        Should.Throw<ArgumentException>(() => ClickHouseSql.Literal(new[] { new object() }));
    }

    [Fact]
    public void The_schema_file_splits_into_its_statements()
    {
        var statements = ClickHouseSql.Statements(ClickHouseSql.File("schema"));
        statements.Count.ShouldBe(6);
        statements[0].ShouldStartWith("CREATE TABLE IF NOT EXISTS usage_events_local");
        statements[1].ShouldContain("ENGINE = Distributed(almanac, currentDatabase(), usage_events_local, sipHash64(event_id))");
        statements[4].ShouldStartWith("CREATE VIEW IF NOT EXISTS usage_committed_events");
        statements.ShouldAllBe(s => !s.Contains(';') && !s.Contains("--"));
    }

    [Fact]
    public void A_tsv_field_round_trips_through_escape_and_split()
    {
        string[] values = ["a\tb", "line\nbreak", @"\N", "back\\", "", "x\r\0\b\f", "日本 😀"];
        var row = new System.Text.StringBuilder();
        foreach (var value in values)
        {
            if (row.Length > 0 || value != values[0])
                row.Append('\t');
            ClickHouseTsv.AppendEscaped(row, value);
        }
        ClickHouseTsv.Split(row.ToString()).ShouldBe(values);
        ClickHouseTsv.Split("a\t\\N\t").ShouldBe(["a", null, ""]);
    }

    [Fact]
    public void A_server_error_text_gives_its_code_and_message_without_the_stack_trace()
    {
        var error = ClickHouseHttp.ServerError(
            "Code: 60, e.displayText() = DB::Exception: Table almanac.nope doesn't exist., e.what() = DB::Exception\n\nStack trace:\n0. clickhouse-server(StackTrace::StackTrace()+0x16)");
        error.ShouldNotBeNull();
        error.Value.Code.ShouldBe(60);
        error.Value.Message.ShouldBe("Table almanac.nope doesn't exist.");
        ClickHouseHttp.ServerError("1\t2").ShouldBeNull();
    }
}
