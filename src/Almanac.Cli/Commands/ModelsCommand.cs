using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Almanac.Catalogue;
using Almanac.Cli.Output;
using Almanac.Hosting;
using Almanac.Knowledge;
using Almanac.Quantities;
using Almanac.Storage;
using Spectre.Console;

namespace Almanac.Cli.Commands;

/// <summary><c>almanac models</c>: the catalogue a user browses, one row per canonical model, each figure sourced.</summary>
internal static class ModelsCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var provider = new Option<string?>("--provider") { Description = "Models developed or served by this organisation or provider (anthropic, bedrock, openrouter…)" };
        var openWeights = new Option<bool?>("--open-weights") { Description = "Only models with (true) or without (false) open weights", Arity = ArgumentArity.ZeroOrOne };
        var minContext = new Option<string?>("--min-context") { Description = "Only models with at least this context window (128000, 128K, 1M)" };
        var maxPrice = NumberOptions.Decimal("--max-price", "Only models whose first-party input price is at most this many USD per 1M tokens", minimum: 0);
        var releasedAfter = new Option<string?>("--released-after") { Description = "Only models released after this date (YYYY-MM-DD)" };
        var sort = new Option<string>("--sort") { Description = $"Order: {string.Join(", ", CatalogueOrder.Sorts)}", DefaultValueFactory = _ => "release" };
        var limit = NumberOptions.Whole("--limit", "At most this many rows", minimum: 1);
        var asOf = new Option<string?>("--as-of") { Description = "The catalogue as it stood on this date (YYYY-MM-DD): each dataset's latest snapshot on or before it, prices then in force" };
        var format = CommonOptions.Format();
        var command = new Command("models", "Browse the model catalogue: one row per canonical model, with sources")
        {
            provider, openWeights, minContext, maxPrice, releasedAfter, sort, limit, asOf, format,
        };
        command.SetAction(parse => context.Run(output =>
        {
            var order = parse.GetValue(sort)!;
            if (!CatalogueOrder.Sorts.Contains(order, StringComparer.Ordinal))
            {
                throw new CliException($"unknown --sort '{order}'; expected one of {string.Join(", ", CatalogueOrder.Sorts)}");
            }

            using var workspace = context.OpenWorkspace(parse);
            var filter = new CatalogueFilter(
                parse.GetValue(provider) is { } p ? ProviderId(workspace, p) : null,
                parse.GetValue(openWeights),
                parse.GetValue(minContext) is { } c ? ParseContext(c) : null,
                parse.GetValue(maxPrice),
                parse.GetValue(releasedAfter) is { } r ? FactsCommand.ParseDate(r, "--released-after") : null);
            var day = parse.GetValue(asOf) is { } a ? FactsCommand.ParseDate(a, "--as-of") : (DateOnly?)null;
            var facts = workspace.Store.Facts(new FactQuery(MetricIds: ModelCatalogue.Metrics, EntityKind: EntityKind.Model, AsOf: day));
            var rows = CatalogueOrder.Apply(filter.Apply(ModelCatalogue.Build(workspace.Store.Entities(), facts.Select(f => new CatalogueFact(f.Fact, f.Source, f.Dataset)), day)), order);
            if (parse.GetValue(limit) is { } n)
            {
                rows = rows.Take(n);
            }

            Write(rows.ToList(), parse.GetValue(format), output, context.Console);
        }));
        return command;
    }

    // A provider may be an organisation known by name (谷歌 → google) or a serving provider's code (bedrock).
    private static string ProviderId(Workspace workspace, string name) =>
        workspace.Store.FindEntities(name) is [{ Kind: EntityKind.Organisation } org] ? org.Id : name.Trim().ToLowerInvariant();

    private static decimal ParseContext(string text)
    {
        var parsed = QuantityParser.Parse(text);
        if (parsed.IsSuccess && parsed.Value.Quantity.Unit.Dimension is Dimension.Count or Dimension.Tokens && !parsed.Value.Quantity.IsRange)
        {
            return parsed.Value.Quantity.Value;
        }

        throw new CliException($"--min-context '{text}' is not a token count; expected e.g. 128000, 128K or 1M");
    }

    private static void Write(List<CatalogueRow> rows, OutputFormat format, TextWriter output, IAnsiConsole console)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
                {
                    id = r.Model.Id,
                    name = r.Model.Name.En,
                    developer = r.Model.Developer,
                    release_date = Json(r.ReleaseDate),
                    open_weights = Json(r.OpenWeights),
                    context_window = Json(r.ContextWindow),
                    price_input = Json(r.InputPrice),
                    price_output = Json(r.OutputPrice),
                    parameters_total = Json(r.Parameters),
                    parameters_active = Json(r.ActiveParameters),
                    providers = r.Providers,
                    sources = r.Publishers,
                }), JsonOptions));
                break;
            case OutputFormat.Csv:
                ListCsv.Models(rows, output);
                break;
            default:
                if (rows.Count == 0)
                {
                    console.MarkupLine("[yellow]No models match.[/]");
                    return;
                }

                var table = new Table().Border(TableBorder.Rounded)
                    .AddColumn("Model").AddColumn("Developer").AddColumn("Released").AddColumn("Open")
                    .AddColumn(new TableColumn("Context").RightAligned()).AddColumn(new TableColumn("$/1M in").RightAligned())
                    .AddColumn(new TableColumn("$/1M out").RightAligned()).AddColumn(new TableColumn("Params").RightAligned()).AddColumn("Sources");
                foreach (var r in rows)
                {
                    table.AddRow(
                        Markup.Escape(r.Model.Name.En),
                        Markup.Escape(r.DeveloperName ?? string.Empty),
                        Cell(r.ReleaseDate),
                        Cell(r.OpenWeights),
                        Cell(r.ContextWindow),
                        Price(r.InputPrice),
                        Price(r.OutputPrice),
                        Cell(r.Parameters),
                        Markup.Escape(string.Join(", ", r.Publishers)));
                }

                console.Write(table);
                console.MarkupLine($"[grey]{rows.Count} model(s)[/]");
                break;
        }
    }

    private static string Cell(SourcedValue? value) =>
        value is null ? "[grey]–[/]" : Markup.Escape(value.Value.Quantity is { } q
            ? QuantityFormatter.Format(q, Text.Language.En, new QuantityFormatOptions { Compact = true, SignificantDigits = 4 })
            : value.Value.ToString());

    private static string Price(SourcedValue? value) =>
        value?.Value.Quantity is { } q ? "$" + q.Value.ToString("0.####", CultureInfo.InvariantCulture) : "[grey]–[/]";

    private static object? Json(SourcedValue? value) => value is null ? null : new
    {
        value = value.Value.Quantity is { } q ? (object)q.Value : value.Value.ToString(),
        unit = value.Value.Unit.Code,
        source = value.Source.Publisher,
        source_title = value.Source.Title,
        source_url = value.Source.Url.ToString(),
        published = value.Source.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        dataset = value.Dataset,
        record = value.Record,
    };
}
