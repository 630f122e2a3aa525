using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Tests;

/// <summary>
/// Dataset snapshots shaped exactly as the LMArena, Epoch benchmarks, OpenRouter rankings and Epoch
/// companies importers write them, for the views over leaderboards, token shares and companies.
/// The importer adds the snapshot to each source's title.
/// </summary>
internal static class MarketViewFacts
{
    public static readonly DateOnly ArenaEarlier = new(2025, 6, 2);
    public static readonly DateOnly ArenaLatest = new(2025, 9, 1);

    /// <summary>Ten models on two snapshots, so the top eight of the latest one are a real cut.</summary>
    public static readonly (string Name, string Developer, decimal Earlier, decimal Latest)[] Arena =
    [
        ("Gemini 3 Pro Preview", "Google", 1440, 1501),
        ("Claude Opus 4.1", "Anthropic", 1430, 1478),
        ("GPT-5", "OpenAI", 1435, 1470),
        ("Claude Sonnet 4", "Anthropic", 1400, 1440),
        ("GPT-4.1", "OpenAI", 1390, 1420),
        ("Claude Opus 4", "Anthropic", 1410, 1415),
        ("GPT-4o", "OpenAI", 1380, 1402),
        ("Llama 3.1 405B", "Meta", 1330, 1350),
        ("Claude 3.5 Sonnet", "Anthropic", 1350, 1340),
        ("Gemini 1.5 Pro", "Google", 1320, 1310),
    ];

    /// <summary>OpenRouter token shares per developer and week (Monday), summed from the week's top models.</summary>
    public static readonly (string Developer, DateOnly Monday, decimal Percent)[] TokenShares =
    [
        ("Anthropic", new(2025, 9, 1), 31.5m), ("Google", new(2025, 9, 1), 24m), ("OpenAI", new(2025, 9, 1), 12m), ("DeepSeek", new(2025, 9, 1), 8m),
        ("Anthropic", new(2025, 9, 8), 29m), ("Google", new(2025, 9, 8), 27m), ("OpenAI", new(2025, 9, 8), 13m), ("DeepSeek", new(2025, 9, 8), 7.5m),
        ("Anthropic", new(2025, 9, 15), 30m), ("Google", new(2025, 9, 15), 26m), ("OpenAI", new(2025, 9, 15), 14m), ("DeepSeek", new(2025, 9, 15), 6m),
    ];

    /// <summary>GPQA Diamond results: Epoch AI's own runs and one external evaluator's.</summary>
    public static readonly (string Model, string Developer, string Evaluator, DateOnly Run, decimal Percent, decimal? Stderr)[] Gpqa =
    [
        ("GPT-5", "OpenAI", "epoch-ai", new(2025, 8, 10), 85.2m, 1.9m),
        ("Claude Opus 4.1", "Anthropic", "epoch-ai", new(2025, 8, 12), 79.4m, 2.1m),
        ("Gemini 3 Pro Preview", "Google", "epoch-ai", new(2025, 9, 20), 88.1m, 1.6m),
        ("GPT-4o", "OpenAI", "epoch-ai", new(2024, 6, 1), 50.8m, 2.8m),
        ("GPT-4o", "OpenAI", "stanford-crfm", new(2024, 7, 1), 53.6m, null),
    ];

    public static readonly Entity GpqaDiamond = new("gpqa-diamond", EntityKind.Benchmark, new LocalizedName("GPQA Diamond", "GPQA Diamond"), ["GPQA-Diamond"]);

    public static readonly Source EpochAnthropicRow = new(
        "epoch-companies-anthropic-series-f-cnbc",
        "CNBC",
        "Anthropic closes $13 billion Series F at $183 billion valuation (compiled by Epoch AI, AI Companies data)",
        new Uri("https://www.cnbc.com/2025/09/02/anthropic-series-f-183-billion.html"),
        new DateOnly(2025, 9, 2),
        SourceKind.Secondary);

    public static IReadOnlyList<DatasetSnapshot> LmArena() =>
        [ArenaSnapshot(ArenaEarlier, a => a.Earlier), ArenaSnapshot(ArenaLatest, a => a.Latest)];

    private static DatasetSnapshot ArenaSnapshot(DateOnly day, Func<(string Name, string Developer, decimal Earlier, decimal Latest), decimal> score) => new(
        "lmarena",
        day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        day,
        new Uri("https://lmarena.ai/leaderboard/text"),
        "LMArena",
        "LMArena (lmarena.ai) text leaderboard",
        "CC BY 4.0",
        Arena.Select((a, i) => new DatasetRecord(
            "text/" + a.Name,
            a.Name,
            a.Name,
            null,
            a.Developer,
            [
                new RecordValue("arena-score", FactValue.Of(Quantity.Of(score(a), Unit.Score)), ArenaScope, Period.Instant(day), Note: "95% CI +4/-4"),
                new RecordValue("arena-rank", FactValue.Of(Quantity.Of(i + 1, Unit.Count)), ArenaScope, Period.Instant(day)),
            ],
            $"line {i + 2}")).ToList());

