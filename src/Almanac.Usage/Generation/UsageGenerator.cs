using System.Globalization;
using System.Text;
using System.Text.Json;
using Almanac.Usage.Readers;

namespace Almanac.Usage.Generation;

/// <summary>One model a generated log calls: the string written, the canonical model and developer it stands for, who serves it.</summary>
public sealed record GeneratedModel(string Written, string ModelId, string Developer, string Provider);

/// <summary>
/// What a generated log holds, counted as it was written, so an ingest can be checked exactly: tokens
/// (input + output) and requests by month and developer, provider and model; and how users' main model
/// changed from one month to the next (stayed on the model, moved to another model of the same
/// developer, switched developer), over users active in both months; and the adoption of the release it plants.
/// </summary>
public sealed record GenerationTruth(
    long Events,
    int Seed,
    string Format,
    IReadOnlyList<GeneratedModel> Models,
    IReadOnlyList<TruthCount> Counts,
    IReadOnlyList<TruthSwitching> Switching,
    TruthAdoption Adoption);

/// <param name="Dimension"><c>developer</c>, <c>provider</c> or <c>model</c>.</param>
/// <param name="Month"><c>2026-01</c>.</param>
public sealed record TruthCount(string Dimension, string Month, string Key, long Tokens, long Requests);

public sealed record TruthSwitching(string From, string To, long Stayed, long Moved, long Switched);

/// <summary>
/// Synthetic usage logs with known contents (<c>usage generate</c>): users with a main model each month,
/// most staying, some moving within a developer, some switching developer; every call of a user in a
/// month goes to that month's main model, except the share a planted release takes (<see cref="PlantedRelease"/>). Written a line at a time; the same seed gives the same bytes.
/// </summary>
public static class UsageGenerator
{
    /// <summary>
    /// The models generated logs call, written as real logs write them (dated snapshots, gateway
    /// prefixes), with the canonical model each lands on in the catalogue.
    /// </summary>
    public static readonly IReadOnlyList<GeneratedModel> Models =
    [
        new("gpt-4o-2024-08-06", "gpt-4o", "openai", "openai"),
        new("gpt-4o-mini", "gpt-4o-mini", "openai", "openai"),
        new("azure/gpt-4o-mini", "gpt-4o-mini", "openai", "azure"),
        new("claude-3-5-sonnet-20240620", "claude-3-5-sonnet", "anthropic", "anthropic"),
        new("bedrock/anthropic.claude-3-5-haiku-20241022-v1:0", "claude-3-5-haiku", "anthropic", "bedrock"),
        new("gemini-1.5-pro", "gemini-1-5-pro", "google", "gemini"),
    ];

    private static readonly DateTimeOffset FirstMonth = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int Months = 3;
    private const int EventsPerUser = 200;
    private const double Stay = 0.7;
    private const double Move = 0.15;
    private const double ErrorRate = 0.02;

