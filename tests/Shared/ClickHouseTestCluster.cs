using Almanac.Usage.ClickHouse;

namespace Almanac.Tests.Usage.ClickHouse;

/// <summary>
/// A test that needs the two-shard cluster named by <c>ALMANAC_TEST_CLICKHOUSE</c> (set by
/// scripts/test.sh, which starts it with scripts/clickhouse.sh); skipped, saying so, without it.
/// Shared by every test project that reaches the cluster.
/// </summary>
public sealed class ClickHouseFactAttribute : FactAttribute
{
    public ClickHouseFactAttribute()
    {
        if (ClickHouseTestCluster.Url is null)
            Skip = SkipReason;
    }

    internal const string SkipReason =
        "ALMANAC_TEST_CLICKHOUSE is not set: run the tests with scripts/test.sh, or set it to the URL scripts/clickhouse.sh prints";
}

/// <summary>A theory that needs the cluster; see <see cref="ClickHouseFactAttribute"/>.</summary>
public sealed class ClickHouseTheoryAttribute : TheoryAttribute
{
    public ClickHouseTheoryAttribute()
    {
        if (ClickHouseTestCluster.Url is null)
            Skip = ClickHouseFactAttribute.SkipReason;
    }
}

/// <summary>The test cluster, and a database of its own for each user so tests never see each other's rows.</summary>
public static class ClickHouseTestCluster
{
    public static string? Url => Environment.GetEnvironmentVariable("ALMANAC_TEST_CLICKHOUSE");

    /// <summary>The cluster's URL with its database replaced by a fresh one.</summary>
    public static string FreshDatabaseUrl()
    {
        var url = new Uri(Url ?? throw new InvalidOperationException("ALMANAC_TEST_CLICKHOUSE is not set"));
        var others = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !pair.StartsWith("database=", StringComparison.Ordinal));
        var database = "almanac_test_" + Guid.NewGuid().ToString("N")[..12];
        return new UriBuilder(url) { Query = string.Join("&", others.Append("database=" + database)) }.Uri.ToString();
    }

    /// <summary>Drops the store's database on every shard.</summary>
    public static async Task DropAsync(ClickHouseUsageEvents store)
    {
        foreach (var shard in store.Shards)
            await shard.Node.WithoutDatabase().ExecuteAsync("drop test database", $"DROP DATABASE IF EXISTS {shard.Node.Database}");
    }
}

