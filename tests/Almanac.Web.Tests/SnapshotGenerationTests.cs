using Almanac.Imports;
using Almanac.Storage.Sqlite;
using Almanac.Web.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Tests.Web;

/// <summary>
/// A snapshot of the store reads some parts lazily; another process importing in between must not
/// make one answer mix what the store held before and after.
/// </summary>
public sealed class SnapshotGenerationTests
{
    [Fact]
    public async Task A_lazy_read_after_another_process_changed_the_store_is_refused_and_the_request_answered_from_a_new_snapshot()
    {
        // No polling: only the snapshot's own check can notice the import.
        await using var site = await RunningSite.StartAsync(new Dictionary<string, string?> { ["Almanac:RefreshSeconds"] = "0" });
        var host = site.Services.GetRequiredService<KnowledgeHost>();
        var snapshot = host.Snapshot();

        var rankings = RunningSite.SharedPath("data", "openrouter", "rankings", "openrouter-usage_2026-05-30.json");
        using (var other = SqliteKnowledgeStore.Open(site.StorePath))
        {
            var snapshots = Datasets.Find("openrouter-rankings")!.Read(DatasetInput.FromPath(rankings), null);
            DatasetImporter.Import(snapshots, other, DateTimeOffset.UtcNow).Added.ShouldBeGreaterThan(0);
        }

        // The snapshot built before the import has not read its facts yet: reading them now would give the new store's.
        Should.Throw<StaleSnapshotException>(() => snapshot.Facts);

        // A request that meets the stale snapshot is answered again from a new one, with what the store now holds.
        var weeks = (await site.GetJsonAsync("/api/shares/openrouter")).GetProperty("weeks").GetArrayLength();
        weeks.ShouldBeGreaterThan(0);
        host.Snapshot().ShouldNotBeSameAs(snapshot);
    }
}
