using System.Text;
using System.Text.Json;
using Almanac.Diagnostics;

namespace Almanac.Usage.Readers;

/// <summary>
/// The JSON documents of a file: one per line (JSON Lines, read a line at a time, so a file of any size
/// streams) or, when the first line is not a whole document, the whole file as one document (a
/// pretty-printed page or export, read whole). Each with the line it starts on.
/// </summary>
internal static class JsonDocuments
{
    public static IEnumerable<(int Line, string Text)> Read(Stream stream) =>
        Read(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16));

    public static IEnumerable<(int Line, string Text)> Read(TextReader reader)
    {
        var lineNumber = 0;
        string? first = null;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length > 0)
            {
                first = line;
                break;
            }
        }

        if (first is null)
        {
            yield break;
        }

        if (!IsWholeDocument(first))
        {
            yield return (lineNumber, first + "\n" + reader.ReadToEnd());
            yield break;
        }

        yield return (lineNumber, first);
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length > 0)
            {
                yield return (lineNumber, line);
            }
        }
    }

    /// <summary>Parses one document, or counts it as skipped with the line and column of the fault.</summary>
    public static JsonDocument? Parse(string text, int startLine, string file, ReadLog log)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            var line = startLine + (int)(e.LineNumber ?? 0);
            log.Skip(DiagnosticMessages.InvalidJson.At(file, DiagnosticLocation.At(line, (int)(e.BytePositionInLine ?? 0) + 1), e.Message.Split(". ", 2)[0].TrimEnd('.')));
            return null;
        }
    }

    // A first line that is a whole JSON value starts a file of one document per line.
    private static bool IsWholeDocument(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var json = new Utf8JsonReader(bytes);
        try
        {
            return json.Read() && json.TrySkip() && !json.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
