using System.Text;

namespace Almanac.Tests.Web;

/// <summary>
/// A broken file dropped into the data folder of a running site (a YAML nested 70,000 levels deep once
/// overflowed the stack and killed the server): the site keeps serving the store it had, and every page
/// names the file until it is fixed.
/// </summary>
public sealed class BrokenDataFileTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "almanac-web-tests-" + Guid.NewGuid().ToString("N"), "data");
    private RunningSite _site = null!;

    public async Task InitializeAsync()
    {
        var repository = Path.Combine(RunningSite.RepositoryRoot, "data");
        foreach (var file in Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_data, Path.GetRelativePath(repository, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        _site = await RunningSite.StartAsync(new Dictionary<string, string?> { ["Almanac:RefreshSeconds"] = "1" }, data: _data);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_data)!, recursive: true);
    }

    [Fact]
    public async Task A_deeply_nested_file_leaves_the_site_serving_and_the_pages_name_it_until_it_is_removed()
    {
        var before = (await _site.GetJsonAsync("/api/facts?entity=anthropic&pageSize=500")).GetProperty("items").GetArrayLength();
        before.ShouldBeGreaterThan(0);

        var broken = Path.Combine(_data, "facts", "zz-broken.yaml");
        await File.WriteAllTextAsync(broken, "- entity: " + new string('[', 70_000) + "\n", Encoding.UTF8);
        var page = await WaitForPageAsync(html => html.Contains("data-problem", StringComparison.Ordinal));
        page.ShouldContain("zz-broken.yaml");
        page.ShouldContain("nesting deeper than");

        (await _site.GetJsonAsync("/api/facts?entity=anthropic&pageSize=500")).GetProperty("items").GetArrayLength().ShouldBe(before);

        File.Delete(broken);
        await WaitForPageAsync(html => !html.Contains("data-problem", StringComparison.Ordinal));
    }

    /// <summary>The Sources page once it satisfies <paramref name="condition"/>; the site looks at the folder once a second, so a loaded machine gets ample time.</summary>
    private async Task<string> WaitForPageAsync(Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var html = await _site.Client.GetStringAsync("/sources");
            if (condition(html) || DateTime.UtcNow > deadline)
            {
                condition(html).ShouldBeTrue("the page did not change within 60 s");
                return html;
            }

            await Task.Delay(250);
        }
    }
}
