using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Knowledge;
using Almanac.Quantities;

namespace Almanac.Imports.Readers;

/// <summary>
/// Reads OpenRouter's catalogue, the raw response of its public <c>GET /api/v1/models</c>
/// (<c>{"data": [{"id": "anthropic/claude-3.5-sonnet", "pricing": {"prompt": "0.000003", …}, …}]}</c>):
/// one record per listed model, keyed by its OpenRouter id. A folder of such files is a price
/// history, one snapshot per file.
/// </summary>
/// <remarks>
/// <para>Values: <c>context-window</c> from <c>context_length</c>; <c>max-output-tokens</c> from
/// <c>top_provider.max_completion_tokens</c>; <c>price-input</c>, <c>price-output</c>, <c>price-cache-read</c>
/// from <c>pricing.prompt</c>, <c>pricing.completion</c>, <c>pricing.input_cache_read</c>, strings in USD per
/// token multiplied by 1,000,000 exactly. Every fact is scoped <c>{provider: openrouter, offering: reseller}</c>.</para>
/// <para>Skipped: a price of <c>-1</c>, which OpenRouter writes for a router whose price depends on the model
/// it picks (<c>openrouter/auto</c>); the prices of <c>:free</c> variants, a rate-limited free tier rather than
/// the model's list price; a cache-read price of <c>0</c>, which some snapshots write for models without prompt caching.
/// A tagged variant (<c>:free</c>, <c>:beta</c>, <c>:extended</c>, <c>:nitro</c>,
/// <c>:thinking</c>…) keeps its tag as <c>variant</c> in scope, so its figures never mix with the plain offering's.
/// <c>created</c> is the day OpenRouter listed the model, not the developer's release, and is not read; nor are
/// request, image, web search, reasoning and cache-write prices, or per-provider overrides.</para>
/// <para>The developer is named by the id's prefix (<c>meta-llama/…</c> is Meta, see <see cref="Organisations.OfOpenRouterPrefix"/>).
/// A snapshot is dated by the UTC time in its file name (<c>openrouter_models_2024-09-21T020931Z.json</c>), else by the
/// caller's date, else by the file's last write.</para>
/// </remarks>
public static partial class OpenRouterReader
{
    public const string Dataset = "openrouter";

    /// <summary>Where the dataset is published.</summary>
    public static readonly Uri PublicUrl = new("https://openrouter.ai/api/v1/models");

    /// <summary>OpenRouter is a reseller: every record is its offering of another developer's model.</summary>
    public const string Provider = "openrouter";

    private const decimal TokensPerMillion = 1_000_000m;

    // The free tier's tag: its zero prices are not the model's list price.
    private const string FreeTier = "free";

    // OpenRouter writes -1 for a price that depends on the model a router picks.
    private const string VariablePrice = "-1";

