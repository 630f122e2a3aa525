using System.CommandLine;
using System.Globalization;
using Almanac.Catalogue;
using Almanac.Cli.Output;
using Almanac.Diagnostics;
using Almanac.Hosting;
using Almanac.Imports;
using Almanac.Imports.Readers;
using Almanac.Knowledge;
using Almanac.Knowledge.Imports;
using Almanac.Storage;
using Spectre.Console;

namespace Almanac.Cli.Commands;

/// <summary><c>almanac import &lt;dataset&gt; &lt;file|url&gt;</c>: one dataset snapshot into the store, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = new Argument<string>("dataset") { Description = $"One of {string.Join(", ", Datasets.All.Select(d => d.Code))}" };
        var location = new Argument<string>("file-folder-or-url") { Description = "A downloaded file (.json, .json.gz, .csv, .zip), a folder of them, or an http(s) address" };
        var date = new Option<string?>("--snapshot-date") { Description = "The day the file's content is as of (YYYY-MM-DD); default: the date in the file or its name, else the file's last change" };
        var version = new Option<string?>("--snapshot-version") { Description = "A label for the snapshot (a commit, a release); default: its date" };
        var command = new Command("import", $"Import a public dataset: {string.Join(", ", Datasets.All.Select(d => d.Code))}") { dataset, location, date, version };
        command.SetAction(parse => context.Run(output =>
        {
            var definition = Datasets.Find(parse.GetValue(dataset)!)
                ?? throw new CliException($"unknown dataset '{parse.GetValue(dataset)}'; expected one of {string.Join(", ", Datasets.All.Select(d => d.Code))}");
            var info = new SnapshotInfo
            {
                Date = parse.GetValue(date) is { } d ? FactsCommand.ParseDate(d, "--snapshot-date") : null,
                Version = parse.GetValue(version),
            };
            using var workspace = context.OpenWorkspace(parse);
            var result = Run(context, workspace, definition, parse.GetValue(location)!, info);
            Summarise([result], context.Console);
        }));
        return command;
    }

    /// <summary>What one dataset import did, for the summary table.</summary>
    internal sealed record Result(string Dataset, string Snapshot, ImportSummary Summary, int Conflicts, TimeSpan Took, IReadOnlyList<SkippedRows>? Skipped = null);

    /// <summary>Reads (downloading first when given an address), resolves and stores one snapshot.</summary>
    internal static Result Run(CliContext context, Workspace workspace, DatasetDefinition definition, string location, SnapshotInfo info)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var progress = new ProgressReporter(context.Error);
        string? downloaded = null;
        try
        {
            string path;
            if (Uri.TryCreate(location, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
                var (file, lastModified) = progress.Run($"{definition.Code}: downloading", report =>
                    new DatasetDownloader(http).DownloadAsync(url, new InlineProgress(p => report("downloading", p.Read, p.Total ?? 0)), CancellationToken.None).GetAwaiter().GetResult());
                downloaded = path = file;
                info = info with
                {
                    Url = url,
                    LastWritten = info.LastWritten ?? DateOnly.FromDateTime((lastModified ?? context.Clock.GetUtcNow()).UtcDateTime),
                };
            }
            else
            {
                path = location;
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    throw new CliException($"no such file or folder: {path}");
                }
            }

            var input = DatasetInput.FromPath(path, name: downloaded is null ? null : Path.GetFileName(new Uri(location).AbsolutePath));
            var snapshots = progress.Run($"{definition.Code}: reading", report =>
            {
                report("reading files", 0, input.Files.Count);
                return definition.Read(input, info);
            });

            if (snapshots.Count == 0)
            {
                throw new CliException($"{location} holds no {definition.Code} snapshot; nothing was imported", ExitCodes.InvalidData);
            }

            var summary = progress.Run($"{definition.Code}", report =>
                DatasetImporter.Import(snapshots, workspace.Store, context.Clock.GetUtcNow(), new InlineProgress<ImportProgress>(p =>
                    report(p.Phase == ImportPhase.Resolving ? "resolving models" : "storing facts", p.Done, p.Total))));
            var first = snapshots[0];
            var last = snapshots[^1];
            var label = snapshots.Count == 1
                ? $"{last.Version} ({last.Date:yyyy-MM-dd})"
                : $"{snapshots.Count} snapshots, {first.Date:yyyy-MM-dd} → {last.Date:yyyy-MM-dd}";
            return new Result(definition.Code, label, summary, CountConflicts(workspace, snapshots.Select(s => DatasetImporter.SourceOf(s).Id).ToHashSet(StringComparer.Ordinal)), clock.Elapsed,
                [.. snapshots.SelectMany(s => s.Skipped).GroupBy(s => s.Reason, StringComparer.Ordinal).Select(g => new SkippedRows(g.Key, g.Sum(s => s.Count)))]);
        }
        catch (DiagnosticException e)
        {
            throw new CliException($"{e.Diagnostic}; nothing was imported", ExitCodes.Of(e.Diagnostic));
        }
        catch (IOException e)
        {
            throw new CliException($"cannot read {location}: {e.Message}; nothing was imported", ExitCodes.InvalidData);
        }
        finally
        {
            if (downloaded is not null)
            {
                File.Delete(downloaded);
            }
        }
    }

    /// <summary>Conflicts about models that this snapshot is one side of.</summary>
    private static int CountConflicts(Workspace workspace, HashSet<string> sourceIds)
    {
        var facts = workspace.Store.Facts(new FactQuery(MetricIds: ModelCatalogue.Metrics, EntityKind: EntityKind.Model));
        return ConflictFinder.Find(facts.Select(f => new Statement(f.Fact, f.Source)), workspace.Store.Metrics())
            .Count(c => c.Statements.Any(s => sourceIds.Contains(s.Source.Id)));
    }

    internal static void Summarise(IReadOnlyList<Result> results, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Dataset").AddColumn("Snapshot")
            .AddColumn(new TableColumn("Added").RightAligned()).AddColumn(new TableColumn("Unchanged").RightAligned())
            .AddColumn(new TableColumn("New models").RightAligned()).AddColumn(new TableColumn("Conflicts").RightAligned())
            .AddColumn(new TableColumn("Unresolved").RightAligned()).AddColumn(new TableColumn("Dropped").RightAligned())
            .AddColumn(new TableColumn("Moved").RightAligned()).AddColumn(new TableColumn("Time").RightAligned());
        foreach (var r in results)
        {
            table.AddRow(
                r.Dataset,
                Markup.Escape(r.Snapshot),
                N(r.Summary.Added),
                N(r.Summary.Unchanged),
                N(r.Summary.NewEntities),
                N(r.Conflicts),
                N(r.Summary.Unresolved),
                N(r.Summary.Dropped),
                N(r.Summary.Moved),
                r.Took.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var r in results)
        {
            foreach (var skipped in r.Skipped ?? [])
            {
                console.MarkupLine($"[grey]{Markup.Escape(r.Dataset)}: skipped {N(skipped.Count)} × {Markup.Escape(skipped.Reason)}[/]");
            }
        }

        if (results.Any(r => r.Summary.Unresolved > 0))
        {
            console.MarkupLine("[grey]See what could not be matched with: almanac entities --unresolved[/]");
        }

        if (results.Any(r => r.Summary.Dropped > 0))
        {
            console.MarkupLine("[grey]Dropped: placeholders and impossible values the dataset wrote (a context of 0 or 99,999,999, a date such as 2025-13-45), not imported.[/]");
        }
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class InlineProgress(Action<(long Read, long? Total)> report) : IProgress<(long Read, long? Total)>
    {
        public void Report((long Read, long? Total) value) => report(value);
    }
}
