using Microsoft.Playwright;

namespace Almanac.Tests;

/// <summary>
/// The machine's own headless Chromium driven through Playwright (Playwright's downloaded browsers
/// are not used); <c>ALMANAC_CHROMIUM</c> names another executable.
/// </summary>
/// <remarks>Shared by the test projects that open pages: compiled into each.</remarks>
internal sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public static string Executable => Environment.GetEnvironmentVariable("ALMANAC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"no Chromium at {Executable}: install the Debian package 'chromium' (the CI script does) or set ALMANAC_CHROMIUM");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>
    /// Opens <paramref name="url"/> in a new page that records console errors, page errors and failed
    /// requests from the start, so a test can assert there were none.
    /// </summary>
    public async Task<WatchedPage> OpenAsync(string url, int width = 1280, int height = 900)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add("request failed: " + request.Url);
        var response = await page.GotoAsync(url);
        return new WatchedPage(page, errors, response);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}

/// <summary>A page with what went wrong in it so far.</summary>
internal sealed record WatchedPage(IPage Page, List<string> Errors, IResponse? Response);