    /// <summary>Reads every <c>.json</c> file of a folder (or the one file given, whatever its name) as one snapshot each, oldest first.</summary>
    public static IReadOnlyList<DatasetSnapshot> Read(DatasetInput input, SnapshotInfo? info)
    {
        var files = input.Files.Count == 1 ? input.Files : input.WithExtension(".json").ToList();
        if (files.Count == 0)
        {
            throw new DiagnosticException(Diagnostic.Invalid(input.Description, DiagnosticLocation.In("input"), "holds no .json file; expected responses of OpenRouter's GET /api/v1/models"));
        }

        return files
            .Select(file =>
            {
                using var stream = file.Open();
                return Read(stream, file.Name, (info ?? new SnapshotInfo()) with { LastWritten = info?.LastWritten ?? file.LastWritten });
            })
            .OrderBy(s => s.Version, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads one response; any malformed part is an <see cref="DiagnosticException"/> naming its JSON path.</summary>
    public static DatasetSnapshot Read(Stream stream, string fileName, SnapshotInfo? info = null)
    {
        var stamp = FileStamp().Match(Path.GetFileName(fileName));
        var date = stamp.Success
            ? DateOnly.ParseExact(stamp.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : info?.Date ?? info?.LastWritten ?? throw new DiagnosticException(Diagnostic.Invalid(
                fileName, DiagnosticLocation.In("snapshot date"), "the file name has no UTC time (openrouter_models_2024-09-21T020931Z.json); expected --snapshot-date or the file's last-write date"));

        JsonInput json;
        try
        {
            json = JsonInput.Parse(stream, fileName, "OpenRouter's GET /api/v1/models response, {\"data\": [models]}");
        }
        catch (InvalidDataException e)
        {
            // A truncated or corrupt .gz fails while it is decompressed.
            throw new DiagnosticException(Diagnostic.Invalid(fileName, DiagnosticLocation.In("gzip"), $"cannot be decompressed ({e.Message})"));
        }

        using (json)
        {
            var root = json.Object(json.Root, "$");
            if (!json.TryArray(root, "data", "$", out var data, out var dataPath))
            {
                throw json.Error("$.data", "missing: expected the array of models");
            }

            var records = new List<DatasetRecord>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var item in data.EnumerateArray())
            {
                var path = JsonInput.Item(dataPath, index++);
                var model = json.Object(item, path);
                var id = json.String(model, "id", path) is { Length: > 0 } text
                    ? text
                    : throw json.Error(JsonInput.Member(path, "id"), "missing: expected the model's OpenRouter id");
                if (!seen.Add(id))
                {
                    throw json.Error(JsonInput.Member(path, "id"), $"duplicate id \"{id}\": expected each model once");
                }

                records.Add(new DatasetRecord(
                    Key: id,
                    ModelId: id,
                    ModelName: WithoutVendor(json.String(model, "name", path)),
                    Provider: Provider,
                    Organization: Organisations.OfOpenRouterPrefix(id),
                    Values: ReadValues(json, model, path, Tag(id)),
                    Location: path));
            }

            // The fetch time tells apart two snapshots of one day; a caller's label names only an undated file.
            var version = stamp.Success ? stamp.Value : info?.Version ?? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new DatasetSnapshot(
                Dataset,
                version,
                date,
                info?.Url ?? PublicUrl,
                Publisher: "OpenRouter (openrouter.ai)",
                Title: "OpenRouter models API (GET /api/v1/models)",
                Licence: "OpenRouter public API output; no licence stated",
                records);
        }
    }

    /// <summary>The tag after the colon of an id (<c>free</c> in <c>meta-llama/llama-3.1-8b-instruct:free</c>), if any.</summary>
    private static string? Tag(string id) =>
        id.LastIndexOf(':') is var colon and > 0 && colon < id.Length - 1 ? id[(colon + 1)..] : null;

    private static List<RecordValue> ReadValues(JsonInput json, JsonElement model, string path, string? tag)
    {
        var scope = tag is null ? null : Scope.Of([KeyValuePair.Create("variant", tag)]);
        var values = new List<RecordValue>();
        if (json.Number(model, "context_length", path, whole: true) is { } context)
        {
            values.Add(DatasetValues.Amount("context-window", context, Unit.Tokens, scope));
        }

        if (json.TryObject(model, "top_provider", path, out var top, out var topPath)
            && json.Number(top, "max_completion_tokens", topPath, whole: true) is { } output)
        {
            values.Add(DatasetValues.Amount("max-output-tokens", output, Unit.Tokens, scope));
        }

        if (tag != FreeTier && json.TryObject(model, "pricing", path, out var pricing, out var pricingPath))
        {
            AddPrice(json, values, pricing, pricingPath, "prompt", "price-input", scope);
            AddPrice(json, values, pricing, pricingPath, "completion", "price-output", scope);
            AddPrice(json, values, pricing, pricingPath, "input_cache_read", "price-cache-read", scope);
        }

        return values;
    }

    private static void AddPrice(JsonInput json, List<RecordValue> values, JsonElement pricing, string path, string field, string metricId, Scope? scope)
    {
        if (pricing.TryGetProperty(field, out var raw) && (raw.ValueKind == JsonValueKind.String ? raw.GetString() : raw.GetRawText()) == VariablePrice)
        {
            return;
        }

        if (json.Number(pricing, field, path, allowString: true) is not { } perToken)
        {
            return;
        }

        // Some snapshots write "0" for the cache-read price of models with no prompt caching: no price, not a free cache.
        if (perToken == 0 && metricId == "price-cache-read")
        {
            return;
        }

        if (perToken > decimal.MaxValue / TokensPerMillion)
        {
            throw json.Error(JsonInput.Member(path, field), $"expected a price per token, found {perToken.ToString(CultureInfo.InvariantCulture)}");
        }

        values.Add(DatasetValues.Amount(metricId, perToken * TokensPerMillion, Unit.UsdPerMillionTokens, scope));
    }

    // The collector names each file by the UTC time it fetched the list: openrouter_models_2024-09-21T020931Z.json.
    [GeneratedRegex(@"(?<day>\d{4}-\d{2}-\d{2})T\d{6}Z")]
    private static partial Regex FileStamp();

    /// <summary>
    /// OpenRouter writes the vendor before the model's name ("Anthropic: Claude 3.5 Sonnet",
    /// "DeepSeek: DeepSeek V3.1"); the id's prefix already names the developer, so the name keeps only
    /// what the developer calls the model.
    /// </summary>
    internal static string? WithoutVendor(string? name)
    {
        var colon = name?.IndexOf(": ", StringComparison.Ordinal) ?? -1;
        return colon > 0 && colon + 2 < name!.Length ? name[(colon + 2)..].Trim() : name;
    }
}
