using Almanac.Cli;
using Almanac.Hosting;

namespace Almanac.Tests.Cli;

/// <summary>Runs the <c>almanac</c> command in-process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>The repository's own data folder, found from the test binaries.</summary>
    public static string RepositoryData { get; } = Workspace.FindDataFolder(null);

    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var context = new CliContext(output, error, TimeProvider.System);
        var code = AlmanacCommand.Run(args, context);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
