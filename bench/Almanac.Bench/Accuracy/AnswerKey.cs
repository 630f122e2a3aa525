using System.Text.Json;

namespace Almanac.Bench.Accuracy;

/// <summary>
/// One keyed figure of an annotated note: where it is, whether it is right, and what settles it. The
/// schema is the development set's (<c>&lt;note&gt;.key.json</c>, a JSON list sorted by line).
/// </summary>
internal sealed record KeyedFigure(
    string Id,
    int Line,
    string Text,
    string Verdict,
    string? Family,
    string? Severity,
    string? EvidenceKind,
    IReadOnlyList<int> RelatedLines)
{
    /// <summary>An error the checker should flag: contradicted by a source or inconsistent with the note, high or medium severity.</summary>
    public bool IsError => IsWrong && Severity is "high" or "medium";

    /// <summary>Wrong, whatever the severity.</summary>
    public bool IsWrong => Verdict is "CONTRADICTED" or "INTERNAL_INCONSISTENT";

    public bool IsSupported => Verdict == "SUPPORTED";

    /// <summary>Settled by what the store holds (a curated fact or an imported dataset row), so the checker can judge it.</summary>
    public bool StoreCanSettle => EvidenceKind is "kb" or "dataset";
}

/// <summary>Reads answer keys, naming the file and JSON path of anything malformed.</summary>
internal static class AnswerKey
{
    public static IReadOnlyList<KeyedFigure> Read(string path)
    {
        using var document = ReadJson(path);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new AccuracyException($"{path}: $: expected a JSON list of keyed figures");
        }

        var figures = new List<KeyedFigure>();
        var index = 0;
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var at = $"{path}: $[{index}]";
            figures.Add(new KeyedFigure(
                Required(entry, "id", at),
                entry.TryGetProperty("line", out var line) && line.TryGetInt32(out var number) && number > 0
                    ? number
                    : throw new AccuracyException($"{at}.line: expected a line number from 1"),
                Required(entry, "text", at),
                Required(entry, "verdict", at),
                Optional(entry, "family"),
                Optional(entry, "severity"),
                Optional(entry, "evidence_kind"),
                entry.TryGetProperty("related_lines", out var related) && related.ValueKind == JsonValueKind.Array
                    ? related.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Number).Select(r => r.GetInt32()).ToList()
                    : []));
            index++;
        }

        return figures;
    }

    internal static JsonDocument ReadJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new AccuracyException($"{path}: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: not valid JSON ({e.Message})");
        }
        catch (IOException e)
        {
            throw new AccuracyException($"{path}: cannot read: {e.Message}");
        }
    }

    private static string Required(JsonElement entry, string name, string at) =>
        Optional(entry, name) ?? throw new AccuracyException($"{at}.{name}: expected a string");

    private static string? Optional(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>An annotated note or checker output that cannot be read; the message names the file and where.</summary>
internal sealed class AccuracyException(string message) : Exception(message);
