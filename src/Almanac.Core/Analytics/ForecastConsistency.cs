using System.Globalization;
using Almanac.Periods;

namespace Almanac.Analytics;

/// <summary>Whether a stated CAGR agrees with the levels at the ends of its range.</summary>
/// <param name="Range">The range the rate is stated for, e.g. <c>2024/2033</c>.</param>
/// <param name="Stated">The stated rate in percent.</param>
/// <param name="Implied">The rate the two end levels imply, in percent; null when a level is missing or ambiguous.</param>
/// <param name="Consistent">Whether the two rates are within the tolerance; null when there is nothing to compare.</param>
/// <param name="Explanation">The arithmetic or the reason it could not be done, in one sentence.</param>
public sealed record ForecastCheck(Period Range, decimal Stated, decimal? Implied, bool? Consistent, string Explanation);

/// <summary>The growth from one level of a series to the next.</summary>
public sealed record StepGrowth(Period From, Period To, decimal Start, decimal End, GrowthResult Growth);

/// <summary>The consistency of a forecast series: stated CAGRs against levels, and the rates between levels.</summary>
public static class ForecastConsistency
{
    /// <summary>
    /// For each stated rate, the rate the levels at its range's two ends imply, and whether the two
    /// are within <paramref name="tolerancePoints"/> percentage points. A missing end level, or two
    /// different levels for one end, gives no verdict rather than a guess.
    /// </summary>
    public static IReadOnlyList<ForecastCheck> Check(
        IReadOnlyList<(Period Period, decimal Level)> levels,
        IReadOnlyList<(Period Range, decimal CagrPercent)> statedRates,
        decimal tolerancePoints = 0.5m)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(statedRates);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerancePoints);
        return statedRates.Select(rate => CheckOne(levels, rate.Range, rate.CagrPercent, tolerancePoints)).ToList();
    }

    /// <summary>
    /// The growth from each level to the next, in time order: the year-over-year rates of a yearly
    /// series. Periods with two different levels are left out.
    /// </summary>
    public static IReadOnlyList<StepGrowth> Steps(IReadOnlyList<(Period Period, decimal Level)> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var series = levels
            .GroupBy(l => l.Period)
            .Where(g => g.Select(l => l.Level).Distinct().Count() == 1)
            .Select(g => g.First())
            .Where(l => l.Level > 0)
            .OrderBy(l => Moment.Of(l.Period))
            .ToList();
        return series
            .Zip(series.Skip(1))
            .Select(p => new StepGrowth(p.First.Period, p.Second.Period, p.First.Level, p.Second.Level, GrowthBetween.Of(p.First.Period, p.First.Level, p.Second.Period, p.Second.Level)))
            .ToList();
    }

    private static ForecastCheck CheckOne(IReadOnlyList<(Period Period, decimal Level)> levels, Period range, decimal stated, decimal tolerance)
    {
        ForecastCheck Unknown(string why) => new(range, stated, null, null, $"{Pct(stated)} a year over {range} cannot be checked: {why}.");

        if (range.Kind != PeriodKind.Range)
        {
            return Unknown($"{range} is not a range");
        }

        var (from, to) = (range.From, range.To);
        var starts = levels.Where(l => l.Period == from).Select(l => l.Level).Distinct().ToList();
        var ends = levels.Where(l => l.Period == to).Select(l => l.Level).Distinct().ToList();
        if (starts.Count == 0 || ends.Count == 0)
        {
            return Unknown($"no level for {(starts.Count == 0 ? from : to)}");
        }

        if (starts.Count > 1 || ends.Count > 1)
        {
            return Unknown($"{(starts.Count > 1 ? from : to)} has {(starts.Count > 1 ? starts.Count : ends.Count)} different levels");
        }

        if (starts[0] <= 0 || ends[0] < 0)
        {
            return Unknown($"a start level of {Num(starts[0])} has no growth rate");
        }

        var growth = GrowthBetween.Of(from, starts[0], to, ends[0]);
        if (growth.CagrPercent is not { } implied)
        {
            return Unknown($"{from} and {to} are less than a year apart");
        }

        var gap = Math.Abs(implied - stated);
        var consistent = gap <= tolerance;
        var years = growth.Years.ToString("0.##", CultureInfo.InvariantCulture);
        return new ForecastCheck(
            range,
            stated,
            implied,
            consistent,
            $"{Num(starts[0])} in {from} to {Num(ends[0])} in {to} over {years} years implies {Pct(implied)} a year; "
            + $"stated {Pct(stated)}, {Math.Round(gap, 2).ToString("0.##", CultureInfo.InvariantCulture)} points apart: "
            + (consistent ? "consistent" : "inconsistent")
            + $" within {tolerance.ToString(CultureInfo.InvariantCulture)} points.");
    }

    private static string Pct(decimal percent) => Math.Round(percent, 2).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A level as a reader writes it: 6.5 billion, 140.8 billion, 3.25.</summary>
    private static string Num(decimal value) => Math.Abs(value) switch
    {
        >= 1e12m => Scaled(value / 1e12m) + " trillion",
        >= 1e9m => Scaled(value / 1e9m) + " billion",
        >= 1e6m => Scaled(value / 1e6m) + " million",
        _ => Scaled(value),
    };

    private static string Scaled(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
