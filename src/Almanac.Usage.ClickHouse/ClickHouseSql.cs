using System.Runtime.CompilerServices;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Almanac.Usage.ClickHouse;

/// <summary>
/// SQL text for ClickHouse 18.16, which has no server-side query parameters: every value put into
/// a statement goes through <see cref="Literal(object?)"/>, the one escaping function, and named
/// statements live in the embedded <c>Sql/*.sql</c> files with <c>{name}</c> placeholders.
/// </summary>
public static partial class ClickHouseSql
{
    /// <summary>The first day a ClickHouse 18.16 <c>Date</c> holds.</summary>
    public static readonly DateOnly FirstDate = new(1970, 1, 1);

    /// <summary>The last day a ClickHouse 18.16 <c>Date</c> holds (its date table ends with 2105).</summary>
    public static readonly DateOnly LastDate = new(2105, 12, 31);

    /// <summary>
    /// A ClickHouse string literal for <paramref name="value"/>: single-quoted, with the backslash
    /// and the quote escaped and control characters written as escapes, as ClickHouse's parser reads
    /// them. Any Unicode text round-trips (sent as UTF-8).
    /// </summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\'': text.Append(@"\'"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                case '\t': text.Append(@"\t"); break;
                case '\0': text.Append(@"\0"); break;
                case '\b': text.Append(@"\b"); break;
                case '\f': text.Append(@"\f"); break;
                default:
                    if (char.IsControl(c))
                        text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
                    else
                        text.Append(c);
                    break;
            }
        }
        return text.Append('\'').ToString();
    }

    /// <summary>
    /// A literal for a parameter value: strings quoted, numbers invariant, dates as <c>toDate('…')</c>,
    /// a tuple as <c>(…)</c> and a list as an array <c>[…]</c> of its items' literals.
    /// </summary>
    public static string Literal(object? value) => value switch
    {
        ITuple tuple => "(" + string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => Literal(tuple[i]))) + ")",
        System.Collections.IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>().Select(Literal)) + "]",
        null => "NULL",
        string s => Quote(s),
        bool b => b ? "1" : "0",
        int or long or short or byte or uint or ulong or ushort => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly day => $"toDate('{day:yyyy-MM-dd}')",
        _ => throw new ArgumentException($"no ClickHouse literal for a {value.GetType().Name} ({value})", nameof(value)),
    };

    /// <summary>
    /// Fills a statement's <c>{name}</c> placeholders with literals of the given values. A
    /// placeholder without a value, or a value without a placeholder, is a programming error and
    /// throws: a statement never runs half-bound.
    /// </summary>
    public static string Bind(string template, IReadOnlyDictionary<string, object?> parameters)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var bound = Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            if (!parameters.TryGetValue(name, out var value))
                throw new ArgumentException($"the statement needs a value for {{{name}}}", nameof(parameters));
            used.Add(name);
            return Literal(value);
        });
        var unused = parameters.Keys.Where(k => !used.Contains(k)).ToList();
        if (unused.Count > 0)
            throw new ArgumentException($"the statement has no placeholder for {string.Join(", ", unused)}", nameof(parameters));
        return bound;
    }

    /// <summary>The text of an embedded SQL file, e.g. <c>share</c> for <c>Sql/share.sql</c>.</summary>
    public static string File(string name)
    {
        var assembly = typeof(ClickHouseSql).Assembly;
        var resource = assembly.GetManifestResourceNames()
            .SingleOrDefault(r => r.EndsWith($".Sql.{name}.sql", StringComparison.Ordinal))
            ?? throw new ArgumentException($"no SQL file {name}.sql in {assembly.GetName().Name}", nameof(name));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The statements of a file, split at a semicolon that ends a line (ClickHouse's HTTP interface
    /// runs one statement per request); <c>--</c> comment lines are dropped.
    /// </summary>
    public static IReadOnlyList<string> Statements(string text)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.TrimStart().StartsWith("--", StringComparison.Ordinal))
                continue;
            if (trimmed.EndsWith(';'))
            {
                current.AppendLine(trimmed[..^1]);
                Flush();
            }
            else
            {
                current.AppendLine(trimmed);
            }
        }
        Flush();
        return statements;

        void Flush()
        {
            var statement = current.ToString().Trim();
            if (statement.Length > 0)
                statements.Add(statement);
            current.Clear();
        }
    }

    [GeneratedRegex(@"\{([a-z_][a-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
