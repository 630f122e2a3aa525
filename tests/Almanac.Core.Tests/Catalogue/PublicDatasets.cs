using System.Text;
using System.Text.Json;
using Almanac.Catalogue;
using Almanac.Knowledge;

namespace Almanac.Tests.Catalogue;

/// <summary>
/// The three public datasets and the curated entities, read just far enough to give the resolver
/// its records (ids, names, providers, organisations). The datasets sit in <c>shared/data</c>, a
/// sibling of the repository root (the folder holding <c>Almanac.sln</c>).
/// </summary>
internal static class PublicDatasets
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Almanac.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Almanac.sln above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<IReadOnlyList<SourcedRecord>> AllRecords = new(() =>
        [.. ModelsDev(), .. LiteLlm(), .. Epoch("notable_ai_models_2026-01.csv"), .. Epoch("all_ai_models_2025-03.csv")]);

    private static readonly Lazy<IReadOnlyList<Entity>> CuratedEntities = new(() =>
        [.. Directory.GetFiles(Path.Combine(Root.Value, "data", "entities"), "*.yaml").Order(StringComparer.Ordinal).SelectMany(ReadEntities)]);

    private static readonly Lazy<ModelResolution> Resolution = new(() => new ModelResolver(Curated).Resolve(Records));

    public static string SharedData => Path.Combine(Root.Value, "..", "shared", "data");

    public static IReadOnlyList<SourcedRecord> Records => AllRecords.Value;

    public static IReadOnlyList<Entity> Curated => CuratedEntities.Value;

    /// <summary>All records of the three datasets resolved together against the curated entities (computed once).</summary>
    public static ModelResolution Resolved => Resolution.Value;

    private static List<SourcedRecord> ModelsDev()
    {
        using var api = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SharedData, "models-dev", "api.json")));
        var records = new List<SourcedRecord>();
        foreach (var provider in api.RootElement.EnumerateObject())
        {
            foreach (var model in provider.Value.GetProperty("models").EnumerateObject())
            {
                var name = model.Value.TryGetProperty("name", out var n) ? n.GetString() : null;
                records.Add(new SourcedRecord("models-dev", new DatasetRecord(
                    $"providers/{provider.Name}/models/{model.Name}", model.Name, name, provider.Name, null, [],
                    $"$.{provider.Name}.models['{model.Name}']")));
            }
        }

        using var labs = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SharedData, "models-dev", "labs.json")));
        foreach (var model in labs.RootElement.EnumerateObject())
        {
            var name = model.Value.TryGetProperty("name", out var n) ? n.GetString() : null;
            var lab = model.Name.Split('/')[0];
            records.Add(new SourcedRecord("models-dev", new DatasetRecord(
                $"labs/{model.Name}", model.Name, name, null, lab, [], $"labs['{model.Name}']")));
        }

        return records;
    }

    private static List<SourcedRecord> LiteLlm()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SharedData, "litellm", "model_prices_and_context_window.json")));
        var records = new List<SourcedRecord>();
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            string? provider = null;
            if (entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("litellm_provider", out var p) && p.ValueKind == JsonValueKind.String)
            {
                provider = p.GetString();
            }

            records.Add(new SourcedRecord("litellm", new DatasetRecord(entry.Name, entry.Name, null, provider, null, [], $"$['{entry.Name}']")));
        }

        return records;
    }

    private static SourcedRecord[] Epoch(string file)
    {
        var rows = Csv.Read(File.ReadAllText(Path.Combine(SharedData, "epoch-ai", file), Encoding.UTF8));
        var header = rows[0];
        var model = Array.IndexOf(header, "Model");
        var organisation = Array.IndexOf(header, "Organization");
        return rows.Skip(1)
            .Where(r => r.Length > model)
            .Select((r, i) => new SourcedRecord("epoch", new DatasetRecord(
                r[model].Trim(), r[model].Trim(), r[model].Trim(), null, organisation < r.Length ? r[organisation] : null, [], $"{file} row {i + 2}")))
            .ToArray();
    }

    /// <summary>The curated entities of one file: just the one-line fields the entity files use.</summary>
    private static IEnumerable<Entity> ReadEntities(string path)
    {
        var entities = new List<Entity>();
        Dictionary<string, string>? fields = null;
        foreach (var raw in File.ReadLines(path).Append("- id: end-of-file"))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                if (fields is not null)
                {
                    entities.Add(ToEntity(fields));
                }

                fields = new Dictionary<string, string>(StringComparer.Ordinal);
                line = "  " + line[2..];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (fields is not null && colon > 0)
            {
                fields[line[..colon].Trim()] = StripComment(line[(colon + 1)..]).Trim();
            }
        }

        return entities;
    }

    private static string StripComment(string value)
    {
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return hash >= 0 ? value[..hash] : value;
    }

    private static Entity ToEntity(Dictionary<string, string> fields)
    {
        if (!EntityKindCodes.TryParse(fields.GetValueOrDefault("kind", string.Empty), out var kind))
        {
            kind = EntityKind.Segment;
        }

        var name = FlowMap(fields.GetValueOrDefault("name", string.Empty));
        var aliases = FlowList(fields.GetValueOrDefault("aliases", "[]"));
        return new Entity(
            fields["id"], kind, new LocalizedName(name.GetValueOrDefault("en", fields["id"]), name.GetValueOrDefault("zh")), aliases,
            fields.GetValueOrDefault("parent"), fields.GetValueOrDefault("developer"));
    }

    private static Dictionary<string, string> FlowMap(string text) =>
        text.Trim('{', '}', ' ').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(':', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);

    private static string[] FlowList(string text) =>
        text.Trim('[', ']', ' ').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>RFC 4180: fields split at commas outside quotes, doubled quotes inside quotes, line breaks inside quotes kept.</summary>
    private static class Csv
    {
        public static List<string[]> Read(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    row.Add(field.ToString());
                    field.Clear();
                }
                else if (c is '\n' or '\r')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            if (field.Length > 0 || row.Count > 0)
            {
                row.Add(field.ToString());
                rows.Add([.. row]);
            }

            return rows;
        }
    }
}
