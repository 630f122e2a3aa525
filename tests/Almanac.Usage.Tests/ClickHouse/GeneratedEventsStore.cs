using Almanac.Usage;
using Almanac.Usage.ClickHouse;

namespace Almanac.Tests.Usage.ClickHouse;

/// <summary>A fresh store holding the 100k generated events, shared by the tests of one class.</summary>
public sealed class GeneratedEventsStore : IAsyncLifetime
{
    public const int Events = 100_000;

    public IReadOnlyList<UsageEvent> Generated { get; } = UsageEventGenerator.Generate(Events, seed: 13);

    public ClickHouseUsageEvents Store { get; private set; } = null!;

    public ClickHouseInsertResult FirstInsert { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (ClickHouseTestCluster.Url is null)
            return;
        Store = await ClickHouseUsageEvents.OpenAsync(ClickHouseTestCluster.FreshDatabaseUrl());
        // Smaller batches than the default, so that several batches and the look-ups between them run.
        FirstInsert = await Store.InsertAsync(Generated, batchSize: 30_000);
    }

    public async Task DisposeAsync()
    {
        if (Store is null)
            return;
        await ClickHouseTestCluster.DropAsync(Store);
        Store.Dispose();
    }
}
