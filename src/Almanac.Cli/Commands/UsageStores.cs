using Almanac.Usage;
using Almanac.Usage.ClickHouse;
using Almanac.Usage.DuckDb;

namespace Almanac.Cli.Commands;

/// <summary>
/// Opens the usage engine a <c>--usage-store</c> names: an <c>http://</c> or <c>https://</c> URL is a
/// ClickHouse cluster, anything else a DuckDB file (created on first use).
/// </summary>
internal static class UsageStores
{
    public static bool IsClickHouse(string location) =>
        location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static IUsageEngine Open(string location)
    {
        try
        {
            return IsClickHouse(location) ? ClickHouseUsageEngine.Open(location, WriteParquet) : DuckDbUsageStore.Open(location);
        }
        catch (UsageStoreException e)
        {
            throw new CliException(e.Message, ExitCodes.Store);
        }
        catch (ClickHouseException e)
        {
            throw new CliException(e.Message, ExitCodes.Store);
        }
        catch (ArgumentException e) when (IsClickHouse(location))
        {
            throw new CliException(e.Message, ExitCodes.Store);
        }
    }

    /// <summary>
    /// ClickHouse 18.16 writes no Parquet: the events it streams are put in a scratch embedded store
    /// (on disk, so a large export does not have to fit in memory) and written by that store's own export.
    /// </summary>
    private static void WriteParquet(IEnumerable<UsageEvent> events, string path)
    {
        var folder = Directory.CreateTempSubdirectory("almanac-usage-export-").FullName;
        try
        {
            using var scratch = DuckDbUsageStore.Open(Path.Combine(folder, "export.duckdb"));
            scratch.Ingest(events);
            scratch.ExportParquet(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
