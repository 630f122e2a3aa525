using System.CommandLine;
using Almanac.Imports;
using Almanac.Imports.Readers;

namespace Almanac.Cli.Commands;

/// <summary><c>almanac sync</c>: fetch the public datasets from where they are published and import each.</summary>
internal static class SyncCommand
{
    public static Command Create(CliContext context)
    {
        var only = new Option<string[]>("--only") { Description = "Only these datasets (repeatable)" };
        var urls = new Option<string[]>("--url") { Description = "Fetch a dataset from another address: dataset=URL (repeatable)" };
        var command = new Command("sync", "Fetch models.dev, LiteLLM and Epoch AI from their public addresses and import them") { only, urls };
        command.SetAction(parse => context.Run(output =>
        {
            var overrides = (parse.GetValue(urls) ?? []).Select(ParseOverride).ToDictionary(o => o.Dataset.Code, o => o.Url, StringComparer.Ordinal);
            var wanted = parse.GetValue(only) is { Length: > 0 } names
                ? names.Select(n => Datasets.Find(n) ?? throw new CliException($"unknown dataset '{n}'")).ToList()
                : Datasets.All.Where(d => d.PublicUrl is not null || overrides.ContainsKey(d.Code)).ToList();
            using var workspace = context.OpenWorkspace(parse);
            var results = new List<ImportCommand.Result>();
            var failures = new List<string>();
            foreach (var dataset in wanted)
            {
                var url = overrides.GetValueOrDefault(dataset.Code) ?? dataset.PublicUrl
                    ?? throw new CliException($"{dataset.Code} has no public address; give one with --url {dataset.Code}=URL");
                try
                {
                    results.Add(ImportCommand.Run(context, workspace, dataset, url.ToString(), new SnapshotInfo()));
                }
                catch (CliException e)
                {
                    // One dataset failing leaves the others imported: each is its own transaction.
                    failures.Add(e.Message);
                    context.Error.WriteLine($"almanac: {e.Message}");
                }
            }

            if (results.Count > 0)
            {
                ImportCommand.Summarise(results, context.Console);
            }

            if (failures.Count > 0)
            {
                throw new CliException($"{failures.Count} of {wanted.Count} dataset(s) could not be synced", ExitCodes.InvalidData);
            }
        }));
        return command;
    }

    private static (DatasetDefinition Dataset, Uri Url) ParseOverride(string text)
    {
        var parts = text.Split('=', 2);
        if (parts.Length != 2 || Datasets.Find(parts[0]) is not { } dataset || !Uri.TryCreate(parts[1], UriKind.Absolute, out var url))
        {
            throw new CliException($"--url '{text}' must be dataset=URL with a dataset among {string.Join(", ", Datasets.All.Select(d => d.Code))}");
        }

        return (dataset, url);
    }
}
