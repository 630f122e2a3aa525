using System.Globalization;
using System.Text.Json;
using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Text;

namespace Almanac.Imports.Readers;

/// <summary>
/// A parsed JSON dataset file and typed access to its values, each failure an <see cref="DiagnosticException"/>
/// that names the file and the JSON path (<c>$.anthropic.models["claude-3-5-sonnet-20240620"].cost.input</c>).
/// </summary>
internal sealed class JsonInput : IDisposable
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    private readonly JsonDocument _document;
    private readonly List<DroppedValue> _dropped = [];

    private JsonInput(string fileName, JsonDocument document)
    {
        FileName = fileName;
        _document = document;
    }

    public string FileName { get; }

    public JsonElement Root => _document.RootElement;

    /// <summary>Parses the whole stream; an empty file or a syntax error is an <see cref="DiagnosticException"/> with its line.</summary>
    /// <param name="expected">What the file should hold, for the message about an empty file (<c>a JSON object of providers</c>).</param>
    public static JsonInput Parse(Stream stream, string fileName, string expected)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (IsBlank(bytes.Span))
        {
            throw new DiagnosticException(DiagnosticMessages.Empty.At(fileName, DiagnosticLocation.AtLine(1), expected));
        }

        if (StrictUtf8.FirstInvalid(bytes.Span) is { } invalid)
        {
            throw new DiagnosticException(DiagnosticMessages.NotUtf8.At(fileName, DiagnosticLocation.At(invalid.Line, invalid.Column)));
        }

        try
        {
            return new JsonInput(fileName, JsonDocument.Parse(bytes, Options));
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new DiagnosticException(DiagnosticMessages.InvalidJson.At(fileName, DiagnosticLocation.At(line, column), ReaderMessage(e)));
        }
    }

    public void Dispose() => _document.Dispose();

    public DiagnosticException Error(string path, string message) => new(Diagnostic.Invalid(FileName, DiagnosticLocation.AtPath(path), message));

    /// <summary>The path of a member: <c>$.anthropic</c>, <c>$.anthropic.models["gpt-4o"]</c>.</summary>
    public static string Member(string path, string name) =>
        IsPlainName(name) ? $"{path}.{name}" : $"{path}[{JsonSerializer.Serialize(name)}]";

    public static string Item(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>
    /// The members of an object, each name once: a JSON parser keeps both of two members with the same
    /// name, and a dataset that lists a model twice cannot say which entry holds.
    /// </summary>
    public IEnumerable<JsonProperty> Members(JsonElement element, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in Object(element, path).EnumerateObject())
        {
            if (!seen.Add(member.Name))
            {
                throw Error(Member(path, member.Name), "duplicate key: expected each name once in its object");
            }

            yield return member;
        }
    }

    /// <summary>The element itself must be an object.</summary>
    public JsonElement Object(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element : throw Error(path, $"expected an object, found {Describe(element)}");

    /// <summary>A member that is absent or null gives false; any other kind than an object is an error.</summary>
    public bool TryObject(JsonElement parent, string name, string path, out JsonElement value, out string valuePath)
    {
        valuePath = Member(path, name);
        if (!TryMember(parent, name, out value))
        {
            return false;
        }

        Object(value, valuePath);
        return true;
    }

    public bool TryArray(JsonElement parent, string name, string path, out JsonElement value, out string valuePath)
    {
        valuePath = Member(path, name);
        if (!TryMember(parent, name, out value))
        {
            return false;
        }

        return value.ValueKind == JsonValueKind.Array
            ? true
            : throw Error(valuePath, $"expected an array, found {Describe(value)}");
    }

    public string? String(JsonElement parent, string name, string path)
    {
        if (!TryMember(parent, name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Error(Member(path, name), $"expected a string, found {Describe(value)}");
    }

    public bool? Boolean(JsonElement parent, string name, string path)
    {
        if (!TryMember(parent, name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(Member(path, name), $"expected true or false, found {Describe(value)}"),
        };
    }

    /// <summary>
    /// A date written <c>YYYY-MM-DD</c> or <c>YYYY-MM</c> (read as the month's first day); null when absent
    /// or when it names no calendar day (see <see cref="DatasetValues.TryParseDate"/>). Given the metric it
    /// would be, a date naming no calendar day is kept in <see cref="Dropped"/>, so the import's summary
    /// counts it instead of losing it without a word.
    /// </summary>
    public DateOnly? Date(JsonElement parent, string name, string path, string? metricId = null)
    {
        var text = String(parent, name, path);
        if (text is null)
        {
            return null;
        }

        if (!DatasetValues.TryParseDate(text, out var date))
        {
            throw Error(Member(path, name), $"expected a date YYYY-MM-DD or YYYY-MM, found \"{text}\"");
        }

        if (date is null && metricId is not null)
        {
            _dropped.Add(new DroppedValue(Member(path, name), metricId, text, "names no calendar day"));
        }

        return date;
    }

    /// <summary>Dates read with their metric that name no calendar day (2025-13-45), where they were.</summary>
    public IReadOnlyList<DroppedValue> Dropped => _dropped;

    /// <summary>
    /// A non-negative number, read exactly as a decimal (<c>3e-06</c> is 0.000003, not the nearest double).
    /// With <paramref name="allowString"/>, a string holding a number is accepted too (LiteLLM's loose types);
    /// with <paramref name="whole"/>, the value must be a whole number (<c>8192.0</c> is fine, <c>8192.5</c> is not).
    /// </summary>
    public decimal? Number(JsonElement parent, string name, string path, bool allowString = false, bool whole = false)
    {
        if (!TryMember(parent, name, out var value))
        {
            return null;
        }

        var valuePath = Member(path, name);
        decimal number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (!value.TryGetDecimal(out number))
            {
                throw Error(valuePath, $"expected a number within ±7.9e28, found {value.GetRawText()}");
            }
        }
        else if (allowString && value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                throw Error(valuePath, $"expected a number, found {Describe(value)}");
            }
        }
        else
        {
            throw Error(valuePath, $"expected a number, found {Describe(value)}");
        }

        if (number < 0)
        {
            throw Error(valuePath, $"expected a number not below zero, found {value.GetRawText()}");
        }

        if (whole && number != decimal.Truncate(number))
        {
            throw Error(valuePath, $"expected a whole number, found {value.GetRawText()}");
        }

        return number;
    }

    /// <summary>What an unexpected value is, for messages: <c>a string "abc"</c>, <c>an array</c>, <c>null</c>.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"a string {Shorten(value.GetRawText())}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    // A member written as null says no more than an absent one.
    private static bool TryMember(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "…");

    private static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    // System.Text.Json ends its messages with "Path: $ | LineNumber: 3 | BytePositionInLine: 0."; the location is given separately.
    private static string ReaderMessage(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (cut >= 0 ? message[..cut] : message).Trim();
    }
}
