using Almanac.Analytics;
using Almanac.Knowledge;
using Almanac.Quantities;
using static Almanac.Tests.Analytics.MenloFacts;

namespace Almanac.Tests.Analytics;

public sealed class ShareOverTimeTests
{
    [Fact]
    public void Lines_up_menlo_usage_shares_on_the_moments_they_describe()
    {
        var series = ShareOverTime.Build(All, Usage);

        // 2023 and @2023-12-31 describe one moment; 2024 and 2024-H2 another.
        series.Moments.ShouldBe([Day("2023-12-31"), Day("2024-12-31"), Day("2025-06-30"), Day("2025-12-31")]);
        Percents(series, Day("2023-12-31")).ShouldBe(["openai 50", "anthropic 12"]);
        Percents(series, Day("2024-12-31")).ShouldBe(["openai 34", "anthropic 24", "open-source-models 19"]);
        Percents(series, Day("2025-06-30")).ShouldBe(["anthropic 32", "openai 25", "google 20", "open-source-models 13", "meta 9", "deepseek 1"]);
        Percents(series, Day("2025-12-31")).ShouldBe(["chinese-open-source-models 1"]);
    }

    [Fact]
    public void Agreeing_sources_are_merged_newest_first()
    {
        var series = ShareOverTime.Build(All, Usage);

        // OpenAI 50% "2023" (Nov 2024 report) and "@2023-12-31" (Jul 2025 update).
        var openai = series.At("openai", Day("2023-12-31")).ShouldNotBeNull();
        openai.Percent.ShouldBe(50m);
        openai.Period.ToString().ShouldBe("@2023-12-31");
        openai.Sources.Select(s => s.Id).ShouldBe([MidYear2025.Id, Report2024.Id]);
        openai.Disagreeing.ShouldBeEmpty();

        // Anthropic 32%: Menlo and TechCrunch on the same day; the primary source first.
        series.At("anthropic", Day("2025-06-30"))!.Sources.Select(s => s.Id).ShouldBe([MidYear2025.Id, TechCrunch.Id]);
        series.Sources.Select(s => s.Id).ShouldBe([Report2024.Id, MidYear2025.Id, TechCrunch.Id, Report2025.Id]);
    }

    [Fact]
    public void Orders_entities_by_their_latest_share_and_counts_what_is_left()
    {
        var series = ShareOverTime.Build(All, Usage);

        // Latest shares: anthropic 32, openai 25, google 20, open-source 13, meta 9, then 1 and 1 by id.
        series.Entities.ShouldBe(["anthropic", "openai", "google", "open-source-models", "meta", "chinese-open-source-models", "deepseek"]);

        // 100 - (50 + 12) = 38; 100 - (34 + 24 + 19) = 23; 25 + 32 + 20 + 9 + 1 + 13 = 100 leaves 0.
        series.Others(Day("2023-12-31")).ShouldBe(38m);
        series.Others(Day("2024-12-31")).ShouldBe(23m);
        series.Others(Day("2025-06-30")).ShouldBe(0m);
        series.Others(Day("2025-01-01")).ShouldBeNull();
    }

    [Fact]
    public void Others_is_null_when_shares_overlap_past_100()
    {
        var series = ShareOverTime.Build(
            [Share("openai", "usage", "2025", 60, Report2025), Share("anthropic", "usage", "2025", 45, Report2025)],
            Usage);

        series.Others(Day("2025-12-31")).ShouldBeNull();
    }

    [Fact]
    public void Keeps_usage_spend_and_use_cases_apart()
    {
        var spend = ShareOverTime.Build(All, Spend);
        spend.Moments.ShouldBe([Day("2023-12-31"), Day("2024-12-31"), Day("2025-12-31")]);
        Percents(spend, Day("2024-12-31")).ShouldBe(["anthropic 24", "open-source-models 19"]);
        Percents(spend, Day("2025-12-31")).ShouldBe(["anthropic 40", "openai 27", "google 21", "open-source-models 11"]);

        var coding = ShareOverTime.Build(All, Usage with { Scope = new Dictionary<string, string> { ["use-case"] = "coding" } });
        coding.Moments.ShouldBe([Day("2025-06-30")]);
        Percents(coding, Day("2025-06-30")).ShouldBe(["anthropic 42", "openai 21"]);

        // An estimated share is a share.
        var codingSpend = ShareOverTime.Build(All, Spend with { Scope = new Dictionary<string, string> { ["use-case"] = "coding" } });
        Percents(codingSpend, Day("2025-12-31")).ShouldBe(["anthropic 54", "openai 21"]);
    }

    [Fact]
    public void Months_of_a_monthly_series_stay_apart_although_30_days_apart()
    {
        var series = ShareOverTime.Build(All, Usage with { Scope = new Dictionary<string, string> { ["segment"] = "anthropic-users" } });

        series.Moments.ShouldBe([Day("2025-05-31"), Day("2025-06-30")]);
        series.Of("claude-3-5-sonnet").Select(o => o.Percent).ShouldBe([83m, 16m]);
        series.At("claude-sonnet-4", Day("2025-06-30"))!.Percent.ShouldBe(45m);
        series.At("claude-3-5-sonnet", Day("2025-06-30"))!.Disagreeing.ShouldBeEmpty();
    }

