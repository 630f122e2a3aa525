using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Almanac.Tests;
using Microsoft.Playwright;

namespace Almanac.Tests.Web;

/// <summary>
/// A model's own page and its price history over two real OpenRouter snapshots imported through the API:
/// the step chart draws in headless Chromium, the prices endpoint gives the periods as JSON and CSV.
/// </summary>
public sealed class ModelPageTests : IAsyncLifetime
{
    private static readonly string[] SnapshotFiles = ["openrouter_models_2024-09-21T020931Z.json.gz", "openrouter_models_2025-04-01T003103Z.json.gz"];

    private RunningSite _site = null!;
    private Chromium _chromium = null!;

    public async Task InitializeAsync()
    {
        _site = await RunningSite.StartAsync();
        _chromium = await Chromium.LaunchAsync();
        foreach (var name in SnapshotFiles)
        {
            await using var file = File.OpenRead(RunningSite.SharedPath("data", "openrouter", "models", name));
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var json = new MemoryStream();
            await gzip.CopyToAsync(json);
            using var content = new ByteArrayContent(json.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            using var request = RunningSite.Post($"/api/import/openrouter?snapshotDate={name.Substring(18, 10)}", content, apiKey: RunningSite.ApiKey);
            using var response = await _site.Client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task The_model_page_draws_the_price_steps_with_the_snapshots_named()
    {
        var (page, errors, response) = await _chromium.OpenAsync(new Uri(_site.Address, "/models/gpt-4o").AbsoluteUri);
        response.ShouldNotBeNull().Status.ShouldBe(200);

        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-chart]')].every(v => v.hasAttribute('data-rendered'))", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        (await page.Locator("[data-chart='prices-gpt-4o'] svg.marks .role-mark > *").CountAsync()).ShouldBeGreaterThan(0);
        var content = await page.ContentAsync();
        content.ShouldContain("OpenRouter (openrouter.ai) snapshots 2024-09-21 … 2025-04-01");
        content.ShouldContain("price-input");
        errors.ShouldBeEmpty(string.Join("\n", errors));
        var folder = Path.Combine(RunningSite.RepositoryRoot, "artifacts", "screenshots", "pages");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "model-gpt-4o.png"), FullPage = true });

        var (models, _, _) = await _chromium.OpenAsync(new Uri(_site.Address, "/models").AbsoluteUri);
        (await models.Locator("a[href^='/models/gpt-4o']").CountAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_prices_endpoint_gives_periods_as_json_and_csv_and_404_for_an_unknown_model()
    {
        var prices = await _site.GetJsonAsync("/api/models/gpt-4o/prices?provider=openrouter");
        var rows = prices.GetProperty("prices").EnumerateArray().ToList();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.GetProperty("provider").GetString() == "openrouter");
        rows.ShouldContain(r => r.GetProperty("from").GetString() == "2024-09-21");

        using var csv = await _site.Client.GetAsync("/api/models/gpt-4o/prices?format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await csv.Content.ReadAsStringAsync()).ShouldStartWith("from,to,provider,offering,variant,dataset,input,output,cache_read");

        using var unknown = await _site.Client.GetAsync("/api/models/no-such-model/prices");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
