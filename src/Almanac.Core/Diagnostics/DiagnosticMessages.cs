using System.Globalization;

namespace Almanac.Diagnostics;

/// <summary>What a diagnostic means to a host: which exit code or HTTP status it answers with.</summary>
public enum DiagnosticKind
{
    /// <summary>The input is not what it claims to be; nothing was read or stored.</summary>
    InvalidInput,

    /// <summary>The input could not be fetched or opened (a server that does not answer, a file that is not there).</summary>
    Unavailable,
}

/// <summary>A kind of problem: a stable id, what it means to a host, and the template its message is made from.</summary>
/// <param name="Template">A composite format string (<c>{0}</c>, <c>{1}</c>) filled by <see cref="Format"/>.</param>
public sealed record DiagnosticCode(string Id, DiagnosticKind Kind, string Template)
{
    public string Format(params object?[] arguments) =>
        arguments.Length == 0 ? Template : string.Format(CultureInfo.InvariantCulture, Template, arguments);

    /// <summary>A diagnostic of this code at <paramref name="location"/> of <paramref name="source"/>.</summary>
    public Diagnostic At(string source, DiagnosticLocation location, params object?[] arguments) =>
        new(source, location, this, Format(arguments));

    public override string ToString() => Id;
}

/// <summary>
/// The codes and message templates the readers share, in one place so that the same problem reads the same in a
/// data file, a dataset, a usage log and a request body. Readers word what only they know with
/// <see cref="InvalidValue"/>.
/// </summary>
public static class DiagnosticMessages
{
    /// <summary>Bytes that are not UTF-8, at the line and column of the first bad byte.</summary>
    public static readonly DiagnosticCode NotUtf8 =
        new("not-utf8", DiagnosticKind.InvalidInput, "the file is not valid UTF-8 here (save it as UTF-8)");

    /// <summary>{0}: the parser's own words.</summary>
    public static readonly DiagnosticCode InvalidJson =
        new("invalid-json", DiagnosticKind.InvalidInput, "invalid JSON: {0}");

    /// <summary>{0}: the parser's own words.</summary>
    public static readonly DiagnosticCode InvalidYaml =
        new("invalid-yaml", DiagnosticKind.InvalidInput, "invalid YAML: {0}");

    /// <summary>{0}: the CSV parser's words or what was found.</summary>
    public static readonly DiagnosticCode InvalidCsv =
        new("invalid-csv", DiagnosticKind.InvalidInput, "invalid CSV: {0}");

    /// <summary>{0}: what was expected (<c>a number</c>), {1}: what was found.</summary>
    public static readonly DiagnosticCode WrongType =
        new("wrong-type", DiagnosticKind.InvalidInput, "expected {0}, found {1}");

    /// <summary>{0}: how deep a document may nest, {1}: how deep such documents need to go.</summary>
    public static readonly DiagnosticCode TooDeep =
        new("too-deep", DiagnosticKind.InvalidInput, "nesting deeper than {0} levels; {1}");

    /// <summary>{0}: the field, {1}: what it was found in, {2}: the fields allowed there.</summary>
    public static readonly DiagnosticCode UnknownField =
        new("unknown-field", DiagnosticKind.InvalidInput, "unknown field '{0}' in {1}; expected one of {2}");

    /// <summary>{0}: the text that names no day, {1}: the form expected.</summary>
    public static readonly DiagnosticCode NoSuchDay =
        new("no-such-day", DiagnosticKind.InvalidInput, "'{0}' names no day; expected {1}");

    /// <summary>{0}: what the file was expected to hold.</summary>
    public static readonly DiagnosticCode Empty =
        new("empty", DiagnosticKind.InvalidInput, "the file is empty; expected {0}");

    /// <summary>{0}: what was being read when the input ended.</summary>
    public static readonly DiagnosticCode CutShort =
        new("cut-short", DiagnosticKind.InvalidInput, "the file is cut short: it ends inside {0}");

    /// <summary>{0}: why the download failed.</summary>
    public static readonly DiagnosticCode DownloadFailed =
        new("download-failed", DiagnosticKind.Unavailable, "{0}");

    /// <summary>{0}: the reader's own words for a value it does not accept.</summary>
    public static readonly DiagnosticCode InvalidValue =
        new("invalid-value", DiagnosticKind.InvalidInput, "{0}");
}
