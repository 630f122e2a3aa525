using Almanac.Diagnostics;

namespace Almanac.Tests.Diagnostics;

public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("line-column", "facts/x.yaml:42:7: unknown metric 'market_szie'", "line 42, column 7")]
    [InlineData("line", "calls.csv:3: not a JSON object", "line 3")]
    [InlineData("path", "api.json: $.a.cost.input: expected a number", "$.a.cost.input")]
    [InlineData("line-path", "spans.jsonl:12: $.resourceSpans[0]: no spans", "line 12, $.resourceSpans[0]")]
    [InlineData("part", "ai_models_2025-13.csv: file name: expected a date", "file name")]
    [InlineData("none", "notes/x.md: not a text file", "")]
    public void Renders_the_source_and_place_one_way(string kind, string rendered, string location)
    {
        var (source, at, message) = kind switch
        {
            "line-column" => ("facts/x.yaml", DiagnosticLocation.At(42, 7), "unknown metric 'market_szie'"),
            "line" => ("calls.csv", DiagnosticLocation.AtLine(3), "not a JSON object"),
            "path" => ("api.json", DiagnosticLocation.AtPath("$.a.cost.input"), "expected a number"),
            "line-path" => ("spans.jsonl", DiagnosticLocation.AtLine(12).WithPath("$.resourceSpans[0]"), "no spans"),
            "part" => ("ai_models_2025-13.csv", DiagnosticLocation.In("file name"), "expected a date"),
            _ => ("notes/x.md", DiagnosticLocation.None, "not a text file"),
        };

        var diagnostic = Diagnostic.Invalid(source, at, message);

        diagnostic.ToString().ShouldBe(rendered);
        diagnostic.Location.ToString().ShouldBe(location);
        new DiagnosticException(diagnostic).Message.ShouldBe(rendered);
    }

    [Fact]
    public void A_catalogued_message_fills_its_template_and_keeps_its_code()
    {
        var diagnostic = DiagnosticMessages.UnknownField.At("facts/x.yaml", DiagnosticLocation.At(3, 1), "qoute", "a fact", "quote, note");

        diagnostic.Code.Id.ShouldBe("unknown-field");
        diagnostic.Code.Kind.ShouldBe(DiagnosticKind.InvalidInput);
        diagnostic.ToString().ShouldBe("facts/x.yaml:3:1: unknown field 'qoute' in a fact; expected one of quote, note");
    }
}
