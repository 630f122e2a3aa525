using Almanac.Tests;
using Microsoft.Playwright;

namespace Almanac.Tests.Web;

/// <summary>
/// The dashboard in a real headless Chromium against the real site on 127.0.0.1: every page
/// loads without console errors, charts draw, the models table filters, the Check page flags
/// seed 004's errors. Screenshots are left in <c>artifacts/screenshots/pages</c>.
/// </summary>
[Collection(SharedSite.Name)]
public sealed class PagesTests(SiteFixture fixture) : IAsyncLifetime
{
    private static readonly string Seed004 = RunningSite.SharedPath("seeds", "004_85998f9bbbdc5ba5.txt");

    private Chromium _chromium = null!;

    private RunningSite Site => fixture.Site;

    public async Task InitializeAsync() => _chromium = await Chromium.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(RunningSite.RepositoryRoot, "artifacts", "screenshots", "pages");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string path)
    {
        var (page, errors, response) = await _chromium.OpenAsync(new Uri(Site.Address, path).AbsoluteUri);
        response.ShouldNotBeNull().Status.ShouldBe(200, path);
        return (page, errors);
    }

    private static async Task ChartsRenderedAsync(IPage page)
    {
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-chart]')].every(v => v.hasAttribute('data-rendered'))",
            null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        var failed = await page.EvalOnSelectorAllAsync<string[]>(
            "[data-chart]",
            "views => views.filter(v => v.dataset.rendered !== 'true' || v.querySelectorAll('svg.marks .role-mark > *').length === 0).map(v => v.dataset.chart)");
        failed.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/", "overview", "Who serves enterprise LLM workloads")]
    [InlineData("/?lang=zh", "overview-zh", "企业大模型 API 市场份额")]
    [InlineData("/models", "models", "Models")]
    [InlineData("/models?lang=zh", "models-zh", "模型")]
    [InlineData("/facts?entity=anthropic", "facts", "Anthropic")]
    [InlineData("/facts?entity=anthropic&metric=valuation&lang=zh", "facts-history-zh", "估值")]
    [InlineData("/companies", "companies-curated", "Anthropic")]
    [InlineData("/leaderboard", "leaderboard-curated", "The knowledge base holds no sourced Arena scores")]
    [InlineData("/conflicts", "conflicts", "Conflicts")]
    [InlineData("/check", "check", "Check a note")]
    [InlineData("/sources", "sources", "Sources")]
    [InlineData("/sources?lang=zh", "sources-zh", "来源")]
    public async Task Every_page_loads_without_errors_and_draws_its_charts(string path, string name, string expected)
    {
        var (page, errors) = await OpenAsync(path);

        await ChartsRenderedAsync(page);
        (await page.ContentAsync()).ShouldContain(expected);
        errors.ShouldBeEmpty(string.Join("\n", errors));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot(name), FullPage = name is not ("overview" or "overview-zh") });
        if (name is "overview" or "overview-zh")
        {
            (await page.Locator("[data-chart]").CountAsync()).ShouldBeGreaterThanOrEqualTo(10);
            await page.Locator("#chart-share-usage").ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshot(name + "-share-usage") });
        }
    }

    [Fact]
    public async Task The_language_switch_keeps_the_page_and_its_filters()
    {
        var (page, errors) = await OpenAsync("/models?provider=anthropic");

        await page.ClickAsync("a.lang");

        page.Url.ShouldContain("provider=anthropic");
        page.Url.ShouldContain("lang=zh");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-CN");
        (await page.Locator("#model-count").TextContentAsync()).ShouldNotBeNull().ShouldContain("个模型");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Filtering_the_models_table_keeps_only_matching_rows()
    {
        var (page, errors) = await OpenAsync("/models");
        var before = await page.Locator("#models tbody tr").CountAsync();

        await page.FillAsync("input[name=provider]", "Anthropic");
        await page.SelectOptionAsync("select[name=sort]", "price");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**/models?**");

        var rows = page.Locator("#models tbody tr");
        var after = await rows.CountAsync();
        after.ShouldBeGreaterThan(0);
        after.ShouldBeLessThan(before);
        for (var i = 0; i < after; i++)
        {
            var row = rows.Nth(i);
            var developer = await row.GetAttributeAsync("data-developer");
            var providers = await row.GetAttributeAsync("data-providers") ?? string.Empty;
            (developer == "anthropic" || providers.Split(' ').Contains("anthropic")).ShouldBeTrue($"row {i} is by {developer}, served by {providers}");
        }

        // Cheapest first: the input prices shown never go down the table.
        var prices = await page.EvalOnSelectorAllAsync<string[]>("#models tbody tr td:nth-child(6)", "cells => cells.map(c => c.textContent.trim())");
        var known = prices.Where(p => p != "–").Select(p => decimal.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        known.ShouldBe(known.Order().ToList());
        errors.ShouldBeEmpty();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("models-filtered"), FullPage = true });
    }

    [Fact]
    public async Task Submitting_seed_004_on_the_check_page_flags_its_wrong_figures()
    {
        var (page, errors) = await OpenAsync("/check");

        await page.SetInputFilesAsync("#file", Seed004);
        await page.ClickAsync("#check-form button[type=submit]");
        await page.WaitForSelectorAsync("pre.document");

        (await page.Locator("mark.v-contradicted").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("mark.v-inconsistent").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("mark.v-contradicted", new PageLocatorOptions { HasText = "141B总" }).CountAsync()).ShouldBe(1);

        await page.Locator("mark.v-contradicted").First.ClickAsync();
        (await page.Locator("#details").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("#details").TextContentAsync()).ShouldNotBeNull().ShouldContain("contradicted");
        errors.ShouldBeEmpty(string.Join("\n", errors));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("check-seed-004"), FullPage = false });
    }

    [Fact]
    public async Task Pasted_text_is_shown_as_text_never_run()
    {
        var (page, errors) = await OpenAsync("/check");
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.FillAsync("#note", "<img src=x onerror=alert(1)><script>alert(2)</script>\nMixtral 8x7B：141B总参数，39B激活参数。");
        await page.ClickAsync("#check-form button[type=submit]");
        await page.WaitForSelectorAsync("pre.document");

        (await page.Locator("pre.document").TextContentAsync()).ShouldNotBeNull().ShouldContain("<script>alert(2)</script>");
        (await page.Locator("pre.document img").CountAsync()).ShouldBe(0);
        dialogs.ShouldBe(0);
        errors.Where(e => !e.StartsWith("request failed", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Searching_facts_in_chinese_finds_the_company()
    {
        var (page, errors) = await OpenAsync("/facts?lang=zh");

        await page.FillAsync("#q", "谷歌");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForSelectorAsync("#matches");
        await page.ClickAsync("#matches a[href*='entity=google&']");
        await page.WaitForSelectorAsync("#facts");

        (await page.Locator("#facts tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#facts a[href^='https://']").CountAsync()).ShouldBeGreaterThan(0);
        errors.ShouldBeEmpty();
    }
}