    [Fact]
    public void The_newest_source_wins_a_disagreement_and_the_older_value_is_kept_beside_it()
    {
        // 2023 describes 2023-12-31; @2024-01-15 is 15 days later: one moment, dated 2024-01-15.
        var older = Share("openai", "usage", "2023", 50, Report2024);
        var newer = Share("openai", "usage", "@2024-01-15", 48, MidYear2025);

        var series = ShareOverTime.Build([older, newer], Usage);

        series.Moments.ShouldBe([Day("2024-01-15")]);
        var share = series.Observations.ShouldHaveSingleItem();
        share.Percent.ShouldBe(48m);
        share.Period.ToString().ShouldBe("@2024-01-15");
        share.Sources.ShouldBe([MidYear2025]);
        var other = share.Disagreeing.ShouldHaveSingleItem();
        other.Percent.ShouldBe(50m);
        other.Period.ToString().ShouldBe("2023");
        other.Sources.ShouldBe([Report2024]);
        series.Sources.ShouldBe([MidYear2025]);
    }

    [Fact]
    public void Moments_merge_within_31_days_and_not_beyond()
    {
        // 2025-06-30 to 2025-07-31 is 31 days; to 2025-08-01 it is 32.
        var merged = ShareOverTime.Build(
            [Share("openai", "usage", "@2025-06-30", 25, MidYear2025), Share("google", "usage", "@2025-07-31", 20, TechCrunch)],
            Usage);
        var apart = ShareOverTime.Build(
            [Share("openai", "usage", "@2025-06-30", 25, MidYear2025), Share("google", "usage", "@2025-08-01", 20, TechCrunch)],
            Usage);

        merged.Moments.ShouldBe([Day("2025-07-31")]);
        merged.At("openai", Day("2025-07-31"))!.Period.ToString().ShouldBe("@2025-06-30");
        apart.Moments.ShouldBe([Day("2025-06-30"), Day("2025-08-01")]);
    }

    [Fact]
    public void Picks_only_world_percent_shares_stated_as_values_with_exactly_the_asked_scope()
    {
        SourcedFact[] facts =
        [
            Share("openai", "usage", "2025", 30, Report2025, region: "world"),
            Share("alibaba", "usage", "2025", 32, Report2025, region: "china"),
            Share("google", "usage", "2025", 20, Report2025, segment: "startups"),
            Share("meta", "usage", "2025", 50, Report2025, qualifier: Qualifier.MoreThan),
            Share("mistral", "usage", "2030", 5, Report2025, obtained: Obtained.Forecast),
            Share("xai", "usage", "2025", 3, Report2025, market: "consumer-chatbots"),
            new(
                new Fact("cohere", "market-share", Scope.Of([KeyValuePair.Create("market", "enterprise-llm-api"), KeyValuePair.Create("basis", "usage")]), MenloFacts.Canonical("2025"), FactValue.Of(Quantity.Of(0.02m, Unit.Multiple)), Obtained.Survey, Report2025.Id, null),
                Report2025),
        ];

        ShareOverTime.Build(facts, Usage).Observations.Select(o => o.EntityId).ShouldBe(["openai"]);
        ShareOverTime.Build(facts, Usage with { Scope = new Dictionary<string, string> { ["region"] = "china" } })
            .Observations.Select(o => o.EntityId).ShouldBe(["alibaba"]);
    }

    [Fact]
    public void Token_shares_by_half_year_in_the_china_market()
    {
        // Frost & Sullivan enterprise token shares: 2025-H1 ends 2025-06-30, 2025-H2 ends 2025-12-31.
        var query = new ShareQuery("china-llm", "tokens", new Dictionary<string, string> { ["segment"] = "enterprises" });
        SourcedFact[] facts =
        [
            Share("alibaba", "tokens", "2025-H2", 32.1m, Report2025, market: "china-llm", segment: "enterprises", obtained: Obtained.Reported),
            Share("alibaba", "tokens", "2025-H1", 17.7m, Report2025, market: "china-llm", segment: "enterprises", obtained: Obtained.Reported),
            Share("bytedance", "tokens", "2025-H2", 21.3m, Report2025, market: "china-llm", segment: "enterprises", obtained: Obtained.Reported),
            Share("deepseek", "tokens", "2025-H2", 18.4m, Report2025, market: "china-llm", segment: "enterprises", obtained: Obtained.Reported),
        ];

        var series = ShareOverTime.Build(facts, query);

        series.Moments.ShouldBe([Day("2025-06-30"), Day("2025-12-31")]);
        series.Of("alibaba").Select(o => o.Percent).ShouldBe([17.7m, 32.1m]);
        // 100 - (32.1 + 21.3 + 18.4) = 100 - 71.8 = 28.2
        series.Others(Day("2025-12-31")).ShouldBe(28.2m);
    }

    [Fact]
    public void An_empty_input_gives_an_empty_series()
    {
        var series = ShareOverTime.Build([], Usage);

        series.Moments.ShouldBeEmpty();
        series.Observations.ShouldBeEmpty();
        series.Entities.ShouldBeEmpty();
        series.Sources.ShouldBeEmpty();
        series.Others(Day("2025-06-30")).ShouldBeNull();
    }

    [Fact]
    public void Refuses_market_or_basis_in_the_extra_scope() =>
        Should.Throw<ArgumentException>(() => ShareOverTime.Build(All, Usage with { Scope = new Dictionary<string, string> { ["basis"] = "spend" } }));

    private static List<string> Percents(ShareSeries series, DateOnly moment) =>
        series.Observations.Where(o => o.At == moment).Select(o => $"{o.EntityId} {o.Percent}").ToList();
}
