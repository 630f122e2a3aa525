using System.Globalization;
using System.Text.Json;
using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Quantities;

namespace Almanac.Imports.Readers;

/// <summary>
/// Reads models.dev's <c>api.json</c>: providers, each with the models it serves. One record per
/// provider-model entry, keyed <c>providers/{provider}/models/{modelId}</c>.
/// </summary>
/// <remarks>
/// Values: <c>release-date</c> and <c>knowledge-cutoff</c> (a <c>YYYY-MM</c> date is read as the month's
/// first day; a date naming no calendar day, such as <c>2025-02-31</c>, is left out), <c>open-weights</c> (<c>yes</c>/<c>no</c>), <c>context-window</c> and <c>max-output-tokens</c>
/// from <c>limit.context</c> / <c>limit.output</c>, and the prices <c>cost.input</c>, <c>cost.output</c>,
/// <c>cost.cache_read</c>, <c>cost.cache_write</c>, which models.dev already gives in USD per 1M tokens.
/// Other costs (audio, reasoning, tiers) are not read. The file states no date: the caller gives one
/// (<see cref="SnapshotInfo.Date"/>, else <see cref="SnapshotInfo.LastWritten"/>). Placeholders and impossible
/// figures (a context of 0 or 99,999,999, an output limit above the context) are left out and counted
/// (<see cref="PlausibleValues"/>).
/// </remarks>
public static class ModelsDevReader
{
    public const string Dataset = "models-dev";

    /// <summary>Where the dataset is published.</summary>
    public static readonly Uri PublicUrl = new("https://models.dev/api.json");

    /// <summary>Reads the whole file; any malformed part is an <see cref="DiagnosticException"/> naming its JSON path.</summary>
    public static DatasetSnapshot Read(Stream stream, string fileName, SnapshotInfo? info = null)
    {
        var date = SnapshotDates.FromCaller(fileName, info);
        using var json = JsonInput.Parse(stream, fileName, "a JSON object of providers, each with its models");
        var records = new List<DatasetRecord>();
        var dropped = new List<DroppedValue>();
        foreach (var provider in json.Members(json.Root, "$"))
        {
            var providerPath = JsonInput.Member("$", provider.Name);
            var providerObject = json.Object(provider.Value, providerPath);
            if (!json.TryObject(providerObject, "models", providerPath, out var models, out var modelsPath))
            {
                throw json.Error(JsonInput.Member(providerPath, "models"), "missing: expected an object of models");
            }

            foreach (var model in json.Members(models, modelsPath))
            {
                var modelPath = JsonInput.Member(modelsPath, model.Name);
                var modelObject = json.Object(model.Value, modelPath);
                var values = new List<RecordValue>();
                ReadModelValues(json, modelObject, modelPath, values);
                records.Add(new DatasetRecord(
                    Key: $"providers/{provider.Name}/models/{model.Name}",
                    ModelId: model.Name,
                    ModelName: json.String(modelObject, "name", modelPath),
                    Provider: provider.Name,
                    Organization: null,
                    Values: PlausibleValues.Screen(values, modelPath, dropped),
                    Location: modelPath));
            }
        }

        dropped.AddRange(json.Dropped);
        return new DatasetSnapshot(
            Dataset,
            info?.Version ?? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            date,
            info?.Url ?? PublicUrl,
            Publisher: "models.dev",
            Title: "models.dev API: providers and models (api.json)",
            Licence: "MIT",
            records)
        { Dropped = dropped };
    }

    /// <summary>The values a models.dev model entry states, in api.json and labs.json alike.</summary>
    internal static void ReadModelValues(JsonInput json, JsonElement model, string path, List<RecordValue> values)
    {
        if (json.Date(model, "release_date", path, "release-date") is { } released)
        {
            values.Add(DatasetValues.Day("release-date", released));
        }

        if (json.Date(model, "knowledge", path, "knowledge-cutoff") is { } cutoff)
        {
            values.Add(DatasetValues.Day("knowledge-cutoff", cutoff));
        }

        if (json.Boolean(model, "open_weights", path) is { } open)
        {
            values.Add(DatasetValues.YesNo("open-weights", open));
        }

        if (json.TryObject(model, "limit", path, out var limit, out var limitPath))
        {
            AddAmount(values, "context-window", json.Number(limit, "context", limitPath, whole: true), Unit.Tokens);
            AddAmount(values, "max-output-tokens", json.Number(limit, "output", limitPath, whole: true), Unit.Tokens);
        }

        if (json.TryObject(model, "cost", path, out var cost, out var costPath))
        {
            AddAmount(values, "price-input", json.Number(cost, "input", costPath), Unit.UsdPerMillionTokens);
            AddAmount(values, "price-output", json.Number(cost, "output", costPath), Unit.UsdPerMillionTokens);
            AddAmount(values, "price-cache-read", json.Number(cost, "cache_read", costPath), Unit.UsdPerMillionTokens);
            AddAmount(values, "price-cache-write", json.Number(cost, "cache_write", costPath), Unit.UsdPerMillionTokens);
        }
    }

    private static void AddAmount(List<RecordValue> values, string metricId, decimal? value, Unit unit)
    {
        if (value is { } v)
        {
            values.Add(DatasetValues.Amount(metricId, v, unit));
        }
    }
}
