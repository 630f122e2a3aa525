using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Almanac.Cli.Output;
using Almanac.Diagnostics;
using Almanac.Hosting;
using Almanac.Usage;
using Almanac.Usage.Analyses;
using Almanac.Usage.Generation;
using Almanac.Usage.Normalisation;
using Almanac.Usage.Readers;
using Spectre.Console;

namespace Almanac.Cli.Commands;

/// <summary><c>almanac usage …</c>: your own LLM usage logs, normalised onto the catalogue, in a usage store beside the knowledge store.</summary>
internal static class UsageCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Option<string?> UsageStore = new("--usage-store")
    {
        Description = "The usage store: a DuckDB file (default .almanac/usage.duckdb beside the knowledge store) or a ClickHouse cluster, http://HOST:PORT/?database=NAME",
        Recursive = true,
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("usage", "Usage-log analytics: ingest your LLM logs, then shares, latency and cost over them") { UsageStore };
        command.Subcommands.Add(Ingest(context));
        command.Subcommands.Add(Share(context));
        command.Subcommands.Add(Latency(context));
        command.Subcommands.Add(Cost(context));
        command.Subcommands.Add(Adoption(context));
        command.Subcommands.Add(Switching(context));
        command.Subcommands.Add(Publish(context));
        command.Subcommands.Add(Generate(context));
        command.Subcommands.Add(Verify(context));
        command.Subcommands.Add(Export(context));
        return command;
    }

    private static Command Ingest(CliContext context)
    {
        var path = new Argument<string>("file-or-folder") { Description = "A log file (.gz read decompressed) or a folder of them" };
        var format = new Option<string?>("--format") { Description = "otel, litellm, openai or csv (CSV, JSON Lines or Parquet with --map); default: told from each file's content" };
        var map = new Option<string?>("--map") { Description = "Columns of a CSV, JSON Lines or Parquet log: field=column pairs, e.g. time=ts,model=model_name,input_tokens=usage.prompt_tokens" };
        var strict = new Option<bool>("--strict") { Description = "Fail on the first malformed line and write nothing, instead of skipping it" };
        var command = new Command("ingest", "Read usage logs into the usage store: one transaction, events already stored add nothing") { path, format, map, strict };
        command.SetAction(parse => context.Run(output =>
        {
            var chosen = parse.GetValue(format) is { } f ? UsageFormats.Parse(f) ?? throw new CliException($"--format expects otel, litellm, openai or csv, got '{f}'") : (UsageFormat?)null;
            var columns = Guard(() => ColumnMap.Parse(parse.GetValue(map)));
            var location = parse.GetValue(path)!;
            if (!File.Exists(location) && !Directory.Exists(location))
            {
                throw new CliException($"no such file or folder: {location}");
            }

            using var workspace = context.OpenWorkspace(parse);
            var normaliser = new UsageNormaliser(workspace.Store.Entities(), PriceList.History(workspace.Store));
            using var engine = OpenStore(parse, workspace);
            var summary = new ProgressReporter(context.Error).Run("usage ingest", report =>
                Guard(() => UsageIngest.Run(location, chosen, columns, parse.GetValue(strict), normaliser, engine,
                    new CallerProgress<IngestProgress>(p => report($"{p.Events:N0} events", p.BytesRead, p.BytesTotal)))));
            Summarise(summary, context.Console);
        }));
        return command;
    }

    private static void Summarise(IngestSummary summary, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("usage ingest").AddColumn("").AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("files", Count(summary.Files.Count));
        table.AddRow("events read", Count(summary.EventsRead));
        table.AddRow("events added", Count(summary.Stored.Added));
        table.AddRow("already stored", Count(summary.Stored.AlreadyStored));
        table.AddRow("skipped lines", Count(summary.SkippedLines));
        table.AddRow("records without an LLM call", Count(summary.PassedOver));
        table.AddRow("unresolved model strings", Count(summary.Unresolved.Count));
        console.Write(table);
        if (summary.FirstSkipped.Count > 0)
        {
            console.MarkupLine($"[yellow]Skipped lines (first {summary.FirstSkipped.Count} of {summary.SkippedLines:N0}):[/]");
            foreach (var error in summary.FirstSkipped)
            {
                console.MarkupLine("  " + Markup.Escape(error.ToString()));
            }
        }

        if (summary.Unresolved.Count > 0)
        {
            var unresolved = new Table().Border(TableBorder.Rounded).Title("model strings that landed on no model").AddColumn("Model as logged").AddColumn(new TableColumn("Events").RightAligned());
            foreach (var u in summary.Unresolved)
            {
                unresolved.AddRow(Markup.Escape(u.ModelRaw), Count(u.Events));
            }

            console.Write(unresolved);
        }
    }

    private static Command Share(CliContext context)
    {
        var by = new Option<ShareDimension>("--by") { Description = "developer, provider or model", DefaultValueFactory = _ => ShareDimension.Developer };
        var basis = new Option<ShareBasis>("--basis") { Description = "tokens (input + output), requests, spend (logged cost, else list-price cost), spendlogged or spendlisted", DefaultValueFactory = _ => ShareBasis.Tokens };
        var period = new Option<UsagePeriod>("--period") { Description = "day, week (from Monday) or month", DefaultValueFactory = _ => UsagePeriod.Month };
        var (from, to) = WindowOptions();
        var format = CommonOptions.Format();
        var command = new Command("share", "Each developer's, provider's or model's share of your usage per period") { by, basis, period, from, to, format };
        command.SetAction(parse => context.Run(output =>
        {
            var window = Window(parse, from, to);
            using var engine = OpenStore(parse, null);
            var rows = engine.Share(new ShareQuery(parse.GetValue(by), parse.GetValue(basis), parse.GetValue(period), window));
            Write(context, parse.GetValue(format), rows, $"share by {Code(parse.GetValue(by))}, {Code(parse.GetValue(basis))}",
                ["period", "key", "value", "share"], r => [r.Period, r.Key, Number(r.Value), Number(r.Share)]);
        }));
        return command;
    }

    private static Command Latency(CliContext context)
    {
        var (from, to) = WindowOptions();
        var format = CommonOptions.Format();
        var command = new Command("latency", "Duration and time-to-first-token percentiles, error rate and cache share per model and provider") { from, to, format };
        command.SetAction(parse => context.Run(output =>
        {
            using var engine = OpenStore(parse, null);
            var rows = engine.Latency(new LatencyQuery(Window(parse, from, to)));
            Write(context, parse.GetValue(format), rows, "latency in milliseconds",
                ["model", "provider", "requests", "duration_p50", "duration_p95", "duration_p99", "ttft_p50", "ttft_p95", "ttft_p99", "error_rate", "cache_share"],
                r => [r.Model, r.Provider, Count(r.Requests), Number(r.DurationP50), Number(r.DurationP95), Number(r.DurationP99), Number(r.TtftP50), Number(r.TtftP95), Number(r.TtftP99), Number(r.ErrorRate), Number(r.CacheShare)]);
        }));
        return command;
    }

    private static Command Cost(CliContext context)
    {
        var by = new Option<CostDimension>("--by") { Description = "team, user, tag, model or app", DefaultValueFactory = _ => CostDimension.Model };
        var limit = NumberOptions.Whole("--limit", null, "Rows at most, largest movers first", 20, 1, 100_000);
        var (from, to) = WindowOptions();
        var format = CommonOptions.Format();
        var command = new Command("cost", "Cost as logged against cost at the list price of each day, largest movers first") { by, limit, from, to, format };
        command.SetAction(parse => context.Run(output =>
        {
            using var engine = OpenStore(parse, null);
            var rows = engine.Cost(new CostQuery(parse.GetValue(by), Window(parse, from, to), parse.GetValue(limit)));
            Write(context, parse.GetValue(format), rows, $"cost in USD by {Code(parse.GetValue(by))}",
                ["key", "requests", "logged", "listed", "difference", "events_logged", "events_listed"],
                r => [r.Key, Count(r.Requests), Number(r.Logged), Number(r.Listed), Number(r.Difference), Count(r.EventsLogged), Count(r.EventsListed)]);
        }));
        return command;
    }

    private static Command Adoption(CliContext context)
    {
        var basis = new Option<ShareBasis>("--basis") { Description = "What a release's share of its developer's traffic is measured in: tokens, requests or spend", DefaultValueFactory = _ => ShareBasis.Tokens };
        var (from, to) = WindowOptions("First release day (YYYY-MM-DD), included", "Last release day (YYYY-MM-DD), included");
        var format = CommonOptions.Format();
        var command = new Command("adoption", "For each model the catalogue says was released in the window: days to first use and its share of its developer's traffic 7, 30 and 90 days after") { basis, from, to, format };
        command.SetAction(parse => context.Run(output =>
        {
            var window = Window(parse, from, to);
            using var workspace = context.OpenWorkspace(parse);
            var releases = UsagePublication.Releases(workspace.Store);
            using var engine = OpenStore(parse, workspace);
            var rows = engine.Adoption(new AdoptionQuery(releases, parse.GetValue(basis), window));
            Write(context, parse.GetValue(format), rows, $"adoption after release, share of the developer's {Code(parse.GetValue(basis))}",
                ["model_id", "developer_id", "released", "first_used", "days_to_first_use", "share_day7", "share_day30", "share_day90"],
                r => [r.ModelId, r.DeveloperId, Day(r.Released), r.FirstUsed is { } f ? Day(f) : null, r.DaysToFirstUse?.ToString(CultureInfo.InvariantCulture), Number(r.ShareDay7), Number(r.ShareDay30), Number(r.ShareDay90)]);
        }));
        return command;
    }

    private static Command Switching(CliContext context)
    {
        var by = new Option<SwitchingSubject>("--by") { Description = "Whose main model is followed: user, app or team", DefaultValueFactory = _ => SwitchingSubject.User };
        var period = new Option<UsagePeriod>("--period") { Description = "day, week (from Monday) or month", DefaultValueFactory = _ => UsagePeriod.Month };
        var (from, to) = WindowOptions();
        var format = CommonOptions.Format();
        var command = new Command("switching", "Main model (most tokens) per user, app or team, period against the next: stayed, moved within the developer, switched developer") { by, period, from, to, format };
        command.SetAction(parse => context.Run(output =>
        {
            using var engine = OpenStore(parse, null);
            var report = engine.Switching(new SwitchingQuery(parse.GetValue(by), parse.GetValue(period), Window(parse, from, to)));
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                context.Output.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
                return;
            }

            Write(context, parse.GetValue(format), report.Steps, $"switching by {Code(parse.GetValue(by))}",
                ["from", "to", "subjects", "stayed", "moved", "switched", "stayed_share", "moved_share", "switched_share"],
                r => [r.FromPeriod, r.ToPeriod, Count(r.Subjects), Count(r.Stayed), Count(r.Moved), Count(r.Switched), Number(r.StayedShare), Number(r.MovedShare), Number(r.SwitchedShare)]);
            if (parse.GetValue(format) == OutputFormat.Table && report.Matrix.Count > 0)
            {
                Write(context, OutputFormat.Table, report.Matrix, "from developer → to developer",
                    ["from", "to", "from_developer", "to_developer", "stayed", "moved", "switched"],
                    c => [c.FromPeriod, c.ToPeriod, c.FromDeveloper, c.ToDeveloper, Count(c.Stayed), Count(c.Moved), Count(c.Switched)]);
            }
        }));
        return command;
    }

    private static Command Publish(CliContext context)
    {
        var metric = new Option<string>("--metric") { Description = "market-share (percent of each period's total) or tokens-processed", DefaultValueFactory = _ => "market-share" };
        var by = new Option<ShareDimension>("--by") { Description = "developer, provider or model", DefaultValueFactory = _ => ShareDimension.Developer };
        var basis = new Option<ShareBasis>("--basis") { Description = "tokens, requests or spend", DefaultValueFactory = _ => ShareBasis.Tokens };
        var period = new Option<UsagePeriod>("--period") { Description = "day, week (from Monday) or month", DefaultValueFactory = _ => UsagePeriod.Month };
        var organisation = new Option<string>("--organisation") { Description = "Whose logs these are: the publisher the facts cite", DefaultValueFactory = _ => UsagePublication.DefaultOrganisation };
        var (from, to) = WindowOptions();
        var command = new Command("publish", "Store usage aggregates as facts of the knowledge store (one transaction; publishing the same aggregate again adds nothing), for almanac check") { metric, by, basis, period, organisation, from, to };
        command.SetAction(parse => context.Run(output =>
        {
            var chosen = parse.GetValue(metric) switch
            {
                "market-share" => PublishedMetric.MarketShare,
                "tokens-processed" => PublishedMetric.TokensProcessed,
                var other => throw new CliException($"--metric expects market-share or tokens-processed, got '{other}'"),
            };
            if (UsagePublication.BasisCode(parse.GetValue(basis)) is null || (chosen == PublishedMetric.TokensProcessed && parse.GetValue(basis) != ShareBasis.Tokens))
            {
                throw new CliException(chosen == PublishedMetric.TokensProcessed ? "--metric tokens-processed takes --basis tokens" : "--basis expects tokens, requests or spend for a published figure");
            }

            var window = Window(parse, from, to);
            using var workspace = context.OpenWorkspace(parse);
            using var engine = OpenStore(parse, workspace);
            if (engine.Summary(window).Events == 0)
            {
                throw new CliException("the usage store has no events in that window; ingest logs with almanac usage ingest", ExitCodes.InvalidData);
            }

            var result = UsagePublication.Publish(engine, workspace.Store, new UsagePublishRequest(chosen, parse.GetValue(by), parse.GetValue(basis), parse.GetValue(period), window, parse.GetValue(organisation)!), context.Clock.GetUtcNow());
            context.Console.MarkupLine($"Published [bold]{result.Facts:N0}[/] facts ({result.Stored.Added:N0} new, {result.Stored.Unchanged:N0} already stored) citing [bold]{Markup.Escape(result.Source.Title)}[/] ({Markup.Escape(result.Source.Id)}).");
            if (result.SkippedKeys.Count > 0)
            {
                context.Console.MarkupLine($"[yellow]Left out, naming no entity of the knowledge store:[/] {Markup.Escape(string.Join(", ", result.SkippedKeys))}");
            }
        }));
        return command;
    }

    private static Command Generate(CliContext context)
    {
        var events = NumberOptions.Whole("--events", null, "How many events to write", 10_000, 1);
        var format = new Option<string>("--format") { Description = "otel, litellm or csv", DefaultValueFactory = _ => "csv" };
        var seed = NumberOptions.Whole("--seed", null, "The seed: the same seed writes the same log", 1, 0);
        var outputFile = new Option<string?>("--output", "-o") { Description = "The log file to write (the truth is written beside it as <file>.truth.json); default standard output" };
        var command = new Command("generate", "Write a synthetic usage log with known shares and switching, for tests and benchmarks") { events, format, seed, outputFile };
        command.SetAction(parse => context.Run(output =>
        {
            var chosen = UsageFormats.Parse(parse.GetValue(format)!) is { } f and not UsageFormat.OpenAi ? f : throw new CliException($"--format expects otel, litellm or csv, got '{parse.GetValue(format)}'");
            if (parse.GetValue(outputFile) is not { } file)
            {
                UsageGenerator.Write(parse.GetValue(events), chosen, parse.GetValue(seed), output);
                return;
            }

            GenerationTruth truth;
            using (var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16))
            {
                truth = UsageGenerator.Write(parse.GetValue(events), chosen, parse.GetValue(seed), writer);
            }

            File.WriteAllText(file + ".truth.json", UsageGenerator.TruthJson(truth));
            context.Error.WriteLine($"wrote {truth.Events:N0} events to {file} and the truth to {file}.truth.json");
        }));
        return command;
    }

    private static Command Verify(CliContext context)
    {
        var truthFile = new Argument<string>("truth") { Description = "The truth file usage generate wrote beside its log (<file>.truth.json)" };
        var command = new Command("verify", "Check that the usage store, holding one generated log, gives back its known shares, adoption and switching exactly") { truthFile };
        command.SetAction(parse => context.Run(output =>
        {
            var path = parse.GetValue(truthFile)!;
            if (!File.Exists(path))
            {
                throw new CliException($"no such file: {path}");
            }

            var truth = Guard(() => TruthCheck.ReadTruth(path));
            using var engine = OpenStore(parse, null);
            var comparisons = TruthCheck.Compare(truth, engine);
            var table = new Table().Border(TableBorder.Rounded).Title($"usage verify: {truth.Events:N0} generated events, seed {truth.Seed}")
                .AddColumn("analysis").AddColumn(new TableColumn("values").RightAligned()).AddColumn("against the truth");
            foreach (var comparison in comparisons)
            {
                table.AddRow(Markup.Escape(comparison.Analysis), Count(comparison.Compared), comparison.Equal ? "[green]equal[/]" : $"[red]{comparison.Differences.Count} different[/]");
            }

            context.Console.Write(table);
            foreach (var comparison in comparisons.Where(c => !c.Equal))
            {
                context.Console.MarkupLine($"[red]{Markup.Escape(comparison.Analysis)}[/]");
                foreach (var difference in comparison.Differences)
                {
                    context.Console.MarkupLine("  " + Markup.Escape(difference));
                }
            }

            if (comparisons.Any(c => !c.Equal))
            {
                throw new CliException("the usage store does not give back the generated log's truth", ExitCodes.InvalidData);
            }
        }));
        return command;
    }

    private static Command Export(CliContext context)
    {
        var outputFile = new Option<string>("--output", "-o") { Description = "The Parquet file to write", Required = true };
        var command = new Command("export", "Write the normalised events as a Parquet file") { outputFile };
        command.SetAction(parse => context.Run(output =>
        {
            using var engine = OpenStore(parse, null);
            engine.ExportParquet(parse.GetValue(outputFile)!);
            var summary = engine.Summary();
            context.Error.WriteLine($"wrote {summary.Events:N0} events to {parse.GetValue(outputFile)}");
        }));
        return command;
    }

    private static (Option<string?> From, Option<string?> To) WindowOptions(string from = "First day (YYYY-MM-DD), included", string to = "Last day (YYYY-MM-DD), included") =>
        (new Option<string?>("--from") { Description = from }, new Option<string?>("--to") { Description = to });

    private static DayWindow Window(ParseResult parse, Option<string?> from, Option<string?> to)
    {
        DateOnly? Day(Option<string?> option) => parse.GetValue(option) is { } text ? FactsCommand.ParseDate(text, option.Name) : null;
        var window = new DayWindow(Day(from), Day(to));
        return window.From > window.To ? throw new CliException($"--from {window.From:yyyy-MM-dd} is after --to {window.To:yyyy-MM-dd}") : window;
    }

    /// <summary>
    /// The usage store: --usage-store, else usage.duckdb in the folder of the knowledge store file
    /// (<c>.almanac/</c> beside the data folder by default); a PostgreSQL knowledge store keeps it in <c>.almanac/</c>.
    /// </summary>
    private static IUsageEngine OpenStore(ParseResult parse, Workspace? workspace)
    {
        var path = parse.GetValue(UsageStore);
        if (path is null)
        {
            var data = workspace?.DataFolder ?? Workspace.FindDataFolder(parse.GetValue(CommonOptions.Data));
            var knowledge = workspace?.StoreLocation ?? Workspace.StoreLocationFor(data, parse.GetValue(CommonOptions.Store));
            path = UsageStorePath.Default(data, knowledge);
        }

        return UsageStores.Open(path);
    }

    private static T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (DiagnosticException e)
        {
            throw new CliException(e.Diagnostic.ToString(), ExitCodes.Of(e.Diagnostic));
        }
    }

    private static void Write<T>(CliContext context, OutputFormat format, IReadOnlyList<T> rows, string title, string[] columns, Func<T, string?[]> cells)
    {
        switch (format)
        {
            case OutputFormat.Json:
                context.Output.WriteLine(JsonSerializer.Serialize(rows, JsonOptions));
                break;
            case OutputFormat.Csv:
                Csv.WriteRow(context.Output, columns);
                foreach (var row in rows)
                {
                    Csv.WriteRow(context.Output, cells(row));
                }

                break;
            default:
                if (rows.Count == 0)
                {
                    context.Console.MarkupLine("[yellow]The usage store has no events in that window; ingest logs with almanac usage ingest.[/]");
                    return;
                }

                var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
                foreach (var column in columns)
                {
                    table.AddColumn(column);
                }

                foreach (var row in rows)
                {
                    table.AddRow(cells(row).Select(c => Markup.Escape(c ?? string.Empty)).ToArray());
                }

                context.Console.Write(table);
                break;
        }
    }

    private static string Code<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture);
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread.</summary>
internal sealed class CallerProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
