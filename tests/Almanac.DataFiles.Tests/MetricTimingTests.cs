using Almanac.DataFiles;
using Almanac.Knowledge;

namespace Almanac.Tests.DataFiles;

/// <summary>How a metric's figures relate to time, as <c>metrics.yaml</c> declares it with <c>time</c> and <c>stands</c>.</summary>
public sealed class MetricTimingTests
{
    private const string Timed = """
        - id: market-size
          name: { en: market size, zh: 市场规模 }
          dimension: currency
          time: flow
        - id: market-share
          name: { en: market share, zh: 市场份额 }
          dimension: percent
          time: stock
          stands: 45 days
        - id: valuation
          name: { en: valuation, zh: 估值 }
          dimension: currency
          time: stock
          stands: until-next
        - id: context-window
          name: { en: context window, zh: 上下文窗口 }
          dimension: tokens
          time: property
        - id: users
          name: { en: users, zh: 用户数 }
          dimension: count
        """;

    [Fact]
    public void Reads_each_kind_and_how_long_a_stock_stands()
    {
        using var folder = DataFolderBuilder.Valid().With("metrics.yaml", Timed);
        var result = DataFolder.Load(folder.Root);

        result.Diagnostics.ShouldBeEmpty();
        var kb = result.Knowledge!;
        kb.Metric("market-size")!.Time.ShouldBe(new MetricTiming(TemporalKind.Flow));
        kb.Metric("market-share")!.Time.ShouldBe(new MetricTiming(TemporalKind.Stock, UntilNext: false, WindowDays: 45));
        kb.Metric("valuation")!.Time.ShouldBe(new MetricTiming(TemporalKind.Stock, UntilNext: true));
        kb.Metric("context-window")!.Time.Kind.ShouldBe(TemporalKind.Property);

        // Unsaid, a measure is a stock standing about a month, and says it declared nothing.
        kb.Metric("users")!.Timing.ShouldBeNull();
        kb.Metric("users")!.Time.ShouldBe(new MetricTiming(TemporalKind.Stock, UntilNext: false, WindowDays: MetricTiming.DefaultWindowDays));
    }

    [Theory]
    [InlineData("time: flow", "time: stream", "data/metrics.yaml:4:9: unknown time 'stream'; expected stock, flow or property")]
    [InlineData("stands: 45 days", "stands: a while", "data/metrics.yaml:9:11: unknown stands 'a while'; expected until-next or a number of days ('31 days')")]
    [InlineData("time: property", "time: property\n  stands: until-next", "data/metrics.yaml:19:11: only a stock stands for a time; a property has no 'stands'")]
    public void Names_the_line_of_a_wrong_timing(string written, string wrong, string expected)
    {
        using var folder = DataFolderBuilder.Valid().With("metrics.yaml", Timed.Replace(written, wrong, StringComparison.Ordinal));

        DataFolder.Load(folder.Root).Diagnostics.Select(d => d.ToString()).ShouldContain(expected);
    }

    /// <summary>The repository's measures say what they are in time: the matching of figures reads nothing else.</summary>
    [Theory]
    [InlineData("revenue", TemporalKind.Flow, false)]
    [InlineData("funding-raised", TemporalKind.Flow, false)]
    [InlineData("valuation", TemporalKind.Stock, true)]
    [InlineData("price-input", TemporalKind.Stock, true)]
    [InlineData("arena-score", TemporalKind.Stock, true)]
    [InlineData("revenue-run-rate", TemporalKind.Stock, false)]
    [InlineData("weekly-active-users", TemporalKind.Stock, false)]
    [InlineData("parameters-total", TemporalKind.Property, false)]
    [InlineData("context-window", TemporalKind.Property, false)]
    [InlineData("release-date", TemporalKind.Property, false)]
    public void The_repository_declares_the_timing_of_its_measures(string metric, TemporalKind kind, bool untilNext)
    {
        var result = DataFolder.Load(RepositoryData());
        var timing = result.Knowledge!.Metric(metric)!.Timing.ShouldNotBeNull();

        timing.Kind.ShouldBe(kind);
        timing.UntilNext.ShouldBe(untilNext);
    }

    [Fact]
    public void Every_repository_measure_declares_its_timing()
    {
        var result = DataFolder.Load(RepositoryData());

        result.Knowledge!.Metrics.Where(m => m.Timing is null).Select(m => m.Id).ShouldBeEmpty();
    }

    private static string RepositoryData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "metrics.yaml")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new DirectoryNotFoundException("the repository's data folder was not found above " + AppContext.BaseDirectory);
    }
}