    public static GenerationTruth Write(long events, UsageFormat format, int seed, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var random = new Random(seed);
        var users = (int)Math.Max(10, events / EventsPerUser);
        var main = new int[users, Months];
        for (var u = 0; u < users; u++)
        {
            main[u, 0] = random.Next(Models.Count);
            for (var m = 1; m < Months; m++)
            {
                main[u, m] = Next(main[u, m - 1], random);
            }
        }

        var active = new bool[users, Months];
        var counts = new Dictionary<(string, string, string), (long Tokens, long Requests)>();
        var release = new PlantedRelease(users, Months);
        var writer = new LineWriter(format, output);
        writer.Header();
        for (long i = 0; i < events; i++)
        {
            var month = (int)(i * Months / events);
            var start = FirstMonth.AddMonths(month);
            var span = (long)(start.AddMonths(1) - start).TotalMilliseconds;
            var at = start.ToUnixTimeMilliseconds() + (long)(random.NextDouble() * span);
            var user = random.Next(users);
            active[user, month] = true;
            var model = PlantedRelease.Route(Models[main[user, month]], at, random);
            var input = random.Next(100, 4000);
            var output2 = random.Next(10, 1000);
            var cached = input * random.Next(0, 50) / 100;
            var duration = 200 + (random.NextDouble() * 3000);
            var ttft = duration * (0.1 + (random.NextDouble() * 0.3));
            var failed = random.NextDouble() < ErrorRate;
            writer.Event(new UsageEvent(
                $"gen-{seed}-{i}", at, Math.Round(duration, 3), Math.Round(ttft, 3), format.Code(), model.Written, string.Empty, string.Empty,
                model.Written.Contains('/', StringComparison.Ordinal) ? string.Empty : model.Provider,
                input, output2, cached, 0, 1, failed ? 1 : 0, null, null,
                $"user-{user}", $"team-{user % 7}", $"app-{user % 3}", user % 5 == 0 ? "batch" : string.Empty));

            release.Count(user, month, model, at, input + output2);
            var monthText = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            foreach (var (dimension, key) in new[] { ("developer", model.Developer), ("provider", model.Provider), ("model", model.ModelId) })
            {
                var (t, r) = counts.GetValueOrDefault((dimension, monthText, key));
                counts[(dimension, monthText, key)] = (t + input + output2, r + 1);
            }
        }

        var switching = new List<TruthSwitching>();
        for (var m = 1; m < Months; m++)
        {
            long stayed = 0, moved = 0, switched = 0;
            for (var u = 0; u < users; u++)
            {
                if (!active[u, m - 1] || !active[u, m])
                {
                    continue;
                }

                var (before, after) = (release.MainOf(u, m - 1, Models[main[u, m - 1]]), release.MainOf(u, m, Models[main[u, m]]));
                if (before.ModelId == after.ModelId)
                {
                    stayed++;
                }
                else if (before.Developer == after.Developer)
                {
                    moved++;
                }
                else
                {
                    switched++;
                }
            }

            switching.Add(new TruthSwitching(
                FirstMonth.AddMonths(m - 1).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                FirstMonth.AddMonths(m).ToString("yyyy-MM", CultureInfo.InvariantCulture), stayed, moved, switched));
        }

        var rows = counts.OrderBy(c => c.Key.Item1, StringComparer.Ordinal).ThenBy(c => c.Key.Item2, StringComparer.Ordinal).ThenBy(c => c.Key.Item3, StringComparer.Ordinal)
            .Select(c => new TruthCount(c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Value.Tokens, c.Value.Requests)).ToList();
        return new GenerationTruth(events, seed, format.Code(), [.. Models, PlantedRelease.Model], rows, switching, release.Truth());
    }

    /// <summary>The truth as the small JSON file written beside a generated log.</summary>
    public static string TruthJson(GenerationTruth truth) => JsonSerializer.Serialize(truth, TruthOptions);

    private static readonly JsonSerializerOptions TruthOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // Next month's main model: stay, move to another model of the same developer, or switch developer.
    private static int Next(int current, Random random)
    {
        var roll = random.NextDouble();
        var developer = Models[current].Developer;
        var sameModel = Models.Select((m, i) => (m, i)).Where(x => x.m.ModelId == Models[current].ModelId).Select(x => x.i).ToArray();
        var sameDeveloper = Models.Select((m, i) => (m, i)).Where(x => x.m.Developer == developer && x.m.ModelId != Models[current].ModelId).Select(x => x.i).ToArray();
        var others = Models.Select((m, i) => (m, i)).Where(x => x.m.Developer != developer).Select(x => x.i).ToArray();
        if (roll < Stay || (roll < Stay + Move && sameDeveloper.Length == 0))
        {
            return sameModel[random.Next(sameModel.Length)];
        }

        return roll < Stay + Move ? sameDeveloper[random.Next(sameDeveloper.Length)] : others[random.Next(others.Length)];
    }

    /// <summary>Writes events in one format, a line each.</summary>
    private sealed class LineWriter(UsageFormat format, TextWriter output)
    {
        private readonly StringBuilder _line = new();

        public void Header()
        {
            switch (format)
            {
                case UsageFormat.LiteLlm:
                    output.WriteLine("request_id,call_type,startTime,endTime,completionStartTime,model,custom_llm_provider,prompt_tokens,completion_tokens,total_tokens,spend,user,team_id,request_tags,status,metadata");
                    break;
                case UsageFormat.Csv:
                    output.WriteLine("id,time,model,provider,input_tokens,output_tokens,cache_read_tokens,requests,errors,duration_ms,ttft_ms,user,team,app,tags");
                    break;
            }
        }

