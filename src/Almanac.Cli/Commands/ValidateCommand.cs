using System.CommandLine;
using Almanac.DataFiles;
using Almanac.Hosting;

namespace Almanac.Cli.Commands;

/// <summary><c>almanac validate</c>: check every data file and say where each problem is.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("validate", "Check the curated data files (file:line:column for each problem)");
        command.SetAction(parse => context.Run(output =>
        {
            var folder = Workspace.FindDataFolder(parse.GetValue(CommonOptions.Data));
            var result = DataFolder.Load(folder);
            if (!result.Succeeded)
            {
                throw new CliException(Workspace.DescribeInvalid(result, null), ExitCodes.InvalidData);
            }

            var kb = result.Knowledge!;
            output.WriteLine($"{folder}: {result.FileCount} files valid: {kb.Metrics.Count()} metrics, {kb.Entities.Count()} entities, {kb.Sources.Count()} sources, {kb.Facts.Count} facts");
        }));
        return command;
    }
}
