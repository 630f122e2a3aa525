using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Almanac.Cli.Output;
using Almanac.Hosting;
using Almanac.Knowledge;
using Spectre.Console;

namespace Almanac.Cli.Commands;

/// <summary><c>almanac prices</c>: each price a model had, with the period it held and the snapshots that showed it.</summary>
internal static class PricesCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create(CliContext context)
    {
        var model = new Argument<string>("model") { Description = "The model, by id, name or alias (as in almanac facts --entity)" };
        var provider = new Option<string?>("--provider") { Description = "Only this provider's prices (openrouter, anthropic, bedrock…)" };
        var format = CommonOptions.Format();
        var command = new Command("prices", "A model's price history from successive dataset snapshots: each price and the period it held") { model, provider, format };
        command.SetAction(parse => context.Run(output =>
        {
            using var workspace = context.OpenWorkspace(parse);
            var entity = Resolve.Entity(workspace, parse.GetValue(model)!);
            if (entity.Kind != EntityKind.Model)
            {
                throw new CliException($"'{parse.GetValue(model)}' is {entity.Id}, a {entity.Kind.ToString().ToLowerInvariant()}, not a model");
            }

            var rows = PriceList.Rows(PriceList.History(workspace.Store), entity.Id, parse.GetValue(provider)?.Trim());
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    output.WriteLine(JsonSerializer.Serialize(new { model = entity.Id, name = entity.Name.En, prices = rows.Select(PriceList.Json) }, JsonOptions));
                    break;
                case OutputFormat.Csv:
                    PriceList.Csv(rows, output);
                    break;
                default:
                    if (rows.Count == 0)
                    {
                        context.Console.MarkupLine($"[yellow]{Markup.Escape(entity.Name.En)} has no prices from dataset snapshots{(parse.GetValue(provider) is { } p ? $" of provider {Markup.Escape(p)}" : string.Empty)}.[/]");
                        return;
                    }

                    var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{entity.Name.En}: prices in USD per 1M tokens"))
                        .AddColumn("From").AddColumn("To").AddColumn("Provider").AddColumn("Offering")
                        .AddColumn(new TableColumn("Input").RightAligned()).AddColumn(new TableColumn("Output").RightAligned())
                        .AddColumn(new TableColumn("Cache read").RightAligned()).AddColumn("Shown by");
                    foreach (var r in rows)
                    {
                        var offering = r.Scope["variant"] is { } v ? $"{r.Scope["offering"]} ({v})" : r.Scope["offering"] ?? string.Empty;
                        var shown = r.FirstSource.Id == r.LastSource.Id
                            ? $"{r.FirstSource.Publisher}, {r.FirstSource.Published:yyyy-MM-dd}"
                            : $"{r.FirstSource.Publisher}, {r.FirstSource.Published:yyyy-MM-dd} … {r.LastSource.Published:yyyy-MM-dd}";
                        table.AddRow(
                            $"{r.From:yyyy-MM-dd}", r.To is { } to ? $"{to:yyyy-MM-dd}" : string.Empty,
                            Markup.Escape(r.Provider ?? string.Empty), Markup.Escape(offering),
                            PriceList.Text(r.Input), PriceList.Text(r.Output), PriceList.Text(r.CacheRead), Markup.Escape(shown));
                    }

                    context.Console.Write(table);
                    break;
            }
        }));
        return command;
    }
}
