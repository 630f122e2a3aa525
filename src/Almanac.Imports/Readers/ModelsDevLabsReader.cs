using System.Globalization;
using System.Text.Json;
using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Quantities;

namespace Almanac.Imports.Readers;

/// <summary>
/// Reads models.dev's <c>labs.json</c>: base models independent of any provider, keyed
/// <c>labs/{lab}/{model}</c>, with the lab as <see cref="DatasetRecord.Organization"/>.
/// </summary>
/// <remarks>
/// Values are those of <see cref="ModelsDevReader"/> (labs list no prices), plus <c>licence</c> and one
/// value per entry of <c>benchmarks[]</c>, scoped <c>benchmark=&lt;slug&gt;</c>. The benchmark slug is made
/// of its name, version (unless the name ends with it) and dataset: <c>Terminal-Bench</c> version
/// <c>2.1</c> → <c>terminal-bench-2.1</c>; <c>SWE-Bench Pro</c> on <c>hard-aa</c> → <c>swe-bench-pro-hard-aa</c>.
/// The harness and variant, where given, make scope <c>variant</c> (<c>Claude Code</c> + <c>max</c> →
/// <c>claude-code-max</c>), so runs of one benchmark under different set-ups stay apart.
/// A score whose <c>metric</c> says it is a percentage (percent, percent correct/resolved, success or
/// resolve rate, resolved, accuracy, pass@k) is <c>benchmark-score</c> in percent and must lie in
/// 0–100; any other score (index, score, or no metric stated) is <c>benchmark-index</c>.
/// The benchmark's own source and date are not kept. The file states no date, as for api.json.
/// </remarks>
public static class ModelsDevLabsReader
{
    /// <summary>A dataset code of its own: labs.json is a different document from api.json.</summary>
    public const string Dataset = "models-dev-labs";

    private static readonly Uri PublicUrl = new("https://github.com/anomalyco/models.dev");

    private static readonly string[] PercentWords = ["percent", "rate", "accuracy", "resolved", "pass@"];

    public static DatasetSnapshot Read(Stream stream, string fileName, SnapshotInfo? info = null)
    {
        var date = SnapshotDates.FromCaller(fileName, info);
        using var json = JsonInput.Parse(stream, fileName, "a JSON object of base models keyed 'lab/model'");
        var records = new List<DatasetRecord>();
        var dropped = new List<DroppedValue>();
        foreach (var model in json.Members(json.Root, "$"))
        {
            var path = JsonInput.Member("$", model.Name);
            var entry = json.Object(model.Value, path);
            var slash = model.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == model.Name.Length - 1)
            {
                throw json.Error(path, $"expected a key 'lab/model', found \"{model.Name}\"");
            }

            var values = new List<RecordValue>();
            ModelsDevReader.ReadModelValues(json, entry, path, values);
            if (json.String(entry, "license", path) is { Length: > 0 } licence)
            {
                values.Add(DatasetValues.Text("licence", licence));
            }

            ReadBenchmarks(json, entry, path, values);
            records.Add(new DatasetRecord(
                Key: $"labs/{model.Name}",
                ModelId: model.Name,
                ModelName: json.String(entry, "name", path),
                Provider: null,
                Organization: model.Name[..slash],
                Values: PlausibleValues.Screen(values, path, dropped),
                Location: path));
        }

        dropped.AddRange(json.Dropped);
        return new DatasetSnapshot(
            Dataset,
            info?.Version ?? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            date,
            info?.Url ?? PublicUrl,
            Publisher: "models.dev",
            Title: "models.dev labs: base models and benchmarks (labs.json)",
            Licence: "MIT",
            records)
        { Dropped = dropped };
    }

    /// <summary>Whether a models.dev benchmark metric label names a percentage.</summary>
    internal static bool IsPercentage(string? metric) =>
        metric is not null && PercentWords.Any(word => metric.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static void ReadBenchmarks(JsonInput json, JsonElement entry, string path, List<RecordValue> values)
    {
        if (!json.TryArray(entry, "benchmarks", path, out var benchmarks, out var benchmarksPath))
        {
            return;
        }

        var index = 0;
        foreach (var item in benchmarks.EnumerateArray())
        {
            var itemPath = JsonInput.Item(benchmarksPath, index++);
            var benchmark = json.Object(item, itemPath);
            var name = json.String(benchmark, "name", itemPath)
                ?? throw json.Error(JsonInput.Member(itemPath, "name"), "missing: expected the benchmark's name");
            var score = json.Number(benchmark, "score", itemPath)
                ?? throw json.Error(JsonInput.Member(itemPath, "score"), "missing: expected the benchmark's score");
            var metric = json.String(benchmark, "metric", itemPath);

            var slug = BenchmarkSlug(name, json.String(benchmark, "version", itemPath), json.String(benchmark, "dataset", itemPath));
            if (slug.Length == 0)
            {
                throw json.Error(JsonInput.Member(itemPath, "name"), $"expected a benchmark name with letters or digits, found \"{name}\"");
            }

            var scope = new Dictionary<string, string> { ["benchmark"] = slug };
            var variant = DatasetValues.Slug(string.Join(' ', new[]
            {
                json.String(benchmark, "harness", itemPath),
                json.String(benchmark, "variant", itemPath),
            }.Where(s => !string.IsNullOrWhiteSpace(s))));
            if (variant.Length > 0)
            {
                scope["variant"] = variant;
            }

            if (IsPercentage(metric))
            {
                if (score > 100)
                {
                    throw json.Error(JsonInput.Member(itemPath, "score"), $"expected a percentage from 0 to 100 for metric '{metric}', found {score.ToString(CultureInfo.InvariantCulture)}");
                }

                values.Add(DatasetValues.Amount("benchmark-score", score, Unit.Percent, Scope.Of(scope)));
            }
            else
            {
                values.Add(DatasetValues.Amount("benchmark-index", score, Unit.Score, Scope.Of(scope)));
            }
        }
    }

    private static string BenchmarkSlug(string name, string? version, string? dataset)
    {
        var slug = DatasetValues.Slug(name);
        if (!string.IsNullOrWhiteSpace(version))
        {
            var versionSlug = DatasetValues.Slug(version);
            if (!slug.EndsWith(versionSlug, StringComparison.Ordinal))
            {
                slug = $"{slug}-{versionSlug}";
            }
        }

        if (!string.IsNullOrWhiteSpace(dataset))
        {
            slug = $"{slug}-{DatasetValues.Slug(dataset)}";
        }

        return slug;
    }
}