        public void Event(UsageEvent e)
        {
            _line.Clear();
            switch (format)
            {
                case UsageFormat.LiteLlm:
                    var start = DateTimeOffset.FromUnixTimeMilliseconds(e.StartMs);
                    _line.Append(e.EventId).Append(",acompletion,").Append(Iso(start)).Append(',').Append(Iso(start.AddMilliseconds(e.DurationMs ?? 0)))
                        .Append(',').Append(Iso(start.AddMilliseconds(e.TimeToFirstTokenMs ?? 0))).Append(',').Append(e.ModelRaw).Append(',').Append(e.Provider)
                        .Append(',').Append(e.InputTokens).Append(',').Append(e.OutputTokens).Append(',').Append(e.InputTokens + e.OutputTokens)
                        .Append(",,").Append(e.User).Append(',').Append(e.Team).Append(',')
                        .Append(e.Tags.Length == 0 ? "[]" : $"\"[\"\"{e.Tags}\"\"]\"").Append(',').Append(e.Errors > 0 ? "failure" : "success")
                        .Append(",\"{\"\"user_api_key_alias\"\": \"\"").Append(e.App).Append("\"\", \"\"usage_object\"\": {\"\"cache_read_input_tokens\"\": ")
                        .Append(e.CacheReadTokens).Append("}}\"");
                    break;
                case UsageFormat.Otel:
                    var startNs = e.StartMs * 1_000_000;
                    var endNs = startNs + (long)((e.DurationMs ?? 0) * 1_000_000);
                    _line.Append("{\"resourceSpans\":[{\"resource\":{\"attributes\":[").Append(Attribute("service.name", e.App)).Append(',').Append(Attribute("team.id", e.Team))
                        .Append("]},\"scopeSpans\":[{\"scope\":{\"name\":\"almanac.usage.generate\"},\"spans\":[{\"traceId\":\"").Append(e.EventId)
                        .Append("\",\"spanId\":\"").Append(e.EventId).Append("\",\"name\":\"chat ").Append(e.ModelRaw)
                        .Append("\",\"startTimeUnixNano\":\"").Append(startNs).Append("\",\"endTimeUnixNano\":\"").Append(endNs).Append("\",\"attributes\":[")
                        .Append(Attribute("gen_ai.request.model", e.ModelRaw)).Append(',');
                    if (e.Provider.Length > 0)
                    {
                        _line.Append(Attribute("gen_ai.provider.name", e.Provider)).Append(',');
                    }

                    _line.Append(Whole("gen_ai.usage.input_tokens", e.InputTokens)).Append(',').Append(Whole("gen_ai.usage.output_tokens", e.OutputTokens)).Append(',')
                        .Append(Whole("gen_ai.usage.cache_read.input_tokens", e.CacheReadTokens)).Append(',').Append(Attribute("user.id", e.User));
                    if (e.Tags.Length > 0)
                    {
                        _line.Append(',').Append(Attribute("tags", e.Tags));
                    }

                    _line.Append("],\"status\":{").Append(e.Errors > 0 ? "\"code\":2" : string.Empty).Append("}}]}]}]}");
                    break;
                default:
                    _line.Append(e.EventId).Append(',').Append(e.StartMs).Append(',').Append(e.ModelRaw).Append(',').Append(e.Provider).Append(',')
                        .Append(e.InputTokens).Append(',').Append(e.OutputTokens).Append(',').Append(e.CacheReadTokens).Append(',').Append(e.Requests).Append(',')
                        .Append(e.Errors).Append(',').Append(Number(e.DurationMs)).Append(',').Append(Number(e.TimeToFirstTokenMs)).Append(',')
                        .Append(e.User).Append(',').Append(e.Team).Append(',').Append(e.App).Append(',').Append(e.Tags);
                    break;
            }

            output.WriteLine(_line);
        }

        private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

        private static string Attribute(string key, string value) => $"{{\"key\":\"{key}\",\"value\":{{\"stringValue\":{JsonSerializer.Serialize(value)}}}}}";

        private static string Whole(string key, long value) => $"{{\"key\":\"{key}\",\"value\":{{\"intValue\":\"{value}\"}}}}";
    }
}
