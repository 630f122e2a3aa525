using Almanac.Analytics;
using Almanac.Periods;
using static Almanac.Tests.Analytics.MenloFacts;

namespace Almanac.Tests.Analytics;

public sealed class GrowthBetweenTests
{
    [Fact]
    public void Two_calendar_years_apart_are_two_whole_years()
    {
        // OpenAI's spend share 50% in 2023 to 27% in 2025: 27/50 - 1 = -46%;
        // CAGR = sqrt(0.54) - 1 = 0.734847 - 1 = -26.5153%.
        var growth = GrowthBetween.Of(Period.Year(2023), 50m, Period.Year(2025), 27m);

        growth.Years.ShouldBe(2.0);
        growth.Percent.ShouldBe(-46m);
        growth.CagrPercent!.Value.ShouldBe(-26.5153m, 0.0001m);
    }

    [Fact]
    public void One_year_apart_the_cagr_is_the_change()
    {
        // 150/100 - 1 = 50% in exactly one year.
        var growth = GrowthBetween.Of(Period.Year(2024), 100m, Period.Year(2025), 150m);

        growth.Years.ShouldBe(1.0);
        growth.CagrPercent!.Value.ShouldBe(50m, 0.0000001m);
    }

    [Theory]
    [InlineData("2025-H1", "2025-H2", 0.5)]
    [InlineData("2024-Q1", "2025-Q3", 1.5)]
    [InlineData("2024-11", "2025-02", 0.25)]
    [InlineData("2019", "2024", 5.0)]
    public void Periods_of_one_calendar_kind_count_whole_steps(string from, string to, double years) =>
        GrowthBetween.Of(MenloFacts.Canonical(from), 10m, MenloFacts.Canonical(to), 20m).Years.ShouldBe(years);

    [Fact]
    public void Instants_count_days_over_365_25()
    {
        // @2023-12-31 to @2025-06-30: 366 days of 2024 + 181 days of 2025 = 547 days; 547 / 365.25 = 1.497604 years.
        // 25/50 - 1 = -50%; CAGR = 0.5^(1/1.497604) - 1 = -37.0505%.
        var growth = GrowthBetween.Of(MenloFacts.Canonical("@2023-12-31"), 50m, MenloFacts.Canonical("@2025-06-30"), 25m);

        growth.Years.ShouldBe(547 / 365.25, 1e-12);
        growth.Percent.ShouldBe(-50m);
        growth.CagrPercent!.Value.ShouldBe(-37.0505m, 0.0001m);
    }

    [Fact]
    public void A_half_year_change_has_no_annual_rate()
    {
        // Menlo's enterprise API spend: $3.5B for 2024 (describes 2024-12-31) to $8.4B @2025-06-30.
        // 181 days = 0.495551 years; 8.4/3.5 - 1 = +140%; compounding that to a year would be an extrapolation.
        var api = All.Where(f => f.Fact.MetricId == "spend").Select(f => f.Fact).ShouldHaveSingleItem();

        var growth = GrowthBetween.Of(api.Period, api.Value.Quantity!.Value.Value, MenloFacts.Canonical("@2025-06-30"), 8.4e9m);

        growth.Years.ShouldBe(181 / 365.25, 1e-12);
        growth.Percent.ShouldBe(140m);
        growth.CagrPercent.ShouldBeNull();
    }

    [Fact]
    public void Anthropics_spend_share_from_the_menlo_series()
    {
        // 12% in 2023 to 40% in 2025: 40/12 - 1 = +233.33%; CAGR = sqrt(40/12) - 1 = 1.825742 - 1 = 82.5742%.
        var series = ShareOverTime.Build(All, Spend);
        var (first, last) = (series.Of("anthropic")[0], series.Of("anthropic")[^1]);

        var growth = GrowthBetween.Of(first.Period, first.Percent, last.Period, last.Percent);

        growth.Years.ShouldBe(2.0);
        growth.Percent.ShouldBe(233.3333m, 0.0001m);
        growth.CagrPercent!.Value.ShouldBe(82.5742m, 0.0001m);
    }

    [Fact]
    public void A_fall_to_zero_is_minus_100_percent_a_year()
    {
        var growth = GrowthBetween.Of(Period.Year(2023), 19m, Period.Year(2025), 0m);

        growth.Percent.ShouldBe(-100m);
        growth.CagrPercent.ShouldBe(-100m);
    }

    [Fact]
    public void Refuses_no_time_going_back_and_a_start_of_zero()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => GrowthBetween.Of(Period.Year(2025), 10m, Period.Year(2025), 20m));
        Should.Throw<ArgumentOutOfRangeException>(() => GrowthBetween.Of(Period.Year(2025), 10m, Period.Year(2023), 20m));
        Should.Throw<ArgumentOutOfRangeException>(() => GrowthBetween.Of(Period.Year(2023), 0m, Period.Year(2025), 20m));
    }
}
