using System.Text.Json;
using Almanac.Tests;
using Almanac.Web.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Almanac.Tests.Web;

/// <summary>
/// A site whose store holds the curated data plus leaderboard, token-share and company rows shaped
/// as their importers write them, imported through the site's own import path.
/// </summary>
public sealed class ViewsSiteFixture : IAsyncLifetime
{
    public RunningSite Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await RunningSite.StartAsync();
        var host = Site.Services.GetRequiredService<KnowledgeHost>();
        foreach (var snapshots in MarketViewFacts.All())
        {
            host.Import(snapshots);
        }
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>The company timeline, leaderboard and token-share endpoints, and the Companies and Leaderboard pages in Chromium.</summary>
public sealed class MarketViewsTests(ViewsSiteFixture fixture) : IClassFixture<ViewsSiteFixture>
{
    private RunningSite Site => fixture.Site;

    [Fact]
    public async Task The_company_timeline_lists_each_point_with_its_sources_and_leaves_rounds_in_talks_out()
    {
        var timeline = await Site.GetJsonAsync("/api/companies/anthropic/timeline");

        timeline.GetProperty("entity").GetString().ShouldBe("anthropic");
        var points = timeline.GetProperty("points").EnumerateArray().ToList();
        var valuations = points.Where(p => p.GetProperty("metric").GetString() == "valuation").ToList();
        var seriesF = valuations.Single(p => p.GetProperty("round").GetString() == "series-f");
        seriesF.GetProperty("amount").GetDecimal().ShouldBe(183e9m);
        seriesF.GetProperty("date").GetString().ShouldBe("2025-09-02");
        seriesF.GetProperty("disputed").GetBoolean().ShouldBeFalse();
        seriesF.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("publisher").GetString()).ShouldBe(["CNBC", "Anthropic"], ignoreOrder: true);
        valuations.Single(p => p.GetProperty("round").GetString() == "series-e").GetProperty("amount").GetDecimal().ShouldBe(61.5e9m);
        valuations.ShouldNotContain(p => p.GetProperty("amount").GetDecimal() == 350e9m);
        points.ShouldContain(p => p.GetProperty("metric").GetString() == "revenue-run-rate" && p.GetProperty("qualifier").GetString() == "more-than");

        // Named in Chinese, the same company; CSV has one row per point and source.
        (await Site.GetJsonAsync("/api/companies/" + Uri.EscapeDataString("Anthropic") + "/timeline")).GetProperty("points").GetArrayLength().ShouldBe(points.Count);
        using var csv = await Site.Client.GetAsync("/api/companies/anthropic/timeline?format=csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("entity,metric,date,period,amount,currency");
        lines.Length.ShouldBe(1 + points.Sum(p => p.GetProperty("sources").GetArrayLength()));
        lines.ShouldContain(l => l.StartsWith("anthropic,valuation,2025-09-02,@2025-09-02,183000000000,USD,exact,series-f,false,CNBC,", StringComparison.Ordinal));

        await Site.GetProblemAsync("/api/companies/no-such-company/timeline", 404);
        await Site.GetProblemAsync("/api/companies/gpt-4o/timeline", 404);
    }

