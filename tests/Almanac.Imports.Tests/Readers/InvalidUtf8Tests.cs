using System.Text;
using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Imports;
using Almanac.Imports.Readers;

namespace Almanac.Tests.Imports.Readers;

/// <summary>
/// A dataset file with bytes that are not UTF-8 is refused where the bytes sit, whatever its
/// format: no "Cannot transcode" from deep inside a JSON value, no U+FFFD inside a developer's name.
/// </summary>
public sealed class InvalidUtf8Tests
{
    // 0xC3 opens a two-byte sequence that 'n' does not continue: "Open\xC3nAI".
    private static byte[] WithInvalidByte(string text, string before)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(before)) + Encoding.UTF8.GetByteCount(before);
        return [.. bytes[..at], 0xC3, .. bytes[at..]];
    }

    private static Diagnostic Fails(byte[] bytes, string fileName, Func<Stream, string, DatasetSnapshot> read)
    {
        using var stream = new MemoryStream(bytes);
        return Should.Throw<DiagnosticException>(() => read(stream, fileName)).Diagnostic;
    }

    [Fact]
    public void A_json_dataset_names_the_line_and_column_of_the_bad_byte()
    {
        var json = "{\n  \"openai\": {\n    \"name\": \"Open\",\n    \"models\": {}\n  }\n}\n";

        var error = Fails(WithInvalidByte(json, "\"name\": \"Open"), "api.json", (s, f) => ModelsDevReader.Read(s, f, new SnapshotInfo { Date = new DateOnly(2026, 7, 2) }));

        error.Source.ShouldBe("api.json");
        error.Location.ToString().ShouldBe($"line 3, column {"    \"name\": \"Open".Length + 1}");
        error.Message.ShouldBe("the file is not valid UTF-8 here (save it as UTF-8)");
    }

    [Fact]
    public void A_csv_dataset_names_the_line_and_column_of_the_bad_byte()
    {
        var csv = File.ReadAllText(SharedData.PathOf("epoch-ai/notable_ai_models_2026-01.csv"));
        var firstRow = csv.IndexOf('\n', StringComparison.Ordinal) + 1;
        var secondLine = csv[firstRow..csv.IndexOf('\n', firstRow)];

        var error = Fails(WithInvalidByte(csv, csv[..(firstRow + 3)]), "notable_ai_models_2026-01.csv", (s, f) => EpochReader.Read(s, f));

        error.Location.ToString().ShouldBe("line 2, column 4");
        error.Message.ShouldBe("the file is not valid UTF-8 here (save it as UTF-8)");
        secondLine.Length.ShouldBeGreaterThan(3);
    }
}
