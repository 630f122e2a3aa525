using System.Reflection;
using Almanac.Knowledge;
using Almanac.Text;

namespace Almanac.Reports;

/// <summary>
/// A fact's scope in words for a reader (<c>market: Enterprise LLM API · basis: by usage</c>, <c>市场：企业大模型 API · 口径：按使用量</c>)
/// instead of its canonical form (<c>basis=usage;market=enterprise-llm-api</c>). The words are kept in
/// <c>scope-words.tsv</c>; a value that names an entity is written as the entity's name.
/// </summary>
public static class ScopeWords
{
    private const string File = "scope-words.tsv";

    private static readonly Lazy<IReadOnlyDictionary<(string Key, string Value), (string En, string Zh)>> Words = new(Read);

    /// <summary>The scope in words; empty for an empty scope.</summary>
    /// <param name="entityName">The name of an entity in the reader's language, or null when the id names none.</param>
    public static string Describe(Scope scope, Language language, Func<string, string?> entityName)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(entityName);
        var zh = language == Language.Zh;
        return string.Join(" · ", scope.Values.Select(pair =>
        {
            var key = Word(pair.Key, string.Empty, zh) ?? pair.Key;
            var value = Value(pair.Key, pair.Value, language, entityName);
            return zh ? $"{key}：{value}" : $"{key}: {value}";
        }));
    }

    /// <summary>One value of a scope key in words: the table's, else the entity's name, else the value with spaces for its hyphens.</summary>
    public static string Value(string key, string value, Language language, Func<string, string?> entityName)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(entityName);
        return Word(key, value, language == Language.Zh) ?? entityName(value) ?? value.Replace('-', ' ');
    }

    private static string? Word(string key, string value, bool zh) =>
        Words.Value.TryGetValue((key, value), out var words) ? (zh ? words.Zh : words.En) : null;

    private static Dictionary<(string, string), (string, string)> Read()
    {
        using var stream = typeof(ScopeWords).Assembly.GetManifestResourceStream(typeof(ScopeWords), File)
            ?? throw new InvalidOperationException($"{File} is not embedded in {typeof(ScopeWords).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        var words = new Dictionary<(string, string), (string, string)>();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var fields = text.Split('\t');
            if (fields.Length != 4 || fields[0].Length == 0 || fields[2].Length == 0 || fields[3].Length == 0)
            {
                throw new InvalidDataException($"{File}:{line}: expected key, value (empty for the key itself), English and Chinese, separated by tabs");
            }

            if (!words.TryAdd((fields[0], fields[1]), (fields[2], fields[3])))
            {
                throw new InvalidDataException($"{File}:{line}: '{fields[0]}\t{fields[1]}' is listed twice");
            }
        }

        return words;
    }
}
