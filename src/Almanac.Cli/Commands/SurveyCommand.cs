using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Almanac.Analytics.Surveys;
using Almanac.Cli.Output;
using Almanac.Cli.Surveys;
using Almanac.Hosting;
using Almanac.Text;
using Spectre.Console;

namespace Almanac.Cli.Commands;

/// <summary>
/// <c>almanac survey</c>: shares by segment from a panel's responses, with 95% intervals
/// (<c>estimate</c>), and synthetic panels with known true shares to try it on (<c>generate</c>).
/// </summary>
internal static class SurveyCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Formats = ["text", "json", "csv"];

    /// <summary>
    /// A synthetic panel is for trying the estimator: a million respondents already makes a CSV of
    /// tens of megabytes, and a panel a thousand times that would run for hours.
    /// </summary>
    private const int MaximumRespondents = 1_000_000;

    public static Command Create(CliContext context) =>
        new("survey", "Estimate provider shares from survey responses, with 95% intervals") { Estimate(context), Generate(context) };

    private static Command Estimate(CliContext context)
    {
        var input = new Argument<string>("responses") { Description = "A CSV of responses (see docs/surveys.md)" };
        var format = new Option<string>("--format", "-f") { Description = "text, json or csv", DefaultValueFactory = _ => "text" };
        var replicates = NumberOptions.Whole("--replicates", null, "Bootstrap replicates (at least 100 for a 95% percentile interval)", 2000, minimum: 100, maximum: 100_000);
        var seed = NumberOptions.Whole("--seed", null, "Seed of the bootstrap's random numbers: the same seed gives the same intervals", 1, minimum: int.MinValue);
        var minN = NumberOptions.Whole("--min-n", null, "Warn on cells with fewer respondents than this", 30, minimum: 0);
        var command = new Command("estimate", "Shares by segment with bootstrap and analytic 95% intervals, n per cell, and a warning where n is too small")
        {
            input, format, replicates, seed, minN,
        };
        command.SetAction(parse => context.Run(output =>
        {
            var chosen = parse.GetValue(format)!;
            if (!Formats.Contains(chosen, StringComparer.Ordinal))
            {
                throw new CliException($"unknown --format '{chosen}'; expected one of {string.Join(", ", Formats)}");
            }

            var count = parse.GetValue(replicates);
            var minimum = parse.GetValue(minN);

            var path = parse.GetValue(input)!;
            var read = SurveyCsvReader.Read(ReadFile(path));
            if (read.Error is { } error)
            {
                throw new CliException(error.ToString(path), ExitCodes.InvalidData);
            }

            var randomSeed = parse.GetValue(seed);
            var estimate = new SurveyEstimator(new SurveyEstimatorOptions { Replicates = count, MinimumN = minimum })
                .Estimate(read.Panel!, new Random(randomSeed));
            switch (chosen)
            {
                case "json":
                    WriteJson(estimate, read.Panel!, randomSeed, output);
                    break;
                case "csv":
                    WriteCsv(estimate, output);
                    break;
                default:
                    WriteTable(estimate, read.Panel!, randomSeed, context.Console);
                    break;
            }
        }));
        return command;
    }

    private static Command Generate(CliContext context)
    {
        var respondents = NumberOptions.Whole("--respondents", "-n", "Respondents in all", 200, minimum: 1, maximum: MaximumRespondents);
        var segments = new Option<string>("--segments") { Description = "Segments, optionally with their parts of the panel: enterprise,startup or enterprise=60,startup=40", DefaultValueFactory = _ => "enterprise,startup" };
        var shares = new Option<string>("--shares") { Description = "True shares in percent: anthropic=32,openai=25,google=20 (any remainder goes to 'other')", Required = true };
        var kind = new Option<string>("--kind") { Description = "workloads (shares of workloads per provider) or choice (one provider each)", DefaultValueFactory = _ => "workloads" };
        var concentration = NumberOptions.Real("--concentration", "How closely workload shares gather around the true shares (Dirichlet α₀)", 4, minimum: 0.01, maximum: 1_000_000);
        var weightSpread = NumberOptions.Real("--weight-spread", "σ of log-normal respondent weights; 0 for an unweighted panel", 0, minimum: 0, maximum: 5);
        var seed = NumberOptions.Whole("--seed", null, "Seed of the random numbers: the same seed gives the same panel", 1, minimum: int.MinValue);
        var output = new Option<string?>("--output", "-o") { Description = "Write the CSV here instead of to standard output" };
        var command = new Command("generate", "A synthetic panel drawn from known true shares, as CSV that 'survey estimate' reads")
        {
            respondents, segments, shares, kind, concentration, weightSpread, seed, output,
        };
        command.SetAction(parse => context.Run(writer =>
        {
            var surveyKind = parse.GetValue(kind) switch
            {
                "workloads" => SurveyKind.WorkloadShares,
                "choice" => SurveyKind.SingleChoice,
                var other => throw new CliException($"unknown --kind '{other}'; expected workloads or choice"),
            };
            var truth = ParseShares(parse.GetValue(shares)!);
            var parts = ParseList(parse.GetValue(segments)!, "--segments", defaultValue: 1);
            var count = parse.GetValue(respondents);
            if (count < parts.Count)
            {
                throw new CliException($"--respondents {count} is fewer than the {parts.Count} segment(s)");
            }

            var alpha = parse.GetValue(concentration);
            var spread = parse.GetValue(weightSpread);

            var design = new SurveyPanelDesign(surveyKind, count, parts.Select(p => new SurveySegmentDesign(p.Name, p.Value, truth)).ToList())
            {
                Concentration = alpha,
                WeightSpread = spread,
            };
            var panel = SurveyPanelGenerator.Generate(design, new Random(parse.GetValue(seed))).Panel;
            if (parse.GetValue(output) is { } target)
            {
                try
                {
                    using var file = new StreamWriter(target);
                    SurveyCsvWriter.Write(panel, file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot write {target}: {e.Message}");
                }

                context.Error.WriteLine($"almanac: wrote {target} ({panel.Responses.Count} respondents)");
            }
            else
            {
                SurveyCsvWriter.Write(panel, writer);
            }
        }));
        return command;
    }

    /// <summary>True shares in percent; what they leave of 100 goes to "other", so Menlo's top three can be given as they are published.</summary>
    private static Dictionary<string, double> ParseShares(string text)
    {
        var shares = ParseList(text, "--shares", defaultValue: null).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var sum = shares.Values.Sum();
        if (sum > 100 + SurveyResponse.SumTolerancePercent)
        {
            throw new CliException($"--shares sum to {sum.ToString("0.##", CultureInfo.InvariantCulture)}; expected at most 100");
        }

        if (sum < 100 - SurveyResponse.SumTolerancePercent)
        {
            shares["other"] = shares.GetValueOrDefault("other") + (100 - sum);
        }

        return shares;
    }

    private static List<(string Name, double Value)> ParseList(string text, string option, double? defaultValue)
    {
        var items = new List<(string, double)>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            var valid = parts[0].Length > 0 && !items.Exists(i => i.Item1 == parts[0]);
            var value = defaultValue ?? double.NaN;
            if (parts.Length == 2)
            {
                valid &= double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0 && double.IsFinite(value);
            }

            if (!valid || double.IsNaN(value))
            {
                throw new CliException($"{option}: cannot read '{item}'; expected name{(defaultValue is null ? "=number" : "[=number]")} with a positive number, each name once");
            }

            items.Add((parts[0], value));
        }

        return items.Count > 0 ? items : throw new CliException($"{option} is empty");
    }

    private static string ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"no such file: {path}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: permission denied");
        }

        return StrictUtf8.TryDecode(bytes, out var text, out var invalidAt)
            ? text
            : throw new CliException($"{path}:{invalidAt}: {StrictUtf8.InvalidMessage}", ExitCodes.InvalidData);
    }

    private static string KindCode(SurveyKind kind) => kind == SurveyKind.SingleChoice ? "single-choice" : "workload-shares";

    private static string MethodCode(AnalyticInterval method) => method == AnalyticInterval.Wilson ? "wilson" : "t";

    private static double Percent(double share) => Math.Round(share * 100, 2);

    private static void WriteJson(SurveyEstimate estimate, SurveyPanel panel, int seed, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(new
        {
            kind = KindCode(estimate.Kind),
            respondents = panel.Responses.Count,
            confidence = SurveyEstimate.Confidence,
            replicates = estimate.Replicates,
            seed,
            min_n = estimate.MinimumN,
            analytic_method = MethodCode(estimate.Method),
            cells = estimate.Cells.Select(c => new
            {
                segment = c.Segment,
                provider = c.Provider,
                share = Percent(c.Share),
                bootstrap = new { lower = Percent(c.Bootstrap.Lower), upper = Percent(c.Bootstrap.Upper) },
                analytic = c.Analytic is { } a ? new { lower = Percent(a.Lower), upper = Percent(a.Upper) } : null,
                n = c.N,
                effective_n = Math.Round(c.EffectiveN, 1),
                warning = c.Warning,
            }),
        }, JsonOptions));

    private static void WriteCsv(SurveyEstimate estimate, TextWriter output)
    {
        Csv.WriteRow(output, ["segment", "provider", "share", "bootstrap_lower", "bootstrap_upper", "analytic_lower", "analytic_upper", "n", "effective_n", "warning"]);
        foreach (var c in estimate.Cells)
        {
            Csv.WriteRow(output,
            [
                c.Segment, c.Provider, Number(Percent(c.Share)),
                Number(Percent(c.Bootstrap.Lower)), Number(Percent(c.Bootstrap.Upper)),
                c.Analytic is { } a ? Number(Percent(a.Lower)) : null, c.Analytic is { } b ? Number(Percent(b.Upper)) : null,
                c.N.ToString(CultureInfo.InvariantCulture), Number(Math.Round(c.EffectiveN, 1)), c.Warning,
            ]);
        }
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteTable(SurveyEstimate estimate, SurveyPanel panel, int seed, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Segment").AddColumn("Provider").AddColumn(new TableColumn("Share").RightAligned())
            .AddColumn(new TableColumn("95% CI bootstrap").RightAligned()).AddColumn(new TableColumn($"95% CI {(estimate.Method == AnalyticInterval.Wilson ? "Wilson" : "t")}").RightAligned())
            .AddColumn(new TableColumn("n").RightAligned()).AddColumn(new TableColumn("n eff").RightAligned()).AddColumn("Warning");
        string? previous = null;
        foreach (var c in estimate.Cells)
        {
            table.AddRow(
                c.Segment == previous ? string.Empty : c.IsOverall ? $"[bold]{Markup.Escape(c.Segment)}[/]" : Markup.Escape(c.Segment),
                Markup.Escape(c.Provider),
                Format(c.Share),
                Format(c.Bootstrap),
                c.Analytic is { } a ? Format(a) : "[grey]–[/]",
                c.N.ToString(CultureInfo.InvariantCulture),
                c.EffectiveN.ToString("0.0", CultureInfo.InvariantCulture),
                c.Warning is { } w ? $"[yellow]{Markup.Escape(w)}[/]" : string.Empty);
            previous = c.Segment;
        }

        console.Write(table);
        var what = estimate.Kind == SurveyKind.SingleChoice ? "single choice: weighted share of respondents naming each provider" : "workload shares: weighted mean of respondents' shares";
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{panel.Responses.Count} respondents; {what}; bootstrap percentile intervals from {estimate.Replicates} replicates (seed {seed}); warning below n={estimate.MinimumN}")));
    }

    private static string Format(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Format(ShareInterval interval) =>
        string.Create(CultureInfo.InvariantCulture, $"{interval.Lower * 100:0.0}–{interval.Upper * 100:0.0}");
}
