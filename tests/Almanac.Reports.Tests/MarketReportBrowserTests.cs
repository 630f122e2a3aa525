using System.Text.Json;
using Almanac.Reports;
using Almanac.Reports.Market;
using Almanac.Text;
using Almanac.Tests;
using Microsoft.Playwright;

namespace Almanac.Tests.Reports;

/// <summary>
/// Opens the report in a real headless Chromium and checks that every chart drew: SVG marks
/// present, no console errors. Screenshots are left in <c>artifacts/screenshots/market-report</c>.
/// </summary>
[Collection(SharedReportStore.Name)]
public sealed class MarketReportBrowserTests(ReportStore fixture)
{
    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Zh)]
    public async Task Every_chart_renders_in_chromium_without_console_errors(Language language)
    {
        var report = MarketReport.Build(ReportKnowledge.Load(fixture.Store, null), language, null, ReportStore.LoadedAt);
        var folder = Repository.Artefacts("screenshots", "market-report", language.ToString().ToLowerInvariant());
        var file = Path.Combine(folder, "report.html");
        await File.WriteAllTextAsync(file, ReportHtml.Write(report));

        await using var chromium = await Chromium.LaunchAsync();
        var (page, errors, _) = await chromium.OpenAsync(new Uri(file).AbsoluteUri, 1100, 900);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-chart]')].every(v => v.hasAttribute('data-rendered'))",
            null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });

        var outcomes = await page.EvalOnSelectorAllAsync<Dictionary<string, string>>(
            "[data-chart]",
            "views => Object.fromEntries(views.map(v => [v.dataset.chart, v.dataset.rendered + ':' + v.querySelectorAll('svg.marks .role-mark > *').length]))");
        outcomes.Count.ShouldBe(report.Charts.Count());
        foreach (var (chart, outcome) in outcomes)
        {
            var parts = outcome.Split(':');
            parts[0].ShouldBe("true", $"chart {chart} did not render");
            int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0, $"chart {chart} drew no marks");
        }

        errors.ShouldBeEmpty(string.Join("\n", errors));

        var shareText = await page.Locator("#chart-share-usage svg.marks").TextContentAsync();
        var names = language == Language.Zh ? new[] { "Anthropic", "OpenAI", "谷歌", "Meta" } : ["Anthropic", "OpenAI", "Google", "Meta"];
        foreach (var name in names)
        {
            shareText.ShouldNotBeNull().ShouldContain(name);
        }

        // Anthropic's timeline labels its Series E and F valuations.
        var anthropicText = await page.Locator("#chart-company-anthropic svg.marks").TextContentAsync();
        var (seriesE, seriesF) = language == Language.Zh ? ("E轮", "F轮") : ("Series E", "Series F");
        anthropicText.ShouldNotBeNull().ShouldContain(seriesE);
        anthropicText.ShouldContain(seriesF);
        (await page.Locator("#chart-arena-frontier svg.marks path").CountAsync()).ShouldBeGreaterThanOrEqualTo(8);

        // Time axes name months in the report's language: a Chinese report never says "Jul".
        var axisText = string.Join(" ", await page.Locator("svg.marks text").AllTextContentsAsync());
        var englishMonths = System.Text.RegularExpressions.Regex.IsMatch(axisText, @"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)\b");
        if (language == Language.Zh)
        {
            englishMonths.ShouldBeFalse("a Chinese report's time axes use English month names: " + string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(axisText, @".{0,30}\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\b.{0,30}").Select(m => m.Value).Take(8)));
            (await page.Locator("#chart-arena-frontier svg.marks").TextContentAsync()).ShouldNotBeNull().ShouldContain("月");
        }
        else
        {
            englishMonths.ShouldBeTrue("the English time axes name their months");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "report.png"), FullPage = true });
        foreach (var chart in report.Charts)
        {
            await page.Locator($"#chart-{chart.Id}").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, chart.Id + ".png") });
        }

        File.Exists(Path.Combine(folder, "share-usage.png")).ShouldBeTrue();
        await File.WriteAllTextAsync(Path.Combine(folder, "outcomes.json"), JsonSerializer.Serialize(outcomes));
    }
}
