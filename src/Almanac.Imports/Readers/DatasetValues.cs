using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Quantities;

namespace Almanac.Imports.Readers;

/// <summary>Conversions the readers share: dates, exact numbers, slugs, record values.</summary>
internal static partial class DatasetValues
{
    /// <summary>The same value with no trailing zeros after the point (<c>3.000000</c> → <c>3</c>).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>
    /// Reads <c>YYYY-MM-DD</c>, or <c>YYYY-MM</c> as the first day of that month (the datasets give
    /// only a month for some releases and knowledge cut-offs). False when the text does not have that shape.
    /// A text of that shape naming no calendar day (<c>2025-02-31</c>, <c>2025-25-11</c>: slips found in the
    /// public datasets) is well formed but gives no date: the value is left out rather than guessed.
    /// </summary>
    public static bool TryParseDate(string text, out DateOnly? date)
    {
        text = text.Trim();
        date = null;
        if (!DateShape().IsMatch(text))
        {
            return false;
        }

        var format = text.Length == 7 ? "yyyy-MM" : "yyyy-MM-dd";
        if (DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
        }

        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}(?:-\d{2})?$")]
    private static partial Regex DateShape();

    /// <summary>Runs of white space (new lines included) become one space; the ends are trimmed.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// An id slug (<c>a-z</c>, <c>0-9</c>, <c>-</c>, <c>.</c>): <c>Terminal-Bench 2.1</c> → <c>terminal-bench-2.1</c>,
    /// <c>Humanity’s Last Exam</c> → <c>humanitys-last-exam</c>, <c>τ3 Banking</c> → <c>tau3-banking</c>.
    /// A point is kept only between digits; accents are dropped; empty when nothing is left.
    /// </summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '’')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (LatinLetter(c) is { } plain)
            {
                builder.Append(plain);
            }
            else if (GreekLetterName(c) is { } name)
            {
                builder.Append(name);
            }
            else if (c == '.' && i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                builder.Append('.');
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    // Accented Latin-1 letters without their accents (é → e). Almanac runs without culture data, so
    // string.Normalize cannot decompose them; these are the ones names are written with.
    private const string Latin1Plain = "aaaaaaaceeeeiiiidnooooo-ouuuuyts" + "aaaaaaaceeeeiiiidnooooo-ouuuuyty";

    private static char? LatinLetter(char c) =>
        c is >= '\u00C0' and <= '\u00FF' && Latin1Plain[c < '\u00E0' ? c - '\u00C0' : c - '\u00E0' + 32] is var plain && plain != '-'
            ? plain
            : null;

    // Benchmarks are named with Greek letters (τ-bench, τ3 Banking); they are spelled out rather than dropped.
    private static string? GreekLetterName(char c) => char.ToLowerInvariant(c) switch
    {
        'α' => "alpha",
        'β' => "beta",
        'γ' => "gamma",
        'δ' => "delta",
        'λ' => "lambda",
        'μ' => "mu",
        'π' => "pi",
        'σ' => "sigma",
        'τ' => "tau",
        'ω' => "omega",
        _ => null,
    };

    public static RecordValue Amount(string metricId, decimal value, Unit unit, Scope? scope = null) =>
        new(metricId, FactValue.Of(Quantity.Of(Normalize(value), unit)), scope);

    public static RecordValue Day(string metricId, DateOnly date) => new(metricId, FactValue.Of(date));

    public static RecordValue Text(string metricId, string text) => new(metricId, FactValue.Of(text));

    public static RecordValue YesNo(string metricId, bool value) => new(metricId, FactValue.Of(value ? "yes" : "no"));
}
