using Almanac.Diagnostics;

namespace Almanac.Usage.Readers;

/// <summary>
/// Which column of a CSV or JSON Lines file holds each event field (<c>--map time=ts,model=model_name</c>).
/// A field not mapped is looked for under its own name and the events table's column name, so a file
/// written with those names (as <c>usage generate --format csv</c> writes) needs no map. In JSON Lines a
/// column may be a dotted path (<c>usage.prompt_tokens</c>).
/// </summary>
public sealed class ColumnMap
{
    /// <summary>Each field with the names it is looked for under when not mapped, the first found wins.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["id"] = ["id", "event_id", "request_id"],
        ["time"] = ["time", "start_ms", "timestamp", "start_time"],
        ["end"] = ["end", "end_time"],
        ["duration_ms"] = ["duration_ms", "latency_ms"],
        ["ttft_ms"] = ["ttft_ms"],
        ["model"] = ["model", "model_raw"],
        ["provider"] = ["provider"],
        ["input_tokens"] = ["input_tokens", "prompt_tokens"],
        ["output_tokens"] = ["output_tokens", "completion_tokens"],
        ["cache_read_tokens"] = ["cache_read_tokens", "cached_tokens"],
        ["reasoning_tokens"] = ["reasoning_tokens"],
        ["requests"] = ["requests"],
        ["errors"] = ["errors"],
        ["status"] = ["status"],
        ["cost"] = ["cost", "cost_logged"],
        ["user"] = ["user", "user_id"],
        ["team"] = ["team"],
        ["app"] = ["app"],
        ["tags"] = ["tags"],
    };

    private readonly Dictionary<string, string> _mapped;

    private ColumnMap(Dictionary<string, string> mapped) => _mapped = mapped;

    public static ColumnMap None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Reads <c>field=column,…</c>; an unknown field or a pair without <c>=</c> is an error naming it.</summary>
    public static ColumnMap Parse(string? text)
    {
        var mapped = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ColumnMap(mapped);
        }

        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new DiagnosticException($"--map expects field=column pairs, got '{pair}'");
            }

            if (!Fields.ContainsKey(parts[0]))
            {
                throw new DiagnosticException($"--map names no field '{parts[0]}'; the fields are {string.Join(", ", Fields.Keys)}");
            }

            mapped[parts[0]] = parts[1];
        }

        return new ColumnMap(mapped);
    }

    /// <summary>The columns to look under for a field: the mapped one alone, else the field's default names.</summary>
    public IReadOnlyList<string> ColumnsOf(string field) => _mapped.TryGetValue(field, out var column) ? [column] : Fields[field];
}
