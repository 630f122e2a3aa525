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

    /// <summary>Every model a generated log names: <see cref="Models"/> and the planted release, which takes some of its developer's calls; a call's model is an index into this list.</summary>
    internal static readonly IReadOnlyList<GeneratedModel> Generated = [.. Models, PlantedRelease.Model];

    private static readonly DateTimeOffset FirstMonth = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int Months = 3;
    private const int EventsPerUser = 200;
    private const double Stay = 0.7;
    private const double Move = 0.15;
    private const double ErrorRate = 0.02;
    private static readonly string[] Dimensions = ["developer", "provider", "model"];

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

        // Everything an event needs besides its random draws is looked up, not built: month bounds and
        // names, and each model's key in each dimension as an index, so the truth is counted in arrays.
        var monthStartMs = new long[Months];
        var monthSpanMs = new long[Months];
        var monthNames = new string[Months];
        for (var m = 0; m < Months; m++)
        {
            var start = FirstMonth.AddMonths(m);
            monthStartMs[m] = start.ToUnixTimeMilliseconds();
            monthSpanMs[m] = (long)(start.AddMonths(1) - start).TotalMilliseconds;
            monthNames[m] = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        var keys = new string[Dimensions.Length][];
        var keyOf = new int[Dimensions.Length, Generated.Count];
        for (var d = 0; d < Dimensions.Length; d++)
        {
            var dimension = d;
            keys[d] = Generated.Select(m => KeyIn(dimension, m)).Distinct(StringComparer.Ordinal).ToArray();
            for (var i = 0; i < Generated.Count; i++)
            {
                keyOf[d, i] = Array.IndexOf(keys[d], KeyIn(d, Generated[i]));
            }
        }

        var tokens = new long[Dimensions.Length, Months, Generated.Count];
        var requests = new long[Dimensions.Length, Months, Generated.Count];
        var active = new bool[users, Months];
        var release = new PlantedRelease(users, Months);
        var writer = LineWriter.For(format, seed, output);
        writer.Header();
        for (long i = 0; i < events; i++)
        {
            var month = (int)(i * Months / events);
            var at = monthStartMs[month] + (long)(random.NextDouble() * monthSpanMs[month]);
            var user = random.Next(users);
            active[user, month] = true;
            // The planted release takes some of its developer's calls; its index follows the other models'.
            var routed = PlantedRelease.Route(Models[main[user, month]], at, random);
            var model = ReferenceEquals(routed, PlantedRelease.Model) ? Models.Count : main[user, month];
            var input = random.Next(100, 4000);
            var outputTokens = random.Next(10, 1000);
            var cached = input * random.Next(0, 50) / 100;
            var duration = 200 + (random.NextDouble() * 3000);
            var ttft = duration * (0.1 + (random.NextDouble() * 0.3));
            var failed = random.NextDouble() < ErrorRate;
            writer.Event(new GeneratedCall(i, at, Math.Round(duration, 3), Math.Round(ttft, 3), model, input, outputTokens, cached, failed, user));
            release.Count(user, month, routed, at, input + outputTokens);
            for (var d = 0; d < Dimensions.Length; d++)
            {
                tokens[d, month, keyOf[d, model]] += input + outputTokens;
                requests[d, month, keyOf[d, model]]++;
            }
        }

        writer.Finish();
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

            switching.Add(new TruthSwitching(monthNames[m - 1], monthNames[m], stayed, moved, switched));
        }

        var rows = new List<TruthCount>();
        for (var d = 0; d < Dimensions.Length; d++)
        {
            for (var m = 0; m < Months; m++)
            {
                for (var k = 0; k < keys[d].Length; k++)
                {
                    if (requests[d, m, k] > 0)
                    {
                        rows.Add(new TruthCount(Dimensions[d], monthNames[m], keys[d][k], tokens[d, m, k], requests[d, m, k]));
                    }
                }
            }
        }

        rows = rows.OrderBy(c => c.Dimension, StringComparer.Ordinal).ThenBy(c => c.Month, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        return new GenerationTruth(events, seed, format.Code(), Generated, rows, switching, release.Truth());
    }

    private static string KeyIn(int dimension, GeneratedModel model) => dimension switch
    {
        0 => model.Developer,
        1 => model.Provider,
        _ => model.ModelId,
    };

    /// <summary>The truth as the small JSON file written beside a generated log.</summary>
    public static string TruthJson(GenerationTruth truth) => JsonSerializer.Serialize(truth, TruthOptions);

    internal static readonly JsonSerializerOptions TruthOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

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

    /// <summary>One generated call: its number in the log, its draws, and the model and user it went to (indexes).</summary>
    private readonly record struct GeneratedCall(
        long Number, long StartMs, double DurationMs, double TtftMs, int Model, int InputTokens, int OutputTokens, int CacheReadTokens, bool Failed, int User);

    /// <summary>Writes events in one format, a line each.</summary>
    private abstract class LineWriter(TextWriter output)
    {
        protected TextWriter Output { get; } = output;

        public static LineWriter For(UsageFormat format, int seed, TextWriter output) =>
            format == UsageFormat.Csv ? new CsvLineWriter(seed, output) : new RecordLineWriter(format, seed, output);

        public abstract void Header();

        public abstract void Event(in GeneratedCall call);

        /// <summary>Writes out whatever the writer still holds.</summary>
        public virtual void Finish()
        {
        }

        protected static string Provider(GeneratedModel model) => model.Written.Contains('/', StringComparison.Ordinal) ? string.Empty : model.Provider;
    }

    /// <summary>
    /// The mapped CSV, the format benchmarks generate by the hundred million: each line is formatted into
    /// one reused character buffer (numbers written in place, fixed text copied from precomputed strings)
    /// and handed to the writer a buffer at a time, so an event costs its draws and its characters only.
    /// </summary>
    private sealed class CsvLineWriter(int seed, TextWriter output) : LineWriter(output)
    {
        private const int Flushed = 1 << 16;

        // The longest line is far below this: an id, six numbers, two decimals, names of a few dozen characters.
        private const int LongestLine = 1024;

        private readonly char[] _buffer = new char[Flushed + LongestLine];
        private readonly string _idPrefix = $"gen-{seed}-";
        private readonly string[] _modelAndProvider = Generated.Select(m => "," + m.Written + "," + Provider(m) + ",").ToArray();
        private int _used;

        public override void Header() => Output.WriteLine("id,time,model,provider,input_tokens,output_tokens,cache_read_tokens,requests,errors,duration_ms,ttft_ms,user,team,app,tags");

        public override void Event(in GeneratedCall call)
        {
            var line = _buffer.AsSpan(_used);
            var n = 0;
            Text(line, ref n, _idPrefix);
            Whole(line, ref n, call.Number);
            line[n++] = ',';
            Whole(line, ref n, call.StartMs);
            Text(line, ref n, _modelAndProvider[call.Model]);
            Whole(line, ref n, call.InputTokens);
            line[n++] = ',';
            Whole(line, ref n, call.OutputTokens);
            line[n++] = ',';
            Whole(line, ref n, call.CacheReadTokens);
            Text(line, ref n, call.Failed ? ",1,1," : ",1,0,");
            Decimal(line, ref n, call.DurationMs);
            line[n++] = ',';
            Decimal(line, ref n, call.TtftMs);
            Text(line, ref n, ",user-");
            Whole(line, ref n, call.User);
            Text(line, ref n, ",team-");
            Whole(line, ref n, call.User % 7);
            Text(line, ref n, ",app-");
            Whole(line, ref n, call.User % 3);
            Text(line, ref n, call.User % 5 == 0 ? ",batch" : ",");
            Text(line, ref n, Output.NewLine);
            _used += n;
            if (_used >= Flushed)
            {
                Flush();
            }
        }

        public override void Finish() => Flush();

        private void Flush()
        {
            Output.Write(_buffer, 0, _used);
            _used = 0;
        }

        private static void Text(Span<char> line, ref int n, string text)
        {
            text.CopyTo(line[n..]);
            n += text.Length;
        }

        private static void Whole(Span<char> line, ref int n, long value)
        {
            value.TryFormat(line[n..], out var written, default, CultureInfo.InvariantCulture);
            n += written;
        }

        // The shortest text that reads back as the same double, as double.ToString("R") writes it.
        private static void Decimal(Span<char> line, ref int n, double value)
        {
            value.TryFormat(line[n..], out var written, "R", CultureInfo.InvariantCulture);
            n += written;
        }
    }

    /// <summary>The OTel and LiteLLM formats: each call as a <see cref="UsageEvent"/>, written through a string builder.</summary>
    private sealed class RecordLineWriter(UsageFormat format, int seed, TextWriter output) : LineWriter(output)
    {
        private readonly StringBuilder _line = new();

        public override void Header()
        {
            if (format == UsageFormat.LiteLlm)
            {
                Output.WriteLine("request_id,call_type,startTime,endTime,completionStartTime,model,custom_llm_provider,prompt_tokens,completion_tokens,total_tokens,spend,user,team_id,request_tags,status,metadata");
            }
        }

        public override void Event(in GeneratedCall call)
        {
            var model = Generated[call.Model];
            var e = new UsageEvent(
                $"gen-{seed}-{call.Number}", call.StartMs, call.DurationMs, call.TtftMs, format.Code(), model.Written, string.Empty, string.Empty, Provider(model),
                call.InputTokens, call.OutputTokens, call.CacheReadTokens, 0, 1, call.Failed ? 1 : 0, null, null,
                $"user-{call.User}", $"team-{call.User % 7}", $"app-{call.User % 3}", call.User % 5 == 0 ? "batch" : string.Empty);
            _line.Clear();
            if (format == UsageFormat.LiteLlm)
            {
                var start = DateTimeOffset.FromUnixTimeMilliseconds(e.StartMs);
                _line.Append(e.EventId).Append(",acompletion,").Append(Iso(start)).Append(',').Append(Iso(start.AddMilliseconds(e.DurationMs ?? 0)))
                    .Append(',').Append(Iso(start.AddMilliseconds(e.TimeToFirstTokenMs ?? 0))).Append(',').Append(e.ModelRaw).Append(',').Append(e.Provider)
                    .Append(',').Append(e.InputTokens).Append(',').Append(e.OutputTokens).Append(',').Append(e.InputTokens + e.OutputTokens)
                    .Append(",,").Append(e.User).Append(',').Append(e.Team).Append(',')
                    .Append(e.Tags.Length == 0 ? "[]" : $"\"[\"\"{e.Tags}\"\"]\"").Append(',').Append(e.Errors > 0 ? "failure" : "success")
                    .Append(",\"{\"\"user_api_key_alias\"\": \"\"").Append(e.App).Append("\"\", \"\"usage_object\"\": {\"\"cache_read_input_tokens\"\": ")
                    .Append(e.CacheReadTokens).Append("}}\"");
            }
            else
            {
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
            }

            Output.WriteLine(_line);
        }

        private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        private static string Attribute(string key, string value) => $"{{\"key\":\"{key}\",\"value\":{{\"stringValue\":{JsonSerializer.Serialize(value)}}}}}";

        private static string Whole(string key, long value) => $"{{\"key\":\"{key}\",\"value\":{{\"intValue\":\"{value}\"}}}}";
    }
}
