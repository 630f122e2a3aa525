using Almanac.Usage;
using Almanac.Usage.DuckDb;

namespace Almanac.Web.Knowledge;

/// <summary>
/// The usage store the site reads (<c>Almanac:UsageStore</c>, else <c>usage.duckdb</c> beside the knowledge store).
/// Each read opens the file and closes it again, so an ingest from the command line can take it in between; reads
/// are one at a time, as one embedded DuckDB file is not to be opened twice at once by one process.
/// </summary>
public sealed class UsageHost(string path)
{
    private readonly Lock _gate = new();

    public string Path { get; } = path;

    /// <summary>What to run to fill an empty or missing store.</summary>
    public string Hint => $"No usage logs yet: ingest them with almanac usage ingest <file|folder> --usage-store {Path}";

    /// <summary>The read's answer; default when there is no store file yet (an empty state, not an error).</summary>
    /// <exception cref="UsageStoreException">The file is busy (an ingest holds it), damaged or of a newer layout.</exception>
    public T? Read<T>(Func<IUsageEngine, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!File.Exists(Path))
        {
            return default;
        }

        lock (_gate)
        {
            using var engine = DuckDbUsageStore.Open(Path);
            return read(engine);
        }
    }
}
