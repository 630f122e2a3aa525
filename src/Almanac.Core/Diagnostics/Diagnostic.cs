namespace Almanac.Diagnostics;

/// <summary>
/// Why an input cannot be read, and where: the one shape every reader reports a problem in (data files,
/// dataset files, usage logs, notes), rendered one way everywhere and turned by each host into an exit code
/// or a problem document.
/// </summary>
/// <param name="Source">The input: a file name, a URL, or another name its reader was given; empty when it has none.</param>
/// <param name="Code">A stable identifier of the kind of problem, one of <see cref="DiagnosticMessages"/>' codes.</param>
/// <param name="Message">What is wrong and what was expected, for a person.</param>
public sealed record Diagnostic(string Source, DiagnosticLocation Location, DiagnosticCode Code, string Message)
{
    /// <summary>A problem with the catalogue's generic code for a value the reader does not accept.</summary>
    public static Diagnostic Invalid(string source, DiagnosticLocation location, string message) =>
        new(source, location, DiagnosticMessages.InvalidValue, message);

    /// <summary>
    /// <c>data/facts/x.yaml:42:7: unknown metric 'market_szie'</c>, <c>models.json: $.a.cost.input: expected a number</c>,
    /// <c>usage.jsonl:12: $.tokens: expected an object</c>, <c>x.csv: file name: expected a day</c>.
    /// </summary>
    public override string ToString() =>
        Source.Length == 0 && Location.IsNone ? Message
        : Source.Length == 0 ? $"{Location}: {Message}"
        : $"{Source}{Location.Suffix()}: {Message}";
}

/// <summary>Thrown where a reader must unwind on bad input; carries the diagnostic, and nothing was read.</summary>
public sealed class DiagnosticException : Exception
{
    public DiagnosticException(Diagnostic diagnostic)
        : base(diagnostic.ToString()) => Diagnostic = diagnostic;

    public DiagnosticException(Diagnostic diagnostic, Exception innerException)
        : base(diagnostic.ToString(), innerException) => Diagnostic = diagnostic;

    public DiagnosticException()
        : this("the input cannot be read")
    {
    }

    public DiagnosticException(string message)
        : this(Diagnostic.Invalid(string.Empty, DiagnosticLocation.None, message))
    {
    }

    public DiagnosticException(string message, Exception innerException)
        : this(Diagnostic.Invalid(string.Empty, DiagnosticLocation.None, message), innerException)
    {
    }

    public Diagnostic Diagnostic { get; }
}
