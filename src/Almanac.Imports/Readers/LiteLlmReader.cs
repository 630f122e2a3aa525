using System.Globalization;
using System.Text.Json;
using Almanac.Catalogue;
using Almanac.Quantities;

namespace Almanac.Imports.Readers;

/// <summary>
/// Reads LiteLLM's <c>model_prices_and_context_window.json</c>: one record per language-model entry,
/// keyed by the map key (<c>deepseek-chat</c>, <c>us.anthropic.claude-3-5-sonnet-20240620-v1:0</c>).
/// </summary>
/// <remarks>
/// <para>Entries read: <c>mode</c> <c>chat</c> and <c>responses</c> (models served only through the
/// Responses API, such as the codex and pro models). Every other mode (embedding, image, audio, rerank,
/// and legacy text <c>completion</c>, which mostly repeats chat models behind another endpoint), entries
/// without a mode (Fireworks' price tiers) and the non-model keys <c>sample_spec</c>,
/// <c>fallback_generalizations</c> and <c>last_updated</c> are skipped.</para>
/// <para>Values: <c>context-window</c> from <c>max_input_tokens</c>, else from <c>max_tokens</c> when the entry
/// has no <c>max_output_tokens</c> (the file's own spec says <c>max_tokens</c> is the output limit
/// whenever one is known); <c>max-output-tokens</c> from <c>max_output_tokens</c>; <c>price-input</c>,
/// <c>price-output</c>, <c>price-cache-read</c>, <c>price-cache-write</c> from <c>input_cost_per_token</c>,
/// <c>output_cost_per_token</c>, <c>cache_read_input_token_cost</c>, <c>cache_creation_input_token_cost</c>,
/// per token in the file and multiplied by 1,000,000 exactly (<c>3e-06</c> → 3 USD per 1M tokens).
/// Numbers may be written as integers, floats or strings; token limits must be whole (<c>8192.0</c> is).
/// Tiered, batch, priority and other prices are not read.</para>
/// <para>Placeholders and impossible figures (token limits of 0, prices above $1,000 per 1M tokens, an output
/// limit above the context window) are left out and counted (<see cref="PlausibleValues"/>).</para>
/// <para>The snapshot date is the UTC day of the file's <c>last_updated</c>, unless the caller gives one.</para>
/// </remarks>
public static class LiteLlmReader
{
    public const string Dataset = "litellm";

    /// <summary>Where the dataset is published.</summary>
    public static readonly Uri PublicUrl = new("https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json");

    private static readonly HashSet<string> NonModelKeys = new(StringComparer.Ordinal) { "sample_spec", "fallback_generalizations", "last_updated" };

    private static readonly HashSet<string> ModesRead = new(StringComparer.Ordinal) { "chat", "responses" };

    private const decimal TokensPerMillion = 1_000_000m;

    public static DatasetSnapshot Read(Stream stream, string fileName, SnapshotInfo? info = null)
    {
        using var json = JsonInput.Parse(stream, fileName, "a JSON object of models keyed by LiteLLM model name");
        var root = json.Object(json.Root, "$");

        var lastUpdated = json.String(root, "last_updated", "$");
        DateOnly? fileDate = null;
        if (lastUpdated is not null)
        {
            fileDate = DateTimeOffset.TryParse(lastUpdated, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp)
                ? DateOnly.FromDateTime(stamp.UtcDateTime)
                : throw json.Error("$.last_updated", $"expected a timestamp like 2026-07-24T18:23:43+00:00, found \"{lastUpdated}\"");
        }

        var date = SnapshotDates.Choose(fileName, info, fileDate, "the file has no 'last_updated' key");

        var records = new List<DatasetRecord>();
        var dropped = new List<DroppedValue>();
        foreach (var entry in json.Members(root, "$"))
        {
            if (NonModelKeys.Contains(entry.Name))
            {
                continue;
            }

            var path = JsonInput.Member("$", entry.Name);
            var model = json.Object(entry.Value, path);
            var mode = json.String(model, "mode", path);
            if (mode is null || !ModesRead.Contains(mode))
            {
                continue;
            }

            var provider = json.String(model, "litellm_provider", path)
                ?? throw json.Error(JsonInput.Member(path, "litellm_provider"), "missing: expected the provider's name");
            records.Add(new DatasetRecord(
                Key: entry.Name,
                ModelId: entry.Name,
                ModelName: null,
                Provider: provider,
                Organization: null,
                Values: PlausibleValues.Screen(ReadValues(json, model, path), path, dropped),
                Location: path));
        }

        return new DatasetSnapshot(
            Dataset,
            info?.Version ?? lastUpdated ?? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            date,
            info?.Url ?? PublicUrl,
            Publisher: "BerriAI (LiteLLM)",
            Title: "LiteLLM model prices and context windows (model_prices_and_context_window.json)",
            Licence: "MIT",
            records)
        { Dropped = dropped };
    }

    private static List<RecordValue> ReadValues(JsonInput json, JsonElement model, string path)
    {
        var values = new List<RecordValue>();
        var maxInput = json.Number(model, "max_input_tokens", path, allowString: true, whole: true);
        var maxOutput = json.Number(model, "max_output_tokens", path, allowString: true, whole: true);
        var maxTokens = json.Number(model, "max_tokens", path, allowString: true, whole: true);

        if ((maxInput ?? (maxOutput is null ? maxTokens : null)) is { } context)
        {
            values.Add(DatasetValues.Amount("context-window", context, Unit.Tokens));
        }

        if (maxOutput is { } output)
        {
            values.Add(DatasetValues.Amount("max-output-tokens", output, Unit.Tokens));
        }

        AddPrice(json, values, model, path, "input_cost_per_token", "price-input");
        AddPrice(json, values, model, path, "output_cost_per_token", "price-output");
        AddPrice(json, values, model, path, "cache_read_input_token_cost", "price-cache-read");
        AddPrice(json, values, model, path, "cache_creation_input_token_cost", "price-cache-write");
        return values;
    }

    private static void AddPrice(JsonInput json, List<RecordValue> values, JsonElement model, string path, string field, string metricId)
    {
        if (json.Number(model, field, path, allowString: true) is not { } perToken)
        {
            return;
        }

        if (perToken > decimal.MaxValue / TokensPerMillion)
        {
            throw json.Error(JsonInput.Member(path, field), $"expected a price per token, found {perToken.ToString(CultureInfo.InvariantCulture)}");
        }

        values.Add(DatasetValues.Amount(metricId, perToken * TokensPerMillion, Unit.UsdPerMillionTokens));
    }
}
