using Almanac.Analytics;
using static Almanac.Tests.Analytics.CatalogueRows;

namespace Almanac.Tests.Analytics;

public sealed class OpenWeightsShareTests
{
    [Fact]
    public void Counts_open_models_over_those_whose_openness_is_known()
    {
        var quarters = OpenWeightsShare.ByQuarter(
        [
            Row("llama-4-scout", "2025-04-05", open: true),
            Row("deepseek-r1", "2025-01-20", open: true),
            Row("claude-3-7-sonnet", "2025-02-24", open: false),
            Row("gemini-2-0-flash-lite", "2025-02-25"),
            Row("llama-4-maverick", "2025-04-05", open: true),
            Row("gpt-4-1", "2025-04-14", open: false),
            Row("gpt-4o", open: false),
        ]);

        // 2025-Q1: 3 released, 1 open, 1 unknown: 1 / (3 - 1) = 50%.
        // 2025-Q2: 3 released, 2 open, none unknown: 2 / 3 = 66.67%. gpt-4o has no release date.
        quarters.Select(q => q.Quarter.ToString()).ShouldBe(["2025-Q1", "2025-Q2"]);
        quarters[0].ShouldBe(new QuarterShare(quarters[0].Quarter, 3, 1, 1, 50m));
        quarters[0].Known.ShouldBe(2);
        (quarters[1].Released, quarters[1].Open, quarters[1].Unknown).ShouldBe((3, 2, 0));
        quarters[1].OpenPercent!.Value.ShouldBe(66.6667m, 0.0001m);
    }

    [Fact]
    public void A_quarter_of_unknown_openness_has_no_percentage()
    {
        var quarter = OpenWeightsShare.ByQuarter([Row("gemini-2-0-flash-lite", "2025-02-25"), Row("doubao", "2025-03-31")]).ShouldHaveSingleItem();

        (quarter.Released, quarter.Open, quarter.Unknown, quarter.OpenPercent).ShouldBe((2, 0, 2, (decimal?)null));
    }

    [Fact]
    public void Quarters_run_oldest_first_and_a_closed_only_quarter_is_zero()
    {
        var quarters = OpenWeightsShare.ByQuarter(
            [Row("gpt-4o", "2024-05-13", open: false), Row("mistral-7b", "2023-09-27", open: true), Row("claude-3-opus", "2024-03-04", open: false)]);

        quarters.Select(q => $"{q.Quarter} {q.OpenPercent}").ShouldBe(["2023-Q3 100", "2024-Q1 0", "2024-Q2 0"]);
    }

    [Fact]
    public void No_rows_no_quarters() => OpenWeightsShare.ByQuarter([]).ShouldBeEmpty();
}
