using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Almanac.Cli.Output;
using Almanac.Hosting;
using Almanac.Knowledge;
using Almanac.Knowledge.Imports;
using Almanac.Storage;
using Spectre.Console;

namespace Almanac.Cli.Commands;

/// <summary><c>almanac entities [query]</c>: find organisations, models, markets… by any of their names.</summary>
internal static class EntitiesCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var query = new Argument<string?>("query") { Description = "A name or part of one, in English or Chinese", Arity = ArgumentArity.ZeroOrOne };
        var kind = new Option<string?>("--kind", "-k") { Description = $"Only this kind: {string.Join(", ", EntityKindCodes.All)}" };
        var unresolved = new Option<bool>("--unresolved") { Description = "List the dataset records that matched no canonical model, with the reason" };
        var format = CommonOptions.Format();
        var command = new Command("entities", "Find entities by name or alias") { query, kind, unresolved, format };
        command.SetAction(parse => context.Run(output =>
        {
            using var workspace = context.OpenWorkspace(parse);
            if (parse.GetValue(unresolved))
            {
                WriteUnresolved(workspace.Store.Unresolved(parse.GetValue(query)), parse.GetValue(format), output, context.Console);
                return;
            }

            var names = workspace.Names();
            IEnumerable<Entity> found = names.Entities.OrderBy(e => e.Id, StringComparer.Ordinal);
            if (parse.GetValue(query) is { Length: > 0 } q)
            {
                // An exact name first (谷歌 → google), then every entity whose names contain the text.
                var exact = names.ResolveEntity(q);
                found = exact.Concat(names.SearchEntities(q).Where(e => !exact.Contains(e))).ToList();
            }

            if (parse.GetValue(kind) is { } k)
            {
                if (!EntityKindCodes.TryParse(k, out var entityKind))
                {
                    throw new CliException($"unknown kind '{k}'; expected one of {string.Join(", ", EntityKindCodes.All)}");
                }

                found = found.Where(e => e.Kind == entityKind);
            }

            Write(found.ToList(), parse.GetValue(format), output, context.Console);
        }));
        return command;
    }

    private static void WriteUnresolved(IReadOnlyList<UnresolvedRecord> records, OutputFormat format, TextWriter output, IAnsiConsole console)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(records.Select(r => new { dataset = r.Dataset, record = r.RecordKey, name = r.ModelName, provider = r.Provider, reason = r.Reason }), JsonOptions));
                break;
            case OutputFormat.Csv:
                Csv.WriteRow(output, ["dataset", "record", "name", "provider", "reason"]);
                foreach (var r in records)
                {
                    Csv.WriteRow(output, [r.Dataset, r.RecordKey, r.ModelName, r.Provider, r.Reason]);
                }

                break;
            default:
                if (records.Count == 0)
                {
                    console.MarkupLine("[green]Every imported record landed on a canonical model.[/]");
                    return;
                }

                var table = new Table().Border(TableBorder.Rounded).AddColumn("Dataset").AddColumn("Record").AddColumn("Name").AddColumn("Reason");
                foreach (var r in records)
                {
                    table.AddRow(Markup.Escape(r.Dataset), Markup.Escape(r.RecordKey), Markup.Escape(r.ModelName ?? string.Empty), Markup.Escape(r.Reason));
                }

                console.Write(table);
                console.MarkupLine($"[grey]{records.Count} unresolved record(s)[/]");
                break;
        }
    }

    private static void Write(List<Entity> entities, OutputFormat format, TextWriter output, IAnsiConsole console)
    {
        switch (format)
        {
            case OutputFormat.Json:
                var rows = entities.Select(e => new
                {
                    id = e.Id,
                    kind = e.Kind.ToCode(),
                    name_en = e.Name.En,
                    name_zh = e.Name.Zh,
                    aliases = e.Aliases,
                    parent = e.Parent,
                    developer = e.Developer,
                });
                output.WriteLine(JsonSerializer.Serialize(rows, JsonOptions));
                break;
            case OutputFormat.Csv:
                ListCsv.Entities(entities, output);
                break;
            default:
                if (entities.Count == 0)
                {
                    console.MarkupLine("[yellow]No entities match.[/]");
                    return;
                }

                var table = new Table().Border(TableBorder.Rounded).AddColumn("Id").AddColumn("Kind").AddColumn("Name").AddColumn("中文").AddColumn("Aliases");
                foreach (var e in entities)
                {
                    table.AddRow(Markup.Escape(e.Id), e.Kind.ToCode(), Markup.Escape(e.Name.En), Markup.Escape(e.Name.Zh ?? string.Empty), Markup.Escape(string.Join(", ", e.Aliases.Where(a => a != e.Id && a != e.Name.En && a != e.Name.Zh))));
                }

                console.Write(table);
                console.MarkupLine($"[grey]{entities.Count} entit{(entities.Count == 1 ? "y" : "ies")}[/]");
                break;
        }
    }
}
