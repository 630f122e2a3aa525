using Almanac.Analytics.Surveys;

namespace Almanac.Tests.Analytics.Surveys;

public sealed class IntervalsTests
{
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table II, method 3 (score).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_matches_newcombes_published_intervals(int successes, int n, double lower, double upper)
    {
        var interval = Intervals.Wilson((double)successes / n, n);

        interval.Lower.ShouldBe(lower, 0.00005);
        interval.Upper.ShouldBe(upper, 0.00005);
    }

    // The 0.975 column of any t table.
    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(2, 4.303)]
    [InlineData(3, 3.1824)]
    [InlineData(4, 2.7764)]
    [InlineData(5, 2.5706)]
    [InlineData(10, 2.228)]
    [InlineData(29, 2.045)]
    [InlineData(100, 1.984)]
    public void Student_t_975_matches_the_table(int df, double expected) =>
        Intervals.StudentT975(df).ShouldBe(expected, 0.001);

    [Fact]
    public void Quantile_interpolates_between_order_statistics()
    {
        double[] sorted = [1, 2, 3, 4, 5];

        Intervals.Quantile(sorted, 0).ShouldBe(1);
        Intervals.Quantile(sorted, 0.5).ShouldBe(3);
        Intervals.Quantile(sorted, 0.1).ShouldBe(1.4, 1e-12);
        Intervals.Quantile(sorted, 1).ShouldBe(5);
    }
}
