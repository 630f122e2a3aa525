using Almanac.Analytics;
using Almanac.Quantities;
using static Almanac.Tests.Analytics.CatalogueRows;

namespace Almanac.Tests.Analytics;

public sealed class PriceTrendTests
{
    [Fact]
    public void Gives_median_and_minimum_input_price_per_tier_and_release_quarter()
    {
        var points = PriceTrend.ByTier(
        [
            Row("claude-3-opus", "2024-03-04", input: 15m, output: 75m),
            Row("gemini-1-5-pro", "2024-02-15", input: 1.25m, output: 5m),
            Row("claude-3-haiku", "2024-03-13", input: 0.25m, output: 1.25m),
            Row("gpt-4o", "2024-05-13", input: 2.5m, output: 10m),
            Row("mistral-large-2", "2024-07-24", input: 2m, output: 6m),
            Row("gemini-1-5-pro-002", "2024-09-24", input: 1.25m, output: 5m),
            Row("gpt-4o-2024-08-06", "2024-08-06", input: 2.5m, output: 10m),
        ]);

        points.Select(p => $"{p.Tier} {p.Quarter} {p.Models}").ShouldBe(
            ["Frontier 2024-Q1 2", "Frontier 2024-Q2 1", "Frontier 2024-Q3 3", "Small 2024-Q1 1"]);

        // 2024-Q1 frontier: inputs 1.25 and 15, median (1.25 + 15) / 2 = 8.125; outputs (5 + 75) / 2 = 40.
        var q1 = points[0];
        (q1.MedianInput, q1.MinInput, q1.MedianOutput, q1.WithOutput).ShouldBe((8.125m, 1.25m, (decimal?)40m, 2));
        q1.Cheapest.ShouldBe(["gemini-1-5-pro"]);

        // 2024-Q3 frontier: inputs 1.25, 2, 2.5: median 2; outputs 5, 6, 10: median 6.
        var q3 = points[2];
        (q3.MedianInput, q3.MinInput, q3.MedianOutput).ShouldBe((2m, 1.25m, (decimal?)6m));
        q3.Cheapest.ShouldBe(["gemini-1-5-pro-002"]);
        q3.Sources.ShouldBe([ModelsDev]);
    }

    [Fact]
    public void Ties_for_the_minimum_list_every_cheapest_model()
    {
        // Small, 2025-Q2: inputs 0.10, 0.10, 0.40: median 0.10; outputs 0.40, 0.40, 1.60: median 0.40.
        var point = PriceTrend.ByTier(
        [
            Row("gpt-4-1-nano", "2025-04-14", input: 0.10m, output: 0.40m),
            Row("gemini-2-5-flash-lite", "2025-06-17", input: 0.10m, output: 0.40m),
            Row("gpt-4-1-mini", "2025-04-14", input: 0.40m, output: 1.60m),
        ]).ShouldHaveSingleItem();

        (point.Tier, point.Quarter.ToString(), point.MedianInput, point.MinInput, point.MedianOutput).ShouldBe((CapabilityTier.Small, "2025-Q2", 0.10m, 0.10m, (decimal?)0.40m));
        point.Cheapest.ShouldBe(["gemini-2-5-flash-lite", "gpt-4-1-nano"]);
    }

    [Fact]
    public void Leaves_out_models_without_a_tier_a_date_or_a_dollar_price()
    {
        var point = PriceTrend.ByTier(
        [
            Row("claude-3-5-sonnet", "2024-06-20", input: 3m, output: 15m),
            Row("claude-3-5-sonnet-latest", "2024-06-20", input: 3m),
            Row("deepseek-v3", "2024-12-26", input: 0.27m, output: 1.1m),
            Row("claude-3-7-sonnet", input: 3m, output: 15m),
            Row("qwen-plus", "2024-06-01", input: 0.8m, output: 2m, priceUnit: Unit.CnyPerMillionTokens),
            Row("gemini-1-5-flash", "2024-05-14"),
        ]).ShouldHaveSingleItem();

        // Two mid-tier models with dollar prices in 2024-Q2; only one has an output price.
        (point.Tier, point.Quarter.ToString(), point.Models, point.WithOutput, point.MedianOutput).ShouldBe((CapabilityTier.Mid, "2024-Q2", 2, 1, (decimal?)15m));
    }

    [Fact]
    public void No_rows_no_points() => PriceTrend.ByTier([]).ShouldBeEmpty();
}