    [Fact]
    public async Task The_arena_leaderboard_follows_the_top_models_of_the_latest_snapshot()
    {
        var board = await Site.GetJsonAsync("/api/leaderboard/arena");

        var expected = MarketViewFacts.Arena.OrderByDescending(a => a.Latest).Take(8).ToList();
        board.GetProperty("benchmark").GetString().ShouldBe("lmarena-text");
        board.GetProperty("snapshots").EnumerateArray().Select(s => s.GetString()).ShouldBe(["2025-06-02", "2025-09-01"]);
        var models = board.GetProperty("models").EnumerateArray().ToList();
        models.Select(m => m.GetProperty("latestScore").GetDecimal()).ShouldBe(expected.Select(a => a.Latest));
        models.Select(m => m.GetProperty("rank").GetInt32()).ShouldBe(Enumerable.Range(1, 8));
        board.GetProperty("scores").GetArrayLength().ShouldBe(16);
        board.GetProperty("scores")[0].GetProperty("interval").GetString().ShouldBe("95% CI +4/-4");

        (await Site.GetJsonAsync("/api/leaderboard/arena?top=3")).GetProperty("models").GetArrayLength().ShouldBe(3);
        using var csv = await Site.Client.GetAsync("/api/leaderboard/arena?format=csv");
        (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(17);
        (await Site.GetProblemAsync("/api/leaderboard/arena?top=0", 400)).GetProperty("errors").TryGetProperty("top", out _).ShouldBeTrue();
        await Site.GetProblemAsync("/api/leaderboard/arena?top=2.5", 400);
    }

    [Fact]
    public async Task A_benchmark_lists_its_top_models_with_evaluator_and_source()
    {
        var benchmark = await Site.GetJsonAsync("/api/benchmarks/gpqa-diamond");

        benchmark.GetProperty("name").GetString().ShouldBe("GPQA Diamond");
        var rows = benchmark.GetProperty("rows").EnumerateArray().ToList();
        var best = MarketViewFacts.Gpqa.GroupBy(g => g.Model).Select(g => g.Max(x => x.Percent)).OrderDescending().ToList();
        rows.Select(r => r.GetProperty("score").GetDecimal()).ShouldBe(best);
        rows[0].GetProperty("evaluator").GetString().ShouldBe("epoch-ai");
        rows[0].GetProperty("standardError").GetDecimal().ShouldBe(1.6m);
        rows[0].GetProperty("source").GetProperty("title").GetString().ShouldBe("Epoch AI, Benchmarking Hub, snapshot 2025-10-01");
        var gpt4o = rows.Single(r => r.GetProperty("score").GetDecimal() == 53.6m);
        gpt4o.GetProperty("evaluator").GetString().ShouldBe("stanford-crfm");
        gpt4o.GetProperty("others")[0].GetProperty("score").GetDecimal().ShouldBe(50.8m);

        using var csv = await Site.Client.GetAsync("/api/benchmarks/gpqa-diamond?format=csv");
        (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1 + MarketViewFacts.Gpqa.Length);
        await Site.GetProblemAsync("/api/benchmarks/anthropic", 404);
        await Site.GetProblemAsync("/api/benchmarks/no-such-benchmark", 404);
    }

    [Fact]
    public async Task OpenRouter_shares_keep_every_week_and_mark_lower_bounds()
    {
        var shares = await Site.GetJsonAsync("/api/shares/openrouter");

        shares.GetProperty("basis").GetString().ShouldBe("tokens");
        shares.GetProperty("segment").GetString().ShouldBe("openrouter");
        shares.GetProperty("weeks").EnumerateArray().Select(w => w.GetString()).ShouldBe(["2025-09-01/2025-09-07", "2025-09-08/2025-09-14", "2025-09-15/2025-09-21"]);
        var list = shares.GetProperty("shares").EnumerateArray().ToList();
        list.Count.ShouldBe(MarketViewFacts.TokenShares.Length);
        foreach (var (developer, monday, percent) in MarketViewFacts.TokenShares)
        {
            list.ShouldContain(s => s.GetProperty("name").GetString() == developer && s.GetProperty("weekStart").GetString() == monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) && s.GetProperty("percent").GetDecimal() == percent);
        }

        list.ShouldAllBe(s => s.GetProperty("qualifier").GetString() == "at-least" && s.GetProperty("obtained").GetString() == "estimated");
        // Survey shares are another basis and never appear here.
        list.ShouldNotContain(s => s.GetProperty("sources")[0].GetProperty("publisher").GetString() == "Menlo Ventures");

        using var csv = await Site.Client.GetAsync("/api/shares/openrouter?format=csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1 + MarketViewFacts.TokenShares.Length);
        lines.Skip(1).ShouldAllBe(l => l.Contains(",at-least,estimated,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/companies", "companies", "Companies", "Series F")]
    [InlineData("/companies?lang=zh", "companies-zh", "公司", "F轮")]
    [InlineData("/leaderboard", "leaderboard", "Leaderboards", "GPQA Diamond")]
    [InlineData("/leaderboard?lang=zh", "leaderboard-zh", "排行榜", "GPQA Diamond")]
    public async Task The_companies_and_leaderboard_pages_draw_their_charts_without_errors(string path, string name, string heading, string expected)
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (page, errors, response) = await chromium.OpenAsync(new Uri(Site.Address, path).AbsoluteUri);
        response.ShouldNotBeNull().Status.ShouldBe(200, path);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-chart]')].every(v => v.hasAttribute('data-rendered'))",
            null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });

        var outcomes = await page.EvalOnSelectorAllAsync<string[]>(
            "[data-chart]",
            "views => views.map(v => v.dataset.chart + ':' + v.dataset.rendered + ':' + v.querySelectorAll('svg.marks .role-mark > *').length)");
        outcomes.ShouldNotBeEmpty();
        outcomes.ShouldAllBe(o => o.Split(':', StringSplitOptions.None)[1] == "true" && int.Parse(o.Split(':', StringSplitOptions.None)[2], System.Globalization.CultureInfo.InvariantCulture) > 0);
        errors.ShouldBeEmpty(string.Join("\n", errors));
        (await page.Locator("h1").TextContentAsync()).ShouldBe(heading);
        (await page.Locator("nav a[aria-current=page]").CountAsync()).ShouldBe(1);
        (await page.ContentAsync()).ShouldContain(expected);

        var folder = Path.Combine(RunningSite.RepositoryRoot, "artifacts", "screenshots", "pages");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        if (name.StartsWith("companies", StringComparison.Ordinal))
        {
            // Anthropic's timeline draws its Series E and F valuations, labelled.
            var text = await page.Locator("#chart-company-anthropic svg.marks").TextContentAsync();
            text.ShouldNotBeNull().ShouldContain(name == "companies" ? "Series E" : "E轮");
            text.ShouldContain(name == "companies" ? "Series F" : "F轮");
            await page.Locator("#chart-company-anthropic").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, name + "-anthropic.png") });
        }
        else
        {
            outcomes.Select(o => o.Split(':')[0]).ShouldBe(["arena-frontier", "openrouter-token-share"]);
            (await page.ContentAsync()).ShouldContain(name == "leaderboard" ? "at least 30%" : "至少 30%");
        }
    }
}
