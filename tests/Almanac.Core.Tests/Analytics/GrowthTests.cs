using Almanac.Analytics;

namespace Almanac.Tests.Analytics;

public sealed class GrowthTests
{
    [Fact]
    public void Percent_growth_of_the_seed_market_from_2024_to_2025_is_31_percent() =>
        Math.Round(Growth.Percent(56.17m, 73.58m), 1).ShouldBe(31.0m);

    [Theory]
    [InlineData(100, 200, 1, 100.0)]
    [InlineData(100, 121, 2, 10.0)]
    [InlineData(50.3, 135.2, 4, 28.04)]
    [InlineData(56.17, 1113.04, 10, 34.8)]
    [InlineData(100, 100, 5, 0.0)]
    [InlineData(100, 50, 1, -50.0)]
    public void Cagr_connects_two_levels(double start, double end, double years, double expected) =>
        Growth.Cagr((decimal)start, (decimal)end, years).ShouldBe((decimal)expected, 0.05m);

    [Fact]
    public void Projecting_at_the_cagr_gives_the_end_level_back()
    {
        var rate = Growth.Cagr(56.17m, 1113.04m, 10);

        Growth.Project(56.17m, rate, 10).ShouldBe(1113.04m, 0.01m);
        Math.Round(Growth.Project(56.17m, 21.63m, 10), 1).ShouldBe(398.0m, 0.5m);
    }

    [Fact]
    public void Refuses_a_start_of_zero_or_no_time()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Growth.Cagr(0m, 10m, 3));
        Should.Throw<ArgumentOutOfRangeException>(() => Growth.Cagr(10m, 20m, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => Growth.Percent(0m, 1m));
    }
}
