using Almanac.Imports;
using Almanac.Storage.Sqlite;

namespace Almanac.Tests.Web;

/// <summary>
/// An import made by another process (here: another connection to the same SQLite file, as
/// <c>almanac import</c> beside a running server opens it) is served without a restart.
/// </summary>
public sealed class StoreChangeTests
{
    [Fact]
    public async Task A_running_site_serves_what_another_process_imported()
    {
        await using var site = await RunningSite.StartAsync(new Dictionary<string, string?> { ["Almanac:RefreshSeconds"] = "1" });
        var before = await site.GetJsonAsync("/api/shares/openrouter");
        before.GetProperty("weeks").GetArrayLength().ShouldBe(0);

        var rankings = RunningSite.SharedPath("data", "openrouter", "rankings", "openrouter-usage_2026-05-30.json");
        using (var other = SqliteKnowledgeStore.Open(site.StorePath))
        {
            var snapshots = Datasets.Find("openrouter-rankings")!.Read(DatasetInput.FromPath(rankings), null);
            DatasetImporter.Import(snapshots, other, DateTimeOffset.UtcNow).Added.ShouldBeGreaterThan(0);
        }

        // The site looks at the store once a second; give a loaded machine ample time.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var weeks = 0;
        while (weeks == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            weeks = (await site.GetJsonAsync("/api/shares/openrouter")).GetProperty("weeks").GetArrayLength();
        }

        weeks.ShouldBeGreaterThan(0);
    }
}
