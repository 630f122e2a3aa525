using System.CommandLine;
using System.Globalization;
using Almanac.Cli.Output;
using Almanac.Hosting;
using Almanac.Periods;
using Almanac.Storage;

namespace Almanac.Cli.Commands;

/// <summary><c>almanac facts</c>: sourced figures, filtered by entity, metric, period and what was known as of a date.</summary>
internal static class FactsCommand
{
    public static Command Create(CliContext context)
    {
        var entity = new Option<string[]>("--entity", "-e") { Description = "Entity id or name in English or Chinese (谷歌, \"Claude Sonnet 3.5\"); repeatable", AllowMultipleArgumentsPerToken = false };
        var metric = new Option<string?>("--metric", "-m") { Description = "Metric id or name (valuation, 估值, market share)" };
        var period = new Option<string?>("--period", "-p") { Description = "Only facts within this period (2025, 2025-H1, 2025年上半年, Q3 2025)" };
        var asOf = new Option<string?>("--as-of") { Description = "Only what had been published by this date (YYYY-MM-DD)" };
        var history = new Option<bool>("--include-retracted") { Description = "Also show facts since removed from the data files" };
        var format = CommonOptions.Format();
        var command = new Command("facts", "List sourced facts") { entity, metric, period, asOf, history, format };
        command.SetAction(parse => context.Run(output =>
        {
            using var workspace = context.OpenWorkspace(parse);
            var query = new FactQuery(
                EntityIds: ResolveEntities(workspace, parse.GetValue(entity) ?? []),
                MetricId: parse.GetValue(metric) is { } m ? ResolveMetric(workspace, m) : null,
                Within: parse.GetValue(period) is { } p ? ParsePeriod(p) : null,
                AsOf: parse.GetValue(asOf) is { } a ? ParseDate(a, "--as-of") : null,
                IncludeRetracted: parse.GetValue(history));
            FactOutput.Write(workspace.Store.Facts(query), parse.GetValue(format), output, context.Console);
        }));
        return command;
    }

    private static string[]? ResolveEntities(Workspace workspace, string[] given) =>
        given.Length == 0 ? null : given.Select(name => Resolve.Entity(workspace, name).Id).Distinct(StringComparer.Ordinal).ToArray();

    private static string ResolveMetric(Workspace workspace, string name) =>
        workspace.Store.FindMetric(name)?.Id
        ?? throw new CliException($"unknown metric '{name}'{Resolve.Suggestions(workspace.Names().Metrics.Where(m => m.Id.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(m.Id, StringComparison.OrdinalIgnoreCase)).Select(m => m.Id))}; see data/metrics.yaml");

    private static Period ParsePeriod(string text) =>
        PeriodInput.TryParse(text, out var period)
            ? period
            : throw new CliException($"cannot read period '{text}'; expected e.g. 2025, 2025-H1, 2025-Q3, 2025-08, 2025年上半年, Q3 2025");

    internal static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliException($"{option} '{text}' is not a date; expected YYYY-MM-DD");
}
