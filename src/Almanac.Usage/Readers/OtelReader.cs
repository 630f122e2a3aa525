using System.Globalization;
using System.Text.Json;
using Almanac.Diagnostics;

namespace Almanac.Usage.Readers;

/// <summary>
/// OpenTelemetry GenAI spans in OTLP/JSON: <c>ExportTraceServiceRequest</c> documents, one per line (as the
/// OTLP file exporter and collectors write them, read a line at a time) or one per file (read whole:
/// a pretty-printed document has no line to stop at). A span is an LLM call when it names a request or
/// response model; other spans (workflows, tools) are passed over. The attribute names read are in
/// <c>otel-attributes.tsv</c>.
/// </summary>
public sealed class OtelReader : IUsageReader
{
    private static readonly Dictionary<string, string[]> Attributes = AttributeTable.Load("otel-attributes.tsv");

    public UsageFormat Format => UsageFormat.Otel;

    public IEnumerable<UsageEvent> Read(Stream stream, string file, ReadLog log)
    {
        foreach (var (line, text) in JsonDocuments.Read(stream))
        {
            foreach (var e in Document(text, line, file, log))
            {
                yield return e;
            }
        }
    }

    private static List<UsageEvent> Document(string text, int startLine, string file, ReadLog log)
    {
        if (JsonDocuments.Parse(text, startLine, file, log) is not { } document)
        {
            return [];
        }

        using (document)
        {
            var events = new List<UsageEvent>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceSpans", out var resourceSpans) || resourceSpans.ValueKind != JsonValueKind.Array)
            {
                log.Skip(Diagnostic.Invalid(file, DiagnosticLocation.AtLine(startLine), "not an OTLP ExportTraceServiceRequest: no resourceSpans array"));
                return events;
            }

            var r = 0;
            foreach (var resourceSpan in resourceSpans.EnumerateArray())
            {
                var resource = resourceSpan.TryGetProperty("resource", out var res) ? AttributesOf(res) : [];
                var s = 0;
                foreach (var scopeSpan in Items(resourceSpan, "scopeSpans"))
                {
                    var k = 0;
                    foreach (var span in Items(scopeSpan, "spans"))
                    {
                        var path = $"$.resourceSpans[{r}].scopeSpans[{s}].spans[{k}]";
                        try
                        {
                            if (Span(span, resource) is { } e)
                            {
                                events.Add(e);
                            }
                            else
                            {
                                log.PassOver();
                            }
                        }
                        catch (SpanException problem)
                        {
                            log.Skip(Diagnostic.Invalid(file, DiagnosticLocation.AtLine(startLine).WithPath(path + problem.Path), problem.Message));
                        }

                        k++;
                    }

                    s++;
                }

                r++;
            }

            return events;
        }
    }

    private static readonly JsonElement NoItems = JsonDocument.Parse("[]").RootElement;

