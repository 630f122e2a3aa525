using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Almanac.Cli.Output;
using Almanac.Hosting;
using Almanac.Knowledge;
using Almanac.Storage;
using Spectre.Console;

namespace Almanac.Cli.Commands;

/// <summary><c>almanac conflicts [--entity]</c>: where sources disagree, side by side with sources and dates.</summary>
internal static class ConflictsCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var entity = new Option<string[]>("--entity", "-e") { Description = "Only conflicts about this entity (id or name); repeatable" };
        var metric = new Option<string?>("--metric", "-m") { Description = "Only conflicts about this metric" };
        var asOf = new Option<string?>("--as-of") { Description = "Only sources published by this date (YYYY-MM-DD)" };
        var format = CommonOptions.Format();
        var command = new Command("conflicts", "Show where sources disagree, side by side") { entity, metric, asOf, format };
        command.SetAction(parse => context.Run(output =>
        {
            using var workspace = context.OpenWorkspace(parse);
            var entities = parse.GetValue(entity) is { Length: > 0 } given ? given.Select(n => Resolve.Entity(workspace, n).Id).ToArray() : null;
            var metricId = parse.GetValue(metric) is { } m ? workspace.Store.FindMetric(m)?.Id ?? throw new CliException($"unknown metric '{m}'") : null;
            var facts = workspace.Store.Facts(new FactQuery(
                EntityIds: entities,
                MetricId: metricId,
                AsOf: parse.GetValue(asOf) is { } a ? FactsCommand.ParseDate(a, "--as-of") : null));
            var names = facts.GroupBy(f => f.Fact.EntityId).ToDictionary(g => g.Key, g => g.First().EntityName.En, StringComparer.Ordinal);
            var conflicts = ConflictFinder.Find(facts.Select(f => new Statement(f.Fact, f.Source)), workspace.Store.Metrics());
            Write(conflicts, names, parse.GetValue(format), output, context.Console);
        }));
        return command;
    }

    private static void Write(IReadOnlyList<Conflict> conflicts, Dictionary<string, string> names, OutputFormat format, TextWriter output, IAnsiConsole console)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(
                    conflicts.Select(c => new
                    {
                        entity = c.EntityId,
                        entity_name = names[c.EntityId],
                        metric = c.MetricId,
                        scope = c.Scope.Values,
                        statements = c.Statements.Select(s => new
                        {
                            value = s.Fact.Value.ToString(),
                            period = s.Fact.Period.ToString(),
                            source = new { id = s.Source.Id, publisher = s.Source.Publisher, title = s.Source.Title, url = s.Source.Url.ToString(), published = s.Source.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                            record = s.Fact.Origin,
                        }),
                    }),
                    JsonOptions));
                break;
            case OutputFormat.Csv:
                ListCsv.Conflicts(conflicts, output);
                break;
            default:
                if (conflicts.Count == 0)
                {
                    console.MarkupLine("[green]No conflicts: the sources agree.[/]");
                    return;
                }

                var table = new Table().Border(TableBorder.Rounded)
                    .AddColumn("Entity").AddColumn("Metric").AddColumn("Scope").AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Period").AddColumn("Source").AddColumn("Published");
                foreach (var c in conflicts)
                {
                    var first = true;
                    foreach (var s in c.Statements)
                    {
                        table.AddRow(
                            first ? Markup.Escape(names[c.EntityId]) : string.Empty,
                            first ? Markup.Escape(c.MetricId) : string.Empty,
                            first ? Markup.Escape(c.Scope.Canonical.Replace(";", ", ", StringComparison.Ordinal)) : string.Empty,
                            Markup.Escape(FactOutput.Display(s.Fact.Value)),
                            Markup.Escape(s.Fact.Period.ToString()),
                            Markup.Escape($"{s.Source.Publisher}: {s.Source.Title}"),
                            s.Source.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        first = false;
                    }

                    table.AddEmptyRow();
                }

                console.Write(table);
                console.MarkupLine($"[grey]{conflicts.Count} conflict(s)[/]");
                break;
        }
    }
}
