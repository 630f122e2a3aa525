using System.Globalization;
using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Imports.Readers;

/// <summary>
/// Reads OpenRouter's token rankings (openrouter.ai/rankings) as a JSON series of weeks: for each week
/// (<c>week</c>, its Monday) the tokens of the week's top models (<c>byModel</c>, keyed by OpenRouter model
/// id) and of the rest together (<c>Others</c>). The snapshot is the day of <c>fetchedAt</c>.
/// </summary>
/// <remarks>
/// <para>Per model and week: <c>tokens-processed</c> (scope <c>segment: openrouter</c>) as OpenRouter counts
/// them, and <c>market-share</c> (scope <c>basis: tokens, segment: openrouter</c>), the model's tokens over the
/// week's total (the listed models and <c>Others</c>), computed here and so marked estimated. The period is the
/// week, Monday to Sunday. Counts are kept as written, fractions included (some weeks' counts are averages
/// OpenRouter's chart gives with decimals). A <c>:free</c> id is the free tier of the model and is kept apart with
/// <c>variant: free</c>, so its tokens are not taken for the paid tier's.</para>
/// <para>Per developer (the id's prefix: <c>meta-llama</c> is Meta, <c>x-ai</c> xAI) and week: the tokens and the
/// share of its listed models summed, qualified at least, since its other models sit in <c>Others</c>.
/// <c>openrouter/</c> ids are stealth models whose developer OpenRouter does not name: they count for the
/// model but for no developer. <c>Others</c> is not a model.</para>
/// <para>The day's leaderboard (<c>leaderboard</c>, and the CSV of it) is not read: it does not say which
/// window its totals cover, and a token count without its period cannot be a fact.</para>
/// </remarks>
public static class OpenRouterRankingsReader
{
    public const string Dataset = "openrouter-rankings";

    public static readonly Uri Page = new("https://openrouter.ai/rankings");

    /// <summary>The member that holds the tokens of every model outside the week's top list.</summary>
    private const string OthersKey = "Others";

    /// <summary>The id prefix of OpenRouter's stealth models, whose developer is not disclosed.</summary>
    private const string StealthPrefix = "openrouter";

    private const string FreeTier = ":free";

    private const string ShareNote = "Estimated by Almanac: the tokens over the week's total on OpenRouter's rankings (the top models listed and Others).";

    private const string DeveloperShareNote = "Estimated by Almanac: the developer's models among the week's top models on OpenRouter's rankings, summed; its other models are in Others, so the share is at least this.";

    private const string DeveloperTokensNote = "Summed by Almanac over the developer's models among the week's top models on OpenRouter's rankings; its other models are in Others.";

    /// <summary>Every rankings JSON file of the input, one snapshot each, in date order.</summary>
    public static IReadOnlyList<DatasetSnapshot> Read(DatasetInput input, SnapshotInfo? info)
    {
        ArgumentNullException.ThrowIfNull(input);
        var files = input.WithExtension(".json").ToList();
        if (files.Count == 0)
        {
            throw new DiagnosticException(Diagnostic.Invalid(input.Description, DiagnosticLocation.In("input"),
                $"holds no .json file; {Dataset} reads the weekly token series of openrouter.ai/rankings (its leaderboard CSV does not say which window its totals cover)"));
        }

        return files.Select(file =>
        {
            using var stream = file.Open();
            return Read(stream, file.Name, files.Count == 1 ? info : info is null ? null : info with { Version = null, Date = null });
        }).OrderBy(s => s.Date).ToList();
    }