    private static readonly Scope ArenaScope = Scope.Of([KeyValuePair.Create("benchmark", "lmarena-text")]);

    public static IReadOnlyList<DatasetSnapshot> OpenRouterRankings()
    {
        var scope = Scope.Of([KeyValuePair.Create("basis", "tokens"), KeyValuePair.Create("segment", "openrouter")]);
        var records = TokenShares.GroupBy(s => s.Developer).Select((g, i) => new DatasetRecord(
            "developers/" + g.Key,
            g.Key,
            g.Key,
            null,
            g.Key,
            g.Select(s => new RecordValue(
                "market-share",
                FactValue.Of(Quantity.Of(s.Percent, Unit.Percent, Qualifier.AtLeast)),
                scope,
                Period.Between(Period.Day(s.Monday), Period.Day(s.Monday.AddDays(6))),
                Obtained: Obtained.Estimated,
                Note: "Computed by Almanac from the week's top models only; the rest sits in Others, so the share is a lower bound.")).ToList(),
            $"line {i + 2}",
            EntityKind.Organisation)).ToList();
        return [new DatasetSnapshot("openrouter-rankings", "2025-09-21", new DateOnly(2025, 9, 21), new Uri("https://openrouter.ai/rankings"), "OpenRouter", "OpenRouter rankings", "OpenRouter terms of service", records)];
    }

    public static IReadOnlyList<DatasetSnapshot> EpochBenchmarks() =>
    [
        new DatasetSnapshot(
            "epoch-benchmarks",
            "2025-10-01",
            new DateOnly(2025, 10, 1),
            new Uri("https://epoch.ai/data/benchmark_data.zip"),
            "Epoch AI",
            "Epoch AI, Benchmarking Hub",
            "CC BY 4.0",
            Gpqa.Select((g, i) =>
            {
                var scope = Scope.Of([KeyValuePair.Create("benchmark", "gpqa-diamond"), KeyValuePair.Create("evaluator", g.Evaluator)]);
                var values = new List<RecordValue> { new("benchmark-score", FactValue.Of(Quantity.Of(g.Percent, Unit.Percent)), scope, Period.Instant(g.Run)) };
                if (g.Stderr is { } se)
                {
                    values.Add(new RecordValue("benchmark-stderr", FactValue.Of(Quantity.Of(se, Unit.PercentagePoints)), scope, Period.Instant(g.Run)));
                }

                return new DatasetRecord($"gpqa_diamond/{g.Evaluator}/{g.Model}", g.Model, g.Model, null, g.Developer, values, $"line {i + 2}");
            }).ToList(),
            [GpqaDiamond]),
    ];

    public static IReadOnlyList<DatasetSnapshot> EpochCompanies()
    {
        var seriesF = Scope.Of([KeyValuePair.Create("round", "series-f")]);
        var inTalks = Scope.Of([KeyValuePair.Create("round", "series-g"), KeyValuePair.Create("status", "in-talks")]);
        var record = new DatasetRecord(
            "companies/Anthropic",
            "Anthropic",
            "Anthropic",
            null,
            "Anthropic",
            [
                new RecordValue("valuation", FactValue.Of(Quantity.Of(183e9m, Unit.Usd)), seriesF, Period.Instant(new DateOnly(2025, 9, 2)), EpochAnthropicRow),
                // A round in talks is never drawn as a valuation.
                new RecordValue("valuation", FactValue.Of(Quantity.Of(350e9m, Unit.Usd)), inTalks, Period.Instant(new DateOnly(2025, 11, 20)), EpochAnthropicRow),
            ],
            "line 2",
            EntityKind.Organisation);
        return [new DatasetSnapshot("epoch-companies", "2025-12-01", new DateOnly(2025, 12, 1), new Uri("https://epoch.ai/data/ai_companies.zip"), "Epoch AI", "Epoch AI, Data on AI Companies", "CC BY 4.0", [record])];
    }

    /// <summary>Every snapshot above, one list per dataset, in the order a user would import them.</summary>
    public static IReadOnlyList<IReadOnlyList<DatasetSnapshot>> All() => [LmArena(), EpochBenchmarks(), OpenRouterRankings(), EpochCompanies()];
}
