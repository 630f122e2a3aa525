using Almanac.Diagnostics;

namespace Almanac.Cli;

/// <summary>A failure to report on stderr as <c>almanac: message</c> with a non-zero exit code.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Invalid data files: nothing was stored.</summary>
    public const int InvalidData = 1;

    /// <summary>The command line asked for something that does not exist or cannot be read.</summary>
    public const int Usage = 2;

    /// <summary>The store could not be opened or written.</summary>
    public const int Store = 3;

    /// <summary>Stopped by Ctrl+C before finishing (128 + SIGINT, as shells report it); nothing half-written was left.</summary>
    public const int Interrupted = 130;

    /// <summary>
    /// The one mapping from a reader's diagnostic to an exit code: an input that is not what it claims and one
    /// that could not be fetched (a download that failed) are both invalid input, and nothing was stored.
    /// </summary>
    public static int Of(Diagnostic diagnostic) => diagnostic.Code.Kind switch
    {
        DiagnosticKind.InvalidInput or DiagnosticKind.Unavailable => InvalidData,
        _ => InvalidData,
    };
}
