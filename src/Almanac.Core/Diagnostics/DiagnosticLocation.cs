using System.Globalization;

namespace Almanac.Diagnostics;

/// <summary>
/// Where in an input a problem is: a line and column, a line, a JSON path (alone or inside one line of a
/// line-per-document log), a named part of the input (its file name, the archive, the download), or nowhere
/// in particular. Lines and columns are 1-based.
/// </summary>
public readonly record struct DiagnosticLocation
{
    private DiagnosticLocation(int? line, int? column, string? path, string? part)
    {
        Line = line;
        Column = column;
        Path = path;
        Part = part;
    }

    /// <summary>The input as a whole.</summary>
    public static DiagnosticLocation None => default;

    public int? Line { get; }

    public int? Column { get; }

    /// <summary>A JSON path such as <c>$.anthropic.models["claude"].cost.input</c>.</summary>
    public string? Path { get; }

    /// <summary>A part of the input that has no line: <c>file name</c>, <c>archive</c>, <c>download</c>.</summary>
    public string? Part { get; }

    public bool IsNone => Line is null && Path is null && Part is null;

    public static DiagnosticLocation At(int line, int column) => new(line, column, null, null);

    public static DiagnosticLocation AtLine(int line) => new(line, null, null, null);

    public static DiagnosticLocation AtPath(string path) => new(null, null, path, null);

    public static DiagnosticLocation In(string part) => new(null, null, null, part);

    /// <summary>This place, narrowed to a named part within it (<c>column input_tokens</c> of line 3).</summary>
    public DiagnosticLocation WithPart(string part) => new(Line, Column, Path, Part is null ? part : $"{Part}, {part}");

    /// <summary>This line, with a JSON path inside the document it holds.</summary>
    public DiagnosticLocation WithPath(string path) => new(Line, Column, path, Part);

    /// <summary>
    /// The location as it follows the source in <see cref="Diagnostic.ToString"/>: <c>:12:7</c>, <c>:12</c>,
    /// <c>: $.a.b</c>, <c>:12: $.a.b</c>, <c>: file name</c>, or nothing.
    /// </summary>
    public string Suffix()
    {
        var text = string.Empty;
        if (Line is { } line)
        {
            text = Column is { } column
                ? string.Create(CultureInfo.InvariantCulture, $":{line}:{column}")
                : string.Create(CultureInfo.InvariantCulture, $":{line}");
        }

        if (Path is not null)
        {
            text += ": " + Path;
        }

        if (Part is not null)
        {
            text += ": " + Part;
        }

        return text;
    }

    /// <summary>
    /// The location on its own, for a person or as a key of an API's <c>errors</c>: <c>line 12, column 7</c>,
    /// <c>line 12</c>, <c>$.a.b</c>, <c>line 12, $.a.b</c>, <c>file name</c>, or empty.
    /// </summary>
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Line is { } line)
        {
            parts.Add(Column is { } column
                ? string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}")
                : string.Create(CultureInfo.InvariantCulture, $"line {line}"));
        }

        if (Path is not null)
        {
            parts.Add(Path);
        }

        if (Part is not null)
        {
            parts.Add(Part);
        }

        return string.Join(", ", parts);
    }
}
