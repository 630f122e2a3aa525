using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Almanac.Diagnostics;

namespace Almanac.DataFiles;

/// <summary>A source to add with a fact, as the data files write one.</summary>
public sealed record NewSource(string Id, string Publisher, string Title, string Url, string Published, string Kind, string? Licence = null);

/// <summary>
/// A fact to add, as the data files write one (see docs/data-format.md). <paramref name="Value"/> is a
/// number, a two-number array for a range, or a string for a date or text.
/// </summary>
public sealed record NewFact(
    string Entity,
    string Metric,
    string Period,
    JsonElement Value,
    string Unit,
    string Obtained,
    string Source,
    string Quote,
    IReadOnlyDictionary<string, string>? Scope = null,
    string? Qualifier = null,
    int? Sample = null,
    string? Note = null);

/// <summary>What an append did: where the fact now stands, or why nothing was written.</summary>
public sealed record AppendResult(string? File, int Line, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Diagnostics.Count == 0;
}

/// <summary>
/// Adds a fact (and, when new, its source) to the curated data files, so it is reviewed, versioned
/// and reloaded like every other fact. The whole folder is checked with the addition first, in a
/// copy; the real files change only when the copy loads without a diagnostic.
/// </summary>
public static class DataFileAppender
{
    /// <summary>The files additions go to, under the data folder.</summary>
    public const string FactsFile = "facts/added.yaml";

    public const string SourcesFile = "sources/added.yaml";

    private static readonly Lock Writing = new();

    public static AppendResult Append(string dataFolder, NewFact fact, NewSource? source)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var factText = Render(fact);
        var sourceText = source is null ? null : Render(source);
        lock (Writing)
        {
            var check = Path.Combine(Path.GetTempPath(), "almanac-append-" + Guid.NewGuid().ToString("N"));
            var copy = Path.Combine(check, Path.GetFileName(Path.GetFullPath(dataFolder).TrimEnd(Path.DirectorySeparatorChar)));
            try
            {
                CopyFolder(dataFolder, copy);
                var line = AppendTo(Path.Combine(copy, FactsFile), factText, "Facts added through the API; review them like any other.");
                if (sourceText is not null)
                {
                    AppendTo(Path.Combine(copy, SourcesFile), sourceText, "Sources added through the API; review them like any other.");
                }

                var loaded = DataFolder.Load(copy, check);
                if (loaded.Diagnostics.Count > 0)
                {
                    return new AppendResult(null, 0, loaded.Diagnostics);
                }

                // The copy is valid: the real files take its versions of the two appended files, each replaced whole.
                Replace(Path.Combine(copy, FactsFile), Path.Combine(dataFolder, FactsFile));
                if (sourceText is not null)
                {
                    Replace(Path.Combine(copy, SourcesFile), Path.Combine(dataFolder, SourcesFile));
                }

                return new AppendResult(Path.GetFileName(copy) + "/" + FactsFile, line, []);
            }
            finally
            {
                Directory.Delete(check, recursive: true);
            }
        }
    }

    /// <summary>Appends <paramref name="entry"/> and returns the line it starts on.</summary>
    private static int AppendTo(string file, string entry, string header)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var existing = File.Exists(file) ? File.ReadAllText(file) : $"# {header}\n";
        if (existing.Length > 0 && !existing.EndsWith('\n'))
        {
            existing += "\n";
        }

        var text = existing + "\n" + entry;
        File.WriteAllText(file, text, new UTF8Encoding(false));
        return existing.Count(c => c == '\n') + 2;
    }

    private static void Replace(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        var partial = to + ".partial";
        File.Copy(from, partial, overwrite: true);
        File.Move(partial, to, overwrite: true);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // Every string is written as a JSON string, which YAML reads as a double-quoted scalar: no
    // character a user sends can change the structure of the file.
    private static string Render(NewFact fact)
    {
        var yaml = new StringBuilder();
        yaml.Append("- entity: ").Append(Quote(fact.Entity)).Append('\n');
        yaml.Append("  metric: ").Append(Quote(fact.Metric)).Append('\n');
        if (fact.Scope is { Count: > 0 } scope)
        {
            yaml.Append("  scope: { ").AppendJoin(", ", scope.Select(kv => $"{Quote(kv.Key)}: {Quote(kv.Value)}")).Append(" }\n");
        }

        yaml.Append("  period: ").Append(Quote(fact.Period)).Append('\n');
        yaml.Append("  value: ").Append(Value(fact.Value)).Append('\n');
        yaml.Append("  unit: ").Append(Quote(fact.Unit)).Append('\n');
        if (fact.Qualifier is not null)
        {
            yaml.Append("  qualifier: ").Append(Quote(fact.Qualifier)).Append('\n');
        }

        yaml.Append("  obtained: ").Append(Quote(fact.Obtained)).Append('\n');
        if (fact.Sample is { } sample)
        {
            yaml.Append("  sample: ").Append(sample.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        yaml.Append("  source: ").Append(Quote(fact.Source)).Append('\n');
        yaml.Append("  quote: ").Append(Quote(fact.Quote)).Append('\n');
        if (fact.Note is not null)
        {
            yaml.Append("  note: ").Append(Quote(fact.Note)).Append('\n');
        }

        return yaml.ToString();
    }

    private static string Render(NewSource source)
    {
        var yaml = new StringBuilder();
        yaml.Append("- id: ").Append(Quote(source.Id)).Append('\n');
        yaml.Append("  publisher: ").Append(Quote(source.Publisher)).Append('\n');
        yaml.Append("  title: ").Append(Quote(source.Title)).Append('\n');
        yaml.Append("  url: ").Append(Quote(source.Url)).Append('\n');
        yaml.Append("  published: ").Append(Quote(source.Published)).Append('\n');
        yaml.Append("  kind: ").Append(Quote(source.Kind)).Append('\n');
        if (source.Licence is not null)
        {
            yaml.Append("  licence: ").Append(Quote(source.Licence)).Append('\n');
        }

        return yaml.ToString();
    }

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => Quote(value.GetString()!),
        JsonValueKind.Array when value.GetArrayLength() == 2 && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number) =>
            "[" + string.Join(", ", value.EnumerateArray().Select(v => v.GetRawText())) + "]",
        // Anything else is written as text, and the data-file checks name what was expected instead.
        _ => Quote(value.GetRawText()),
    };

    // Quotes, backslashes and control characters are escaped; Chinese stays readable in the file.
    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Quote(string text) => JsonSerializer.Serialize(text, Strings);
}
