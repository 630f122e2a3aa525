using Almanac.Analytics;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Tests.Analytics;

public sealed class ForecastConsistencyTests
{
    private static readonly Source BriefNews = new(
        "brief-news-compact-llms-challenge-giants", "Brief News", "Compact LLMs challenge giants", new Uri("https://example.org/brief-news"), new DateOnly(2024, 4, 15), SourceKind.Secondary);

    private static readonly Source Santage = new(
        "santageai-large-language-models-explainer", "Santage AI", "Large language models explainer", new Uri("https://example.org/santage"), new DateOnly(2026, 1, 10), SourceKind.Secondary);

    /// <summary>The curated global LLM market-size forecasts, shaped as the data files write them.</summary>
    private static readonly SourcedFact[] MarketSize =
    [
        Level("2026", 1.057e10m, Santage),
        Level("2035", 1.4989e11m, Santage),
        Rate("2026/2035", 34.44m, Santage),
        Level("2024", 6.5e9m, BriefNews),
        Level("2033", 1.408e11m, BriefNews),
        Rate("2024/2033", 40.7m, BriefNews),
    ];

    [Fact]
    public void The_brief_news_forecast_implies_40_74_percent_against_a_stated_40_7()
    {
        // 140.8 / 6.5 = 21.661538; ln 21.661538 = 3.075538; / 9 years = 0.341726; e^0.341726 = 1.407375.
        var check = ForecastConsistency.Check(Levels(BriefNews), Rates(BriefNews)).ShouldHaveSingleItem();

        check.Range.ToString().ShouldBe("2024/2033");
        check.Stated.ShouldBe(40.7m);
        check.Implied!.Value.ShouldBe(40.7375m, 0.0001m);
        check.Consistent.ShouldBe(true);
        check.Explanation.ShouldBe("6.5 billion in 2024 to 140.8 billion in 2033 over 9 years implies 40.74% a year; stated 40.7%, 0.04 points apart: consistent within 0.5 points.");
    }

    [Fact]
    public void The_precedence_forecast_is_consistent_within_half_a_point_but_not_a_tenth()
    {
        // 149.89 / 10.57 = 14.180700; ln = 2.651883; / 9 = 0.294654; e^0.294654 = 1.342661: 34.27%, 0.17 below 34.44.
        var loose = ForecastConsistency.Check(Levels(Santage), Rates(Santage)).ShouldHaveSingleItem();
        var tight = ForecastConsistency.Check(Levels(Santage), Rates(Santage), tolerancePoints: 0.1m).ShouldHaveSingleItem();

        loose.Implied!.Value.ShouldBe(34.2661m, 0.0001m);
        loose.Consistent.ShouldBe(true);
        tight.Consistent.ShouldBe(false);
        tight.Explanation.ShouldContain("inconsistent within 0.1 points");
    }

    [Fact]
    public void A_missing_end_level_gives_no_verdict()
    {
        var levels = Levels(BriefNews).Where(l => l.Period != Period.Year(2033)).ToList();

        var check = ForecastConsistency.Check(levels, Rates(BriefNews)).ShouldHaveSingleItem();

        check.Implied.ShouldBeNull();
        check.Consistent.ShouldBeNull();
        check.Explanation.ShouldBe("40.7% a year over 2024/2033 cannot be checked: no level for 2033.");
    }

    [Fact]
    public void Two_different_start_levels_give_no_verdict_rather_than_a_pick()
    {
        // Another publisher's 2024 level mixed into the same list.
        List<(Period, decimal)> levels = [.. Levels(BriefNews), (Period.Year(2024), 7.0e9m)];

        var check = ForecastConsistency.Check(levels, Rates(BriefNews)).ShouldHaveSingleItem();

        check.Consistent.ShouldBeNull();
        check.Explanation.ShouldContain("2024 has 2 different levels");
    }

    [Fact]
    public void A_stated_rate_the_levels_do_not_support_is_inconsistent()
    {
        var check = ForecastConsistency.Check(Levels(BriefNews), [(MenloFacts.Canonical("2024/2033"), 50m)]).ShouldHaveSingleItem();

        check.Consistent.ShouldBe(false);
    }

    [Fact]
    public void A_rate_without_a_range_is_not_checked()
    {
        var check = ForecastConsistency.Check(Levels(BriefNews), [(Period.Year(2033), 40.7m)]).ShouldHaveSingleItem();

        check.Consistent.ShouldBeNull();
        check.Explanation.ShouldContain("2033 is not a range");
    }

    [Fact]
    public void Steps_give_the_rate_from_each_level_to_the_next()
    {
        // 100 -> 150 in one year: +50%, 50% a year; 150 -> 216 in two: +44%, sqrt(1.44) - 1 = 20% a year.
        List<(Period, decimal)> levels = [(Period.Year(2027), 216m), (Period.Year(2024), 100m), (Period.Year(2025), 150m)];

        var steps = ForecastConsistency.Steps(levels);

        steps.Select(s => $"{s.From}->{s.To}").ShouldBe(["2024->2025", "2025->2027"]);
        steps[0].Growth.Percent.ShouldBe(50m);
        steps[0].Growth.CagrPercent!.Value.ShouldBe(50m, 0.000001m);
        steps[1].Growth.Percent.ShouldBe(44m);
        steps[1].Growth.CagrPercent!.Value.ShouldBe(20m, 0.000001m);
    }

    [Fact]
    public void Nothing_in_gives_nothing_out()
    {
        ForecastConsistency.Check([], []).ShouldBeEmpty();
        ForecastConsistency.Steps([]).ShouldBeEmpty();
        ForecastConsistency.Check([], [(MenloFacts.Canonical("2024/2033"), 40.7m)]).ShouldHaveSingleItem().Implied.ShouldBeNull();
    }

    private static List<(Period Period, decimal Level)> Levels(Source source) =>
        MarketSize.Where(f => f.Source == source && f.Fact.MetricId == "market-size").Select(f => (f.Fact.Period, f.Fact.Value.Quantity!.Value.Value)).ToList();

    private static List<(Period Range, decimal CagrPercent)> Rates(Source source) =>
        MarketSize.Where(f => f.Source == source && f.Fact.MetricId == "cagr").Select(f => (f.Fact.Period, f.Fact.Value.Quantity!.Value.Value)).ToList();

    private static SourcedFact Level(string period, decimal usd, Source source) => Figure("market-size", period, Quantity.Of(usd, Unit.Usd, Qualifier.Forecast), source);

    private static SourcedFact Rate(string period, decimal percent, Source source) => Figure("cagr", period, Quantity.Of(percent, Unit.Percent, Qualifier.Forecast), source);

    private static SourcedFact Figure(string metric, string period, Quantity value, Source source) =>
        new(
            new Fact("llm", metric, Scope.Of([KeyValuePair.Create("region", "world")]), MenloFacts.Canonical(period), FactValue.Of(value), Obtained.Forecast, source.Id, null),
            source);
}
