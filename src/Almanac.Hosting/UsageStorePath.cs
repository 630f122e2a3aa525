namespace Almanac.Hosting;

/// <summary>Where the usage store lives when none is named: <c>usage.duckdb</c> beside the knowledge store, as the CLI and the site both find it.</summary>
public static class UsageStorePath
{
    public const string FileName = "usage.duckdb";

    /// <summary>
    /// In the folder of the knowledge store file (<c>.almanac/</c> beside the data folder by default); a PostgreSQL
    /// knowledge store (a connection string) keeps it in <c>.almanac/</c> beside the data folder.
    /// </summary>
    public static string Default(string dataFolder, string knowledgeStoreLocation)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        ArgumentNullException.ThrowIfNull(knowledgeStoreLocation);
        var folder = knowledgeStoreLocation.Contains('=', StringComparison.Ordinal)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataFolder)) ?? ".", ".almanac")
            : Path.GetDirectoryName(Path.GetFullPath(knowledgeStoreLocation)) ?? ".";
        return Path.Combine(folder, FileName);
    }
}
