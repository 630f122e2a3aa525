using System.CommandLine;
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
        return root;
    }

    public static int Run(string[] args, CliContext context)
    {
        var parse = Create(context).Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error });
    }
}
