using System.Text.Json;
using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Reports;
using Almanac.Reports.Usage;
using Almanac.Text;
using Almanac.Usage;
using Almanac.Usage.Analyses;
using Almanac.Usage.DuckDb;
using Almanac.Usage.Generation;
using Almanac.Usage.Normalisation;
using Almanac.Usage.Readers;
using Microsoft.Playwright;

namespace Almanac.Tests.Web;

/// <summary>A usage store of generated logs with their truth, and a site serving it.</summary>
public sealed class UsageSiteFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-usage-web-" + Guid.NewGuid().ToString("N"));

    public RunningSite Site { get; private set; } = null!;

    public GenerationTruth Truth { get; private set; } = null!;

    public string UsageStore => Path.Combine(_folder, "usage.duckdb");

    /// <summary>The generated models with the developers the repository's catalogue gives them.</summary>
    public static UsageNormaliser Normaliser() => new(
        UsageGenerator.Models.Append(new GeneratedModel("claude-3-7-sonnet-20250219", "claude-3-7-sonnet", "anthropic", "anthropic"))
            .DistinctBy(m => m.ModelId)
            .Select(m => new Entity(m.ModelId, EntityKind.Model, new LocalizedName(m.ModelId, null), [], Developer: m.Developer)),
        PriceHistory.Build([]));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var log = Path.Combine(_folder, "generated.csv");
        using (var writer = new StreamWriter(log))
        {
            Truth = UsageGenerator.Write(30_000, UsageFormat.Csv, seed: 9, writer);
        }

        using (var engine = DuckDbUsageStore.Open(UsageStore))
        {
            UsageIngest.Run(log, null, ColumnMap.Parse(null), strict: true, Normaliser(), engine);
        }

        Site = await RunningSite.StartAsync(new Dictionary<string, string?> { ["Almanac:UsageStore"] = UsageStore });
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary><c>/api/usage/…</c> and <c>/usage</c> over generated logs: the truth's figures, typed parameters, CSV, the empty state, charts drawn in Chromium.</summary>
public sealed class UsageWebTests(UsageSiteFixture fixture) : IClassFixture<UsageSiteFixture>
{
    private RunningSite Site => fixture.Site;

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(RunningSite.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    [Fact]
    public async Task Share_gives_the_truths_monthly_tokens_with_the_logs_source_line()
    {
        var answer = await Site.GetJsonAsync("/api/usage/share?by=developer&basis=tokens&period=month");
        answer.GetProperty("empty").GetBoolean().ShouldBeFalse();
        answer.GetProperty("source").GetString().ShouldBe("Source: usage logs, 2026-01-01 → 2026-03-31, 30K requests");
        var rows = answer.GetProperty("rows").EnumerateArray().ToList();
        var expected = fixture.Truth.Counts.Where(c => c.Dimension == "developer").Select(c => (c.Month, c.Key, (double)c.Tokens)).Order().ToList();
        rows.Select(r => (r.GetProperty("period").GetString()!, r.GetProperty("key").GetString()!, r.GetProperty("value").GetDouble())).Order().ToList().ShouldBe(expected);
    }

    [Fact]
    public async Task Switching_adoption_latency_cost_and_unresolved_answer_from_the_store()
    {
        var switching = await Site.GetJsonAsync("/api/usage/switching?by=user&period=month");
        switching.GetProperty("steps").EnumerateArray()
            .Select(s => (s.GetProperty("from_period").GetString(), s.GetProperty("stayed").GetInt64(), s.GetProperty("moved").GetInt64(), s.GetProperty("switched").GetInt64()))
            .ShouldBe(fixture.Truth.Switching.Select(t => ((string?)t.From, t.Stayed, t.Moved, t.Switched)));
        switching.GetProperty("matrix").GetArrayLength().ShouldBeGreaterThan(0);

        // The catalogue dates Claude 3.7 Sonnet, released long before the generated logs: the first use is the one the log planted.
        var adoption = await Site.GetJsonAsync("/api/usage/adoption");
        var sonnet = adoption.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("model_id").GetString() == "claude-3-7-sonnet");
        sonnet.GetProperty("first_used").GetString().ShouldBe(fixture.Truth.Adoption.FirstUsed!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        sonnet.GetProperty("share_day7").ValueKind.ShouldBe(JsonValueKind.Null);

        var latency = await Site.GetJsonAsync("/api/usage/latency");
        latency.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("requests").GetInt64()).ShouldBe(30_000);
        (await Site.GetJsonAsync("/api/usage/cost?by=team&limit=3")).GetProperty("rows").GetArrayLength().ShouldBe(3);
        (await Site.GetJsonAsync("/api/usage/unresolved")).GetProperty("rows").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Csv_is_the_same_rows()
    {
        using var response = await Site.Client.GetAsync("/api/usage/share?format=csv");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Trim('\uFEFF', '\r').ShouldBe("period,key,value,share");
        lines.Length.ShouldBe(1 + fixture.Truth.Counts.Count(c => c.Dimension == "developer"));
        var matrix = await Site.Client.GetStringAsync("/api/usage/switching?format=csv");
        matrix.ShouldContain("from_period,to_period,from_developer,to_developer,stayed,moved,switched");
    }

    [Theory]
    [InlineData("/api/usage/share?by=planet", "by")]
    [InlineData("/api/usage/share?basis=vibes", "basis")]
    [InlineData("/api/usage/share?period=fortnight", "period")]
    [InlineData("/api/usage/latency?from=2026-13-01", "from")]
    [InlineData("/api/usage/cost?limit=0", "limit")]
    [InlineData("/api/usage/switching?by=planet", "by")]
    [InlineData("/api/usage/adoption?from=2026-03-01&to=2026-01-01", "from")]
    [InlineData("/api/usage/unresolved?format=xml", "format")]
    public async Task A_bad_parameter_is_a_400_naming_it(string path, string parameter)
    {
        var problem = await Site.GetProblemAsync(path, 400);
        problem.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task A_missing_usage_store_is_an_empty_state_saying_how_to_ingest()
    {
        var missing = Path.Combine(Path.GetTempPath(), "almanac-no-usage-" + Guid.NewGuid().ToString("N"), "usage.duckdb");
        await using var site = await RunningSite.StartAsync(new Dictionary<string, string?> { ["Almanac:UsageStore"] = missing });
        foreach (var path in new[] { "/api/usage/share", "/api/usage/latency", "/api/usage/cost", "/api/usage/adoption", "/api/usage/switching", "/api/usage/unresolved" })
        {
            var answer = await site.GetJsonAsync(path);
            answer.GetProperty("empty").GetBoolean().ShouldBeTrue(path);
            answer.GetProperty("hint").GetString()!.ShouldContain("almanac usage ingest");
        }

        var page = await site.Client.GetStringAsync("/usage");
        page.ShouldContain("almanac usage ingest");
        File.Exists(missing).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/usage", "usage", "Share of our tokens by developer")]
    [InlineData("/usage?lang=zh", "usage-zh", "各开发者在我们 token 中的份额")]
    public async Task The_usage_page_draws_its_charts_in_Chromium(string path, string name, string expected)
    {
        await using var chromium = await Chromium.LaunchAsync();
        var (page, errors, response) = await chromium.OpenAsync(new Uri(Site.Address, path).AbsoluteUri);
        response.ShouldNotBeNull().Status.ShouldBe(200);
        await ChartsDrawnAsync(page, 4);
        (await page.ContentAsync()).ShouldContain(expected);
        (await page.ContentAsync()).ShouldContain("Source: usage logs, 2026-01-01 → 2026-03-31, 30K requests");
        errors.ShouldBeEmpty(string.Join("\n", errors));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot(name), FullPage = true });
    }

    [Fact]
    public async Task The_usage_report_is_one_offline_file_whose_charts_draw_in_Chromium()
    {
        UsageView view;
        using (var engine = DuckDbUsageStore.Open(fixture.UsageStore))
        {
            view = UsageView.Read(engine, [new ModelRelease("claude-3-7-sonnet", "anthropic", fixture.Truth.Adoption.Released)]);
        }

        var html = ReportHtml.Write(UsageReport.Build(view, Language.En, DateTimeOffset.UnixEpoch));
        html.ShouldNotContain("src=\"http");
        var file = Path.Combine(Path.GetTempPath(), "almanac-usage-report-" + Guid.NewGuid().ToString("N") + ".html");
        await File.WriteAllTextAsync(file, html);
        try
        {
            await using var chromium = await Chromium.LaunchAsync();
            var (page, errors, _) = await chromium.OpenAsync(new Uri(file).AbsoluteUri);
            // Share, cost is unpriced here, latency, switching and the planted release's adoption.
            await ChartsDrawnAsync(page, 4);
            (await page.Locator("#chart-usage-adoption").CountAsync()).ShouldBe(1);
            errors.ShouldBeEmpty(string.Join("\n", errors));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("usage-report"), FullPage = true });
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task ChartsDrawnAsync(IPage page, int atLeast)
    {
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-chart]')].every(v => v.hasAttribute('data-rendered'))",
            null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        var charts = await page.EvalOnSelectorAllAsync<string[]>("[data-chart]", "views => views.map(v => v.dataset.chart)");
        charts.Length.ShouldBeGreaterThanOrEqualTo(atLeast);
        var failed = await page.EvalOnSelectorAllAsync<string[]>(
            "[data-chart]",
            "views => views.filter(v => v.dataset.rendered !== 'true' || v.querySelectorAll('svg.marks .role-mark > *').length === 0).map(v => v.dataset.chart)");
        failed.ShouldBeEmpty();
    }
}
