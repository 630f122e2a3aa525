using System.Globalization;
using System.Text.Json;
using Almanac.Diagnostics;

namespace Almanac.Usage.Readers;

/// <summary>
/// Any CSV (with a header), JSON Lines or Parquet file, its columns named by a <see cref="ColumnMap"/>. A time
/// and a model are required; the time is ISO 8601, a Parquet timestamp or a Unix epoch number (seconds,
/// milliseconds…). Without an id column the event id is a hash of the line (of a Parquet row's values). A status other than empty, <c>ok</c>, <c>success</c> or a
/// 2xx code counts as an error.
/// </summary>
public sealed class MappedReader(ColumnMap map) : IUsageReader
{
    public UsageFormat Format => UsageFormat.Csv;

    public IEnumerable<UsageEvent> Read(Stream stream, string file, ReadLog log)
    {
        var parquet = ParquetRows.Starts(stream);
        var source = parquet ? "parquet" : "csv";
        foreach (var (where, cell, raw) in parquet ? ParquetRows.Read(stream, file) : TextRows(stream, file, log))
        {
            UsageEvent e;
            try
            {
                e = Row(cell, raw, source);
            }
            catch (FieldException problem)
            {
                log.Skip(Diagnostic.Invalid(file, where.WithPart(problem.Column), problem.Message));
                continue;
            }

            yield return e;
        }
    }

    private static IEnumerable<(DiagnosticLocation Where, Func<string, string?> Cell, string Raw)> TextRows(Stream stream, string file, ReadLog log)
    {
        var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

        // Blank lines before the first row are read past either way; a '{' then starts JSON Lines.
        while (reader.Peek() is ' ' or '\t' or '\r' or '\n')
        {
            reader.Read();
        }

        return reader.Peek() == '{'
            ? JsonRows(reader, file, log)
            : CsvRows.Read(reader).Select(r => (DiagnosticLocation.AtLine(r.Line), (Func<string, string?>)(c => r.Cells.TryGetValue(c, out var v) ? v : null), r.Raw));
    }

    private static IEnumerable<(DiagnosticLocation Where, Func<string, string?> Cell, string Raw)> JsonRows(TextReader reader, string file, ReadLog log)
    {
        foreach (var (line, text) in JsonDocuments.Read(reader))
        {
            using var document = JsonDocuments.Parse(text, line, file, log);
            if (document is null)
            {
                continue;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                log.Skip(Diagnostic.Invalid(file, DiagnosticLocation.AtLine(line), "not a JSON object"));
                continue;
            }

            var root = document.RootElement;
            yield return (DiagnosticLocation.AtLine(line), column => At(root, column), text);
        }
    }

    private static string? At(JsonElement element, string path)
    {
        if (element.TryGetProperty(path, out var direct))
        {
            return TextOf(direct);
        }

        foreach (var name in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return TextOf(element);
    }

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array => Tags.Join(value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
        _ => value.GetRawText(),
    };

    private UsageEvent Row(Func<string, string?> cell, string raw, string source)
    {
        (string Column, string Text) Find(string field)
        {
            foreach (var column in map.ColumnsOf(field))
            {
                if (cell(column) is { } text && text.Trim().Length > 0)
                {
                    return (column, text.Trim());
                }
            }

            return (map.ColumnsOf(field)[0], string.Empty);
        }

        string Text(string field) => Find(field).Text;

        var (timeColumn, timeText) = Find("time");
        var start = UsageTime.ParseMs(timeText) ?? throw new FieldException(timeColumn, timeText.Length == 0 ? "no time" : $"not a time: '{timeText}'");
        var model = Text("model");
        if (model.Length == 0)
        {
            throw new FieldException(map.ColumnsOf("model")[0], "no model");
        }

        var endMs = Text("end") is { Length: > 0 } end ? UsageTime.ParseMs(end) ?? throw new FieldException(Find("end").Column, $"not a time: '{end}'") : (double?)null;
        var duration = Number("duration_ms", Find) ?? (endMs - start);
        if (duration < 0)
        {
            throw new FieldException(Find("end").Column, "the call ends before it starts");
        }

        var status = Text("status");
        var errors = Whole("errors", Find, 0);
        if (status.Length > 0 && !IsSuccess(status))
        {
            errors = Math.Max(errors, 1);
        }

        var id = Text("id");
        return new UsageEvent(
            EventId: id.Length > 0 ? id : EventIds.OfContent(source, raw),
            StartMs: (long)Math.Floor(start),
            DurationMs: duration,
            TimeToFirstTokenMs: Number("ttft_ms", Find),
            Source: source,
            ModelRaw: model,
            ModelId: string.Empty,
            DeveloperId: string.Empty,
            Provider: Text("provider"),
            InputTokens: Whole("input_tokens", Find, 0),
            OutputTokens: Whole("output_tokens", Find, 0),
            CacheReadTokens: Whole("cache_read_tokens", Find, 0),
            ReasoningTokens: Whole("reasoning_tokens", Find, 0),
            Requests: Whole("requests", Find, 1),
            Errors: errors,
            CostLogged: Number("cost", Find),
            CostListed: null,
            User: Text("user"),
            Team: Text("team"),
            App: Text("app"),
            Tags: Tags.Join(Text("tags").Split(',')));
    }

    private static bool IsSuccess(string status) =>
        status.Equals("ok", StringComparison.OrdinalIgnoreCase) || status.Equals("success", StringComparison.OrdinalIgnoreCase)
        || (status.Length == 3 && status[0] == '2' && char.IsAsciiDigit(status[1]) && char.IsAsciiDigit(status[2]));

    private static double? Number(string field, Func<string, (string Column, string Text)> find)
    {
        var (column, text) = find(field);
        return text.Length == 0 ? null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n
            : throw new FieldException(column, $"not a number: '{text}'");
    }

    private static long Whole(string field, Func<string, (string Column, string Text)> find, long absent)
    {
        var (column, text) = find(field);
        return text.Length == 0 ? absent
            : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
            : throw new FieldException(column, $"not a whole number: '{text}'");
    }

    private sealed class FieldException(string column, string message) : Exception(message)
    {
        public string Column { get; } = "column " + column;
    }
}
