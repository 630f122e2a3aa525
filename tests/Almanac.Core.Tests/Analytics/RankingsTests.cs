using Almanac.Analytics;
using static Almanac.Tests.Analytics.MenloFacts;

namespace Almanac.Tests.Analytics;

public sealed class RankingsTests
{
    [Fact]
    public void Anthropic_overtakes_openai_in_menlo_spend_shares_from_2023_to_2025()
    {
        // 2023: openai 50, anthropic 12, google 7. 2025: anthropic 40, openai 27, google 21, open-source 11.
        var series = ShareOverTime.Build(All, Spend);

        var changes = Rankings.Between(series, Day("2023-12-31"), Day("2025-12-31"));

        changes.ShouldBe(
        [
            new RankChange("anthropic", 2, 1, 12m, 40m),
            new RankChange("openai", 1, 2, 50m, 27m),
            new RankChange("google", 3, 3, 7m, 21m),
            new RankChange("open-source-models", null, 4, null, 11m),
        ]);
        changes[0].Places.ShouldBe(1);
        changes[1].Places.ShouldBe(-1);
        changes[1].Points.ShouldBe(-23m);
        changes[3].Places.ShouldBeNull();
    }

    [Fact]
    public void Equal_shares_share_a_rank_and_the_next_is_skipped()
    {
        var series = ShareOverTime.Build(
        [
            Share("a", "usage", "2024", 40, Report2024), Share("b", "usage", "2024", 25, Report2024),
            Share("c", "usage", "2024", 25, Report2024), Share("d", "usage", "2024", 10, Report2024),
            Share("a", "usage", "2025", 30, Report2025), Share("b", "usage", "2025", 30, Report2025),
            Share("c", "usage", "2025", 30, Report2025),
        ],
            Usage);

        var changes = Rankings.Between(series, Day("2024-12-31"), Day("2025-12-31"));

        changes.Select(c => (c.EntityId, c.RankFrom, c.RankTo)).ShouldBe(
        [
            ("a", (int?)1, (int?)1),
            ("b", 2, 1),
            ("c", 2, 1),
            ("d", 4, null),
        ]);
    }

    [Fact]
    public void Refuses_a_day_that_is_not_a_moment_of_the_series()
    {
        var series = ShareOverTime.Build(All, Spend);

        Should.Throw<ArgumentException>(() => Rankings.Between(series, Day("2023-12-31"), Day("2025-06-30")))
            .Message.ShouldContain("2025-06-30 is not a moment of the series (2023-12-31, 2024-12-31, 2025-12-31)");
    }
}
