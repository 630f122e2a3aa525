using System.CommandLine;
using System.CommandLine.Parsing;
using Almanac.Cli.Commands;

namespace Almanac.Cli;

/// <summary>The <c>almanac</c> command line: one root command with a subcommand per job.</summary>
internal static class AlmanacCommand
{
    public static RootCommand Create(CliContext context)
    {
        var root = new RootCommand("Almanac: the LLM market almanac. Every number has a source.")
        {
            CommonOptions.Data,
            CommonOptions.Store,
        };
        root.Subcommands.Add(FactsCommand.Create(context));
        root.Subcommands.Add(EntitiesCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(ModelsCommand.Create(context));
        root.Subcommands.Add(PricesCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(SyncCommand.Create(context));
        root.Subcommands.Add(ConflictsCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(SurveyCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(UsageCommand.Create(context));
        return root;
    }

    public static int Run(string[] args, CliContext context)
    {
        var parse = Create(context).Parse(args);
        if (parse.Errors.Count > 0 && !AsksForHelp(parse))
        {
            return ReportUsageErrors(parse, context.Error);
        }

        return parse.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error });
    }

    /// <summary>
    /// A bad command line is exit 2 with one line per mistake and where to read the usage; the
    /// messages come from the options themselves (see <see cref="NumberOptions"/>), so no .NET type
    /// name reaches the user.
    /// </summary>
    private static int ReportUsageErrors(ParseResult parse, TextWriter error)
    {
        foreach (var problem in parse.Errors)
        {
            error.WriteLine($"almanac: {problem.Message}");
        }

        var path = string.Join(' ', CommandPath(parse.CommandResult));
        error.WriteLine($"almanac: see '{path} --help' for usage");
        return ExitCodes.Usage;
    }

    private static bool AsksForHelp(ParseResult parse) =>
        parse.Tokens.Any(token => token.Value is "--help" or "-h" or "-?");

    private static IEnumerable<string> CommandPath(CommandResult command) =>
        (command.Parent is CommandResult parent ? CommandPath(parent) : []).Append(command.Command is RootCommand ? "almanac" : command.Command.Name);
}