    private static JsonElement.ArrayEnumerator Items(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray()
            : NoItems.EnumerateArray();

    private static UsageEvent? Span(JsonElement span, Dictionary<string, JsonElement> resource)
    {
        var attributes = span.TryGetProperty("attributes", out _) ? AttributesOf(span) : [];
        string? Text(string field) => Find(field, attributes, resource) is { } v ? AsText(v) : null;

        var model = NonEmpty(Text("model_response")) ?? NonEmpty(Text("model_request"));
        if (model is null)
        {
            return null;
        }

        var start = UsageTime.NanosOf(StringOf(span, "startTimeUnixNano"))
            ?? throw new SpanException(".startTimeUnixNano", "no start time in nanoseconds");
        var end = UsageTime.NanosOf(StringOf(span, "endTimeUnixNano"));
        if (end is { } e && e < start)
        {
            throw new SpanException(".endTimeUnixNano", "the span ends before it starts");
        }

        var failed = span.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
            && status.TryGetProperty("code", out var code) && IsError(code);
        failed |= NonEmpty(Text("error")) is not null;

        var id = StringOf(span, "spanId");
        var ttft = Number("ttft_seconds", attributes, resource);
        return new UsageEvent(
            EventId: string.IsNullOrEmpty(id) ? EventIds.OfContent("otel", span.GetRawText()) : id,
            StartMs: start / 1_000_000,
            DurationMs: end is { } finish ? (finish - start) / 1e6 : null,
            TimeToFirstTokenMs: ttft * 1000,
            Source: "otel",
            ModelRaw: model,
            ModelId: string.Empty,
            DeveloperId: string.Empty,
            Provider: NonEmpty(Text("provider")) ?? string.Empty,
            InputTokens: Tokens("input_tokens", attributes, resource),
            OutputTokens: Tokens("output_tokens", attributes, resource),
            CacheReadTokens: Tokens("cache_read_tokens", attributes, resource),
            ReasoningTokens: Tokens("reasoning_tokens", attributes, resource),
            Requests: 1,
            Errors: failed ? 1 : 0,
            CostLogged: Number("cost", attributes, resource),
            CostListed: null,
            User: NonEmpty(Text("user")) ?? string.Empty,
            Team: NonEmpty(Text("team")) ?? string.Empty,
            App: NonEmpty(Text("app")) ?? string.Empty,
            Tags: TagsOf(Find("tags", attributes, resource)));
    }

    // OTLP/JSON writes the status code as its enum name or its number; 2 is STATUS_CODE_ERROR.
    private static bool IsError(JsonElement code) =>
        code.ValueKind == JsonValueKind.Number ? code.TryGetInt32(out var n) && n == 2 : code.ValueKind == JsonValueKind.String && code.GetString() is "STATUS_CODE_ERROR" or "2";

    private static JsonElement? Find(string field, Dictionary<string, JsonElement> span, Dictionary<string, JsonElement> resource)
    {
        foreach (var name in Attributes[field])
        {
            if (span.TryGetValue(name, out var v) && !IsEmpty(v))
            {
                return v;
            }
        }

        foreach (var name in Attributes[field])
        {
            if (resource.TryGetValue(name, out var v) && !IsEmpty(v))
            {
                return v;
            }
        }

        return null;
    }

    private static bool IsEmpty(JsonElement value) => value.TryGetProperty("stringValue", out var s) && s.GetString() is null or "";

    private static long Tokens(string field, Dictionary<string, JsonElement> span, Dictionary<string, JsonElement> resource)
    {
        if (Find(field, span, resource) is not { } value)
        {
            return 0;
        }

        var number = AsNumber(value);
        if (number is not { } n || n < 0 || n != Math.Floor(n))
        {
            throw new SpanException($".attributes[{Attributes[field][0]}]", $"{field.Replace('_', ' ')} is not a whole number: {value.GetRawText()}");
        }

        return (long)n;
    }

    private static double? Number(string field, Dictionary<string, JsonElement> span, Dictionary<string, JsonElement> resource) =>
        Find(field, span, resource) is { } value ? AsNumber(value) : null;

    private static Dictionary<string, JsonElement> AttributesOf(JsonElement owner)
    {
        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty("attributes", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return found;
        }

        foreach (var attribute in list.EnumerateArray())
        {
            if (attribute.ValueKind == JsonValueKind.Object && attribute.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String
                && attribute.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object)
            {
                found[key.GetString()!] = value;
            }
        }

        return found;
    }

    /// <summary>An OTLP AnyValue as text: a string as is, numbers and booleans as written.</summary>
    private static string? AsText(JsonElement value)
    {
        foreach (var property in value.EnumerateObject())
        {
            return property.Name switch
            {
                "stringValue" => property.Value.GetString(),
                "intValue" or "doubleValue" => property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText(),
                "boolValue" => property.Value.GetRawText(),
                _ => null,
            };
        }

        return null;
    }

    /// <summary>An OTLP AnyValue as a number: intValue is a JSON string in proto3 JSON, but some exporters write a number.</summary>
    private static double? AsNumber(JsonElement value) =>
        double.TryParse(AsText(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    private static string TagsOf(JsonElement? value)
    {
        if (value is not { } v)
        {
            return string.Empty;
        }

        IEnumerable<string?> tags = v.TryGetProperty("arrayValue", out var array) && array.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(AsText)
            : (AsText(v) ?? string.Empty).Split(',');
        return Tags.Join(tags);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null : null;

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed class SpanException(string path, string message) : Exception(message)
    {
        public string Path { get; } = path;
    }
}
