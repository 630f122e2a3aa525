using System.CommandLine;
using Almanac.Cli.Commands;
using Almanac.Diagnostics;
using Almanac.Hosting;
using Spectre.Console;

namespace Almanac.Cli;

/// <summary>What commands write to and read the clock from, so tests can run them in-process.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, TimeProvider clock) : IDisposable
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider Clock { get; } = clock;

    private IAnsiConsole? _console;
    private readonly CancellationTokenSource _interrupt = new();
    private volatile bool _stopsOnInterrupt;

    /// <summary>
    /// The token Ctrl+C cancels, for a command that stops cleanly on it: asking for it says the
    /// command does, so the first Ctrl+C cancels the token instead of ending the process.
    /// </summary>
    public CancellationToken StopsOnInterrupt()
    {
        _stopsOnInterrupt = true;
        return _interrupt.Token;
    }

    /// <summary>
    /// Ctrl+C was pressed: true when the running command stops on it by itself (see
    /// <see cref="StopsOnInterrupt"/>), false when the process should end as usual (no such command,
    /// or a second Ctrl+C).
    /// </summary>
    public bool Interrupt()
    {
        if (!_stopsOnInterrupt || _interrupt.IsCancellationRequested)
        {
            return false;
        }

        _interrupt.Cancel();
        return true;
    }

    public void Dispose() => _interrupt.Dispose();

    /// <summary>
    /// The console for tables, created on first use: detecting the terminal costs more than a JSON
    /// answer does. Piped output gets no colour codes and a wide page, so rows do not wrap.
    /// </summary>
    public IAnsiConsole Console => _console ??= CreateConsole(Output);

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var terminal = output == System.Console.Out && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    public Workspace OpenWorkspace(ParseResult parse) =>
        Workspace.Open(parse.GetValue(CommonOptions.Data), parse.GetValue(CommonOptions.Store), Clock, Error);

    /// <summary>The exit code for a workspace that could not be opened.</summary>
    public static int ExitCodeOf(WorkspaceFailure failure) => failure switch
    {
        WorkspaceFailure.InvalidData => ExitCodes.InvalidData,
        WorkspaceFailure.Store => ExitCodes.Store,
        _ => ExitCodes.Usage,
    };

    /// <summary>Runs a command body, turning expected failures into a message on stderr and an exit code.</summary>
    public int Run(Action<TextWriter> body)
    {
        try
        {
            body(Output);
            Output.Flush();
            return ExitCodes.Ok;
        }
        catch (CliException e)
        {
            Error.WriteLine($"almanac: {e.Message}");
            return e.ExitCode;
        }
        catch (DiagnosticException e)
        {
            Error.WriteLine($"almanac: {e.Diagnostic}");
            return ExitCodes.Of(e.Diagnostic);
        }
        catch (WorkspaceException e)
        {
            Error.WriteLine($"almanac: {e.Message}");
            return ExitCodeOf(e.Failure);
        }
        catch (Storage.StoreException e)
        {
            Error.WriteLine($"almanac: {e.Message}");
            return ExitCodes.Store;
        }
    }
}
