using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Almanac.Reports;
using Almanac.Hosting;
using Almanac.Reports.Market;
using Almanac.Reports.Usage;
using Almanac.Usage.DuckDb;
using Almanac.Text;

namespace Almanac.Cli.Commands;

/// <summary><c>almanac report market</c>: the market analysis as one self-contained HTML file, every chart sourced.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("report", "Write reports from the knowledge base");
        command.Subcommands.Add(Market(context));
        command.Subcommands.Add(Usage(context));
        return command;
    }

    private static Command Usage(CliContext context)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the HTML report here (default: standard output)" };
        var lang = new Option<string>("--lang") { Description = "zh or en", DefaultValueFactory = _ => "en" };
        var usageStore = new Option<string?>("--usage-store") { Description = "The usage store file (DuckDB); default .almanac/usage.duckdb beside the knowledge store" };
        var command = new Command("usage", "Your own LLM usage: shares, cost, latency, switching and adoption charts from the usage store, in one offline HTML file")
        {
            output, lang, usageStore,
        };
        command.SetAction(parse => context.Run(console =>
        {
            var language = parse.GetValue(lang) switch
            {
                "en" => Language.En,
                "zh" => Language.Zh,
                var other => throw new CliException($"unknown --lang '{other}'; expected zh or en"),
            };
            var target = parse.GetValue(output);
            if (target is not null && Path.GetDirectoryName(Path.GetFullPath(target)) is { } folder && !Directory.Exists(folder))
            {
                throw new CliException($"cannot write {target}: the folder {folder} does not exist");
            }

            using var workspace = context.OpenWorkspace(parse);
            var path = parse.GetValue(usageStore) ?? UsageStorePath.Default(workspace.DataFolder, workspace.StoreLocation);
            UsageView view;
            if (!File.Exists(path))
            {
                view = UsageView.Empty;
            }
            else
            {
                try
                {
                    using var engine = DuckDbUsageStore.Open(path);
                    view = UsageView.Read(engine, UsagePublication.Releases(workspace.Store));
                }
                catch (UsageStoreException e)
                {
                    throw new CliException(e.Message, ExitCodes.Store);
                }
            }

            var report = UsageReport.Build(view, language, context.Clock.GetUtcNow());
            var html = ReportHtml.Write(report);
            if (target is null)
            {
                console.Write(html);
                return;
            }

            var partial = target + ".partial";
            File.WriteAllText(partial, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(partial, target, overwrite: true);
            context.Error.WriteLine(view.IsEmpty
                ? $"wrote {target}: the usage store has no events yet; ingest logs with almanac usage ingest"
                : $"wrote {target}: {report.Charts.Count()} charts over {view.Summary.Events:N0} events");
        }));
        return command;
    }

    private static Command Market(CliContext context)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the HTML report here (default: standard output)" };
        var asOf = new Option<string?>("--as-of") { Description = "Use only what had been published by this date (YYYY-MM-DD)" };
        var lang = new Option<string>("--lang") { Description = "zh or en", DefaultValueFactory = _ => "en" };
        var command = new Command("market", "The enterprise LLM market, the model landscape and China: charts from sourced facts, in one offline HTML file")
        {
            output, asOf, lang,
        };
        command.SetAction(parse => context.Run(console =>
        {
            var language = parse.GetValue(lang) switch
            {
                "en" => Language.En,
                "zh" => Language.Zh,
                var other => throw new CliException($"unknown --lang '{other}'; expected zh or en"),
            };
            var date = parse.GetValue(asOf) is { } a ? FactsCommand.ParseDate(a, "--as-of") : (DateOnly?)null;
            var target = parse.GetValue(output);
            if (target is not null && Path.GetDirectoryName(Path.GetFullPath(target)) is { } folder && !Directory.Exists(folder))
            {
                throw new CliException($"cannot write {target}: the folder {folder} does not exist");
            }

            var clock = Stopwatch.StartNew();
            using var workspace = context.OpenWorkspace(parse);
            var knowledge = ReportKnowledge.Load(workspace.Store, date);
            var report = MarketReport.Build(knowledge, language, date, context.Clock.GetUtcNow());
            var html = ReportHtml.Write(report);
            if (target is null)
            {
                console.Write(html);
                return;
            }

            // Written beside the target and moved over it, so a failed write never leaves half a report.
            var partial = target + ".partial";
            File.WriteAllText(partial, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(partial, target, overwrite: true);
            var notes = report.Sections.Sum(s => s.Notes.Count);
            context.Error.WriteLine(
                $"almanac: wrote {target}: {report.Sections.Count} sections, {report.Charts.Count()} charts, {report.Sources.Count} sources"
                + (notes > 0 ? $", {notes} view(s) without data" : string.Empty)
                + $" in {clock.ElapsedMilliseconds} ms");
        }));
        return command;
    }
}
