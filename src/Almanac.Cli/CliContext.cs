using System.CommandLine;
using Almanac.Cli.Commands;
using Almanac.Hosting;
using Spectre.Console;

namespace Almanac.Cli;

/// <summary>What commands write to and read the clock from, so tests can run them in-process.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, TimeProvider clock)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider Clock { get; } = clock;

    private IAnsiConsole? _console;

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
