using System.Globalization;
using System.Text.Json;
using Almanac.Diagnostics;

namespace Almanac.Usage.Readers;

/// <summary>
/// OpenAI organisation usage pages (<c>GET /v1/organization/usage/completions</c>) and cost pages
/// (<c>GET /v1/organization/costs</c>), a page per file or one per line, bare or as a saved response
/// under <c>response</c>. Each completions result of a bucket is one event standing for the bucket's
/// <c>num_model_requests</c> calls, keyed by the bucket start and the grouping fields. Each cost result
/// is an event of its own with the cost and no tokens or requests: OpenAI reports costs apart from
/// usage (by project and line item, not by model and user), so attaching them to usage results would
/// mean guessing a split. Spend shares and cost totals take them in; token and request shares do not
/// see them. Other usage kinds (embeddings, images…) are passed over.
/// </summary>
public sealed class OpenAiUsageReader : IUsageReader
{
    private const string CompletionsResult = "organization.usage.completions.result";
    private const string CostsResult = "organization.costs.result";

    public UsageFormat Format => UsageFormat.OpenAi;

    public IEnumerable<UsageEvent> Read(Stream stream, string file, ReadLog log)
    {
        foreach (var (line, text) in JsonDocuments.Read(stream))
        {
            if (JsonDocuments.Parse(text, line, file, log) is not { } document)
            {
                continue;
            }

            using (document)
            {
                foreach (var e in Page(document.RootElement, line, file, log))
                {
                    yield return e;
                }
            }
        }
    }

    private static List<UsageEvent> Page(JsonElement root, int line, string file, ReadLog log)
    {
        var events = new List<UsageEvent>();
        var prefix = "$";
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object)
        {
            root = response;
            prefix = "$.response";
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            log.Skip(Diagnostic.Invalid(file, DiagnosticLocation.AtLine(line), "not an OpenAI usage or costs page: no data array of buckets"));
            return events;
        }

        var b = 0;
        foreach (var bucket in data.EnumerateArray())
        {
            var path = $"{prefix}.data[{b++}]";
            if (bucket.ValueKind != JsonValueKind.Object || Whole(bucket, "start_time") is not { } start)
            {
                log.Skip(Diagnostic.Invalid(file, DiagnosticLocation.AtLine(line).WithPath($"{path}.start_time"), "a bucket without a start time in Unix seconds"));
                continue;
            }

            var results = bucket.TryGetProperty("results", out var r) ? r : bucket.TryGetProperty("result", out r) ? r : default;
            if (results.ValueKind != JsonValueKind.Array)
            {
                log.Skip(Diagnostic.Invalid(file, DiagnosticLocation.AtLine(line).WithPath($"{path}.results"), "a bucket without a results array"));
                continue;
            }

            var i = 0;
            foreach (var result in results.EnumerateArray())
            {
                var at = $"{path}.results[{i++}]";
                var kind = Text(result, "object");
                try
                {
                    if (kind == CompletionsResult)
                    {
                        events.Add(Completions(result, start));
                    }
                    else if (kind == CostsResult)
                    {
                        events.Add(Costs(result, start));
                    }
                    else
                    {
                        log.PassOver();
                    }
                }
                catch (FieldException problem)
                {
                    log.Skip(Diagnostic.Invalid(file, DiagnosticLocation.AtLine(line).WithPath($"{at}.{problem.Field}"), problem.Message));
                }
            }
        }

        return events;
    }

    private static UsageEvent Completions(JsonElement result, long startSeconds)
    {
        string[] grouping = ["project_id", "user_id", "api_key_id", "model", "batch", "service_tier"];
        var key = "openai:" + startSeconds.ToString(CultureInfo.InvariantCulture) + ":" + string.Join('|', grouping.Select(g => Raw(result, g)));
        return new UsageEvent(
            EventId: key,
            StartMs: startSeconds * 1000,
            DurationMs: null,
            TimeToFirstTokenMs: null,
            Source: "openai",
            ModelRaw: Text(result, "model") ?? string.Empty,
            ModelId: string.Empty,
            DeveloperId: string.Empty,
            Provider: "openai",
            InputTokens: Count(result, "input_tokens"),
            OutputTokens: Count(result, "output_tokens"),
            CacheReadTokens: Count(result, "input_cached_tokens"),
            ReasoningTokens: 0,
            Requests: Count(result, "num_model_requests"),
            Errors: 0,
            CostLogged: null,
            CostListed: null,
            User: Text(result, "user_id") ?? Text(result, "api_key_id") ?? string.Empty,
            Team: Text(result, "project_id") ?? string.Empty,
            App: Text(result, "api_key_id") ?? string.Empty,
            Tags: Tags.Join([Text(result, "service_tier"), Text(result, "batch") is "true" ? "batch" : null]));
    }

    private static UsageEvent Costs(JsonElement result, long startSeconds)
    {
        if (!result.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.Object
            || !amount.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Number)
        {
            throw new FieldException("amount.value", "a cost result without an amount");
        }

        var currency = Text(amount, "currency") ?? "usd";
        if (!currency.Equals("usd", StringComparison.OrdinalIgnoreCase))
        {
            throw new FieldException("amount.currency", $"costs in {currency} are not read: every cost is kept in USD");
        }

        var lineItem = Text(result, "line_item");
        var key = "openai-cost:" + startSeconds.ToString(CultureInfo.InvariantCulture) + ":" + Raw(result, "project_id") + "|" + Raw(result, "line_item") + "|" + Raw(result, "api_key_id");

        // A line item reads "gpt-4o-2024-08-06, input": the model before the comma.
        return new UsageEvent(
            key, startSeconds * 1000, null, null, "openai", lineItem?.Split(',')[0].Trim() ?? string.Empty, string.Empty, string.Empty, "openai",
            0, 0, 0, 0, 0, 0, value.GetDouble(), null,
            string.Empty, Text(result, "project_id") ?? string.Empty, Text(result, "api_key_id") ?? string.Empty, string.Empty);
    }

    private static long Count(JsonElement result, string field)
    {
        if (!result.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n >= 0 ? n : throw new FieldException(field, $"not a whole number: {v.GetRawText()}");
    }

    private static long? Whole(JsonElement element, string field) =>
        element.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    private static string? Text(JsonElement element, string field) =>
        element.TryGetProperty(field, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static string Raw(JsonElement element, string field) => element.TryGetProperty(field, out var v) ? v.GetRawText() : "null";

    private sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}