    public static DatasetSnapshot Read(Stream stream, string fileName, SnapshotInfo? info = null)
    {
        using var json = JsonInput.Parse(stream, fileName, "a JSON object with 'fetchedAt' and 'weeks'");
        var root = json.Object(json.Root, "$");
        var fetched = json.String(root, "fetchedAt", "$");
        DateOnly? fetchedDay = null;
        if (fetched is not null)
        {
            fetchedDay = DateTimeOffset.TryParse(fetched, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? DateOnly.FromDateTime(at.UtcDateTime)
                : throw json.Error("$.fetchedAt", $"expected a time like 2026-05-30T05:27:03Z, found \"{fetched}\"");
        }

        var date = SnapshotDates.Choose(fileName, info, fetchedDay, "the file has no 'fetchedAt'");
        if (!json.TryArray(root, "weeks", "$", out var weeks, out var weeksPath))
        {
            throw json.Error("$.weeks", "expected an array of weeks, found nothing");
        }

        var models = new Dictionary<string, (List<RecordValue> Values, string Path)>(StringComparer.Ordinal);
        var developers = new SortedDictionary<string, List<RecordValue>>(StringComparer.Ordinal);
        var index = 0;
        var seenWeeks = new Dictionary<DateOnly, string>();
        foreach (var week in weeks.EnumerateArray())
        {
            var weekPath = JsonInput.Item(weeksPath, index++);
            json.Object(week, weekPath);
            var monday = json.Date(week, "week", weekPath) ?? throw json.Error(JsonInput.Member(weekPath, "week"), "expected the week's first day YYYY-MM-DD");
            if (!seenWeeks.TryAdd(monday, weekPath))
            {
                throw json.Error(JsonInput.Member(weekPath, "week"), $"week {monday:yyyy-MM-dd} is also at {seenWeeks[monday]}");
            }

            var period = Period.Between(Period.Day(monday), Period.Day(monday.AddDays(6)));
            if (!json.TryObject(week, "byModel", weekPath, out var byModel, out var byModelPath))
            {
                throw json.Error(JsonInput.Member(weekPath, "byModel"), "expected an object of tokens by model, found nothing");
            }

            var tokens = json.Members(byModel, byModelPath)
                .Select(m => (Id: m.Name, Tokens: json.Number(byModel, m.Name, byModelPath)!.Value, Path: JsonInput.Member(byModelPath, m.Name)))
                .ToList();
            var total = tokens.Sum(t => t.Tokens);
            var byDeveloper = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (id, count, path) in tokens.Where(t => t.Id != OthersKey))
            {
                if (!id.Contains('/', StringComparison.Ordinal))
                {
                    throw json.Error(path, $"expected an OpenRouter model id like 'google/gemini-2.0-flash-001' (or '{OthersKey}'), found \"{id}\"");
                }

                if (!models.TryGetValue(id, out var model))
                {
                    models[id] = model = ([], path);
                }

                var free = id.EndsWith(FreeTier, StringComparison.Ordinal);
                model.Values.Add(new RecordValue("tokens-processed", FactValue.Of(Quantity.Of(DatasetValues.Normalize(count), Unit.Tokens)), TokenScope(free), period));
                if (total > 0)
                {
                    model.Values.Add(new RecordValue("market-share", FactValue.Of(Quantity.Of(Share(count, total), Unit.Percent)), ShareScope(free), period,
                        Obtained: Obtained.Estimated, Note: ShareNote));
                }

                if (DeveloperOf(id) is { } developer)
                {
                    byDeveloper[developer] = byDeveloper.GetValueOrDefault(developer) + count;
                }
            }

            foreach (var (developer, count) in byDeveloper)
            {
                if (!developers.TryGetValue(developer, out var values))
                {
                    developers[developer] = values = [];
                }

                values.Add(new RecordValue("tokens-processed", FactValue.Of(Quantity.Of(DatasetValues.Normalize(count), Unit.Tokens, Qualifier.AtLeast)), TokenScope(false), period,
                    Obtained: Obtained.Estimated, Note: DeveloperTokensNote));
                if (total > 0)
                {
                    values.Add(new RecordValue("market-share", FactValue.Of(Quantity.Of(Share(count, total), Unit.Percent, Qualifier.AtLeast)), ShareScope(false), period,
                        Obtained: Obtained.Estimated, Note: DeveloperShareNote));
                }
            }
        }

        var records = models.Select(m => new DatasetRecord(
                Key: m.Key,
                ModelId: m.Key,
                ModelName: null,
                Provider: null,
                Organization: DeveloperOf(m.Key),
                Values: m.Value.Values,
                Location: m.Value.Path))
            .Concat(developers.Select(d => new DatasetRecord(
                Key: $"developers/{d.Key}",
                ModelId: d.Key,
                ModelName: Organisations.DisplayName(d.Key),
                Provider: null,
                Organization: null,
                Values: d.Value,
                Location: "$.weeks",
                Subject: EntityKind.Organisation)))
            .ToList();

        return new DatasetSnapshot(
            Dataset,
            info?.Version ?? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            date,
            info?.Url ?? Page,
            Publisher: "OpenRouter",
            Title: "OpenRouter (openrouter.ai/rankings), tokens by model per week",
            Licence: "CC BY 4.0",
            records);
    }

    /// <summary>The developer an OpenRouter id's prefix names (<c>meta-llama/…</c> → meta); null for stealth models.</summary>
    internal static string? DeveloperOf(string modelId)
    {
        var prefix = modelId[..modelId.IndexOf('/', StringComparison.Ordinal)];
        return string.Equals(prefix, StealthPrefix, StringComparison.OrdinalIgnoreCase) ? null : Organisations.OfOpenRouterPrefix(modelId);
    }

    /// <summary>A percentage to two decimals: the counts are exact, the share is Almanac's arithmetic.</summary>
    internal static decimal Share(decimal part, decimal total) => DatasetValues.Normalize(Math.Round(part / total * 100m, 2, MidpointRounding.AwayFromZero));

    private static Scope TokenScope(bool free) => Scope.Of(free
        ? [KeyValuePair.Create("segment", "openrouter"), KeyValuePair.Create("variant", "free")]
        : [KeyValuePair.Create("segment", "openrouter")]);

    private static Scope ShareScope(bool free) => Scope.Of(free
        ? [KeyValuePair.Create("basis", "tokens"), KeyValuePair.Create("segment", "openrouter"), KeyValuePair.Create("variant", "free")]
        : [KeyValuePair.Create("basis", "tokens"), KeyValuePair.Create("segment", "openrouter")]);
}
