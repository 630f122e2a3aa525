using System.Globalization;
using System.Text.Json;
using Almanac.Diagnostics;

namespace Almanac.Usage.Readers;

/// <summary>
/// LiteLLM's <c>LiteLLM_SpendLogs</c> table exported as CSV with its column names: one row per request.
/// <c>request_id</c> is the event id; <c>completionStartTime</c> − <c>startTime</c> the time to first
/// token; <c>spend</c> the logged cost; <c>status</c> <c>failure</c> an error. Cache-read and reasoning
/// tokens are read from <c>metadata.usage_object</c> where LiteLLM keeps the provider's usage block.
/// </summary>
public sealed class LiteLlmReader : IUsageReader
{
    public UsageFormat Format => UsageFormat.LiteLlm;

    public IEnumerable<UsageEvent> Read(Stream stream, string file, ReadLog log)
    {
        foreach (var (line, cells, raw) in CsvRows.Read(stream))
        {
            UsageEvent? e;
            try
            {
                e = Row(cells, raw);
            }
            catch (CellException problem)
            {
                log.Skip(Diagnostic.Invalid(file, DiagnosticLocation.AtLine(line).WithPart($"column {problem.Column}"), problem.Message));
                continue;
            }

            yield return e;
        }
    }

    private static UsageEvent Row(IReadOnlyDictionary<string, string> cells, string raw)
    {
        string Cell(string column) => cells.TryGetValue(column, out var v) ? v.Trim() : string.Empty;

        var start = UsageTime.ParseMs(Cell("startTime")) ?? throw new CellException("startTime", $"not a time: '{Cell("startTime")}'");
        var end = Time(Cell("endTime"), "endTime");
        var firstToken = Time(Cell("completionStartTime"), "completionStartTime");
        double? duration = Number(Cell("request_duration_ms"), "request_duration_ms") ?? (end is { } e ? e - start : null);
        if (duration < 0)
        {
            throw new CellException("endTime", "the request ends before it starts");
        }

        var usage = UsageObject(Cell("metadata"));
        var model = Cell("model");
        var id = Cell("request_id");
        return new UsageEvent(
            EventId: id.Length > 0 ? id : EventIds.OfContent("litellm", raw),
            StartMs: (long)Math.Floor(start),
            DurationMs: duration,
            TimeToFirstTokenMs: firstToken is { } f && f >= start ? f - start : null,
            Source: "litellm",
            ModelRaw: model.Length > 0 ? model : Cell("model_group"),
            ModelId: string.Empty,
            DeveloperId: string.Empty,
            Provider: Cell("custom_llm_provider"),
            InputTokens: Whole(Cell("prompt_tokens"), "prompt_tokens"),
            OutputTokens: Whole(Cell("completion_tokens"), "completion_tokens"),
            CacheReadTokens: usage.CacheRead,
            ReasoningTokens: usage.Reasoning,
            Requests: 1,
            Errors: Cell("status").Equals("failure", StringComparison.OrdinalIgnoreCase) ? 1 : 0,
            CostLogged: Number(Cell("spend"), "spend"),
            CostListed: null,
            User: Cell("user") is { Length: > 0 } user ? user : Cell("end_user"),
            Team: Cell("team_id"),
            App: usage.KeyAlias,
            Tags: TagsOf(Cell("request_tags")));
    }

    private static double? Time(string text, string column) =>
        text.Length == 0 ? null : UsageTime.ParseMs(text) ?? throw new CellException(column, $"not a time: '{text}'");

    private static double? Number(string text, string column) =>
        text.Length == 0 ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n
        : throw new CellException(column, $"not a number: '{text}'");

    private static long Whole(string text, string column) =>
        text.Length == 0 ? 0
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
        : throw new CellException(column, $"not a whole number of tokens: '{text}'");

    /// <summary><c>request_tags</c> is a JSON array of strings (<c>[]</c> when none).</summary>
    private static string TagsOf(string text)
    {
        if (text.Length == 0 || text == "[]")
        {
            return string.Empty;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Array
                ? Tags.Join(json.RootElement.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : t.GetRawText()))
                : throw new CellException("request_tags", "not a JSON array of tags");
        }
        catch (JsonException)
        {
            throw new CellException("request_tags", $"not a JSON array of tags: '{text}'");
        }
    }

    private static (long CacheRead, long Reasoning, string KeyAlias) UsageObject(string metadata)
    {
        if (metadata.Length < 3)
        {
            return (0, 0, string.Empty);
        }

        try
        {
            using var json = JsonDocument.Parse(metadata);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (0, 0, string.Empty);
            }

            var alias = root.TryGetProperty("user_api_key_alias", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() ?? string.Empty : string.Empty;
            if (!root.TryGetProperty("usage_object", out var usage) || usage.ValueKind != JsonValueKind.Object)
            {
                return (0, 0, alias);
            }

            var cache = WholeAt(usage, "cache_read_input_tokens") ?? WholeAt(usage, "prompt_tokens_details", "cached_tokens") ?? 0;
            var reasoning = WholeAt(usage, "completion_tokens_details", "reasoning_tokens") ?? 0;
            return (cache, reasoning, alias);
        }
        catch (JsonException)
        {
            throw new CellException("metadata", "not a JSON object");
        }
    }

    private static long? WholeAt(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var n) ? n : null;
    }

    private sealed class CellException(string column, string message) : Exception(message)
    {
        public string Column { get; } = column;
    }
}
