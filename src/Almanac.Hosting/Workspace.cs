using Almanac.DataFiles;
using Almanac.Knowledge;
using Almanac.Storage;

namespace Almanac.Hosting;

/// <summary>
/// Where Almanac reads its data files and keeps its store, and the store itself, loaded from the
/// data files whenever they have changed since the last load. The command line opens one per
/// invocation; the web server opens one for its lifetime.
/// </summary>
public sealed class Workspace : IDisposable
{
    /// <summary>The data folder's fingerprint when its files last failed to load, and why.</summary>
    private (string Fingerprint, string Message)? _failedLoad;

    private Workspace(string dataFolder, string storeLocation, IKnowledgeStore store)
    {
        DataFolder = dataFolder;
        StoreLocation = storeLocation;
        Store = store;
    }

    public string DataFolder { get; }

    /// <summary>The store as given: a SQLite file path or a PostgreSQL connection string.</summary>
    public string StoreLocation { get; }

    public IKnowledgeStore Store { get; }

    /// <summary>
    /// Finds the data folder (<paramref name="data"/>, <c>ALMANAC_DATA</c>, or the nearest <c>data/</c> holding
    /// <c>metrics.yaml</c> above the current or the program's folder) and opens the store
    /// (<paramref name="store"/>, <c>ALMANAC_STORE</c>, or <c>.almanac/almanac.db</c> beside the data folder),
    /// loading the data files into it if they changed.
    /// </summary>
    /// <exception cref="WorkspaceException">The folder is missing, the data files are invalid, or the store cannot be opened.</exception>
    public static Workspace Open(string? data, string? store, TimeProvider clock, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(log);
        var dataFolder = FindDataFolder(data);
        var storeOption = StoreLocationFor(dataFolder, store);
        var workspace = new Workspace(dataFolder, storeOption, OpenStore(storeOption));
        try
        {
            workspace.Refresh(clock, log);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }

        return workspace;
    }

    /// <summary>The store to open: the one given, <c>ALMANAC_STORE</c>, or <c>.almanac/almanac.db</c> beside the data folder.</summary>
    public static string StoreLocationFor(string dataFolder, string? store) =>
        store ?? Environment.GetEnvironmentVariable("ALMANAC_STORE")
        ?? Path.Combine(Path.GetDirectoryName(dataFolder) ?? ".", ".almanac", "almanac.db");

    /// <summary>Opens another connection to a store, for a reader that must not share one.</summary>
    /// <exception cref="WorkspaceException">The store cannot be opened.</exception>
    public static IKnowledgeStore OpenStore(string location)
    {
        try
        {
            return KnowledgeStores.Open(location);
        }
        catch (StoreException e)
        {
            throw new WorkspaceException(e.Message, WorkspaceFailure.Store);
        }
    }

    /// <summary>Loads the data files into the store if they changed; all or nothing.</summary>
    /// <returns>What the load changed, or null when the files had not changed.</returns>
    public LoadSummary? Refresh(TimeProvider clock, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(log);
        var fingerprint = DataFiles.DataFolder.Fingerprint(DataFolder);
        if (Store.LoadedFingerprint() == fingerprint)
        {
            return null;
        }

        if (_failedLoad is { } failed && failed.Fingerprint == fingerprint)
        {
            // The same broken files as last time: a server polling the folder must not read them all again every tick.
            throw new WorkspaceException(failed.Message, WorkspaceFailure.InvalidData);
        }

        var result = DataFiles.DataFolder.Load(DataFolder);
        if (!result.Succeeded)
        {
            var message = DescribeInvalid(result, Store.Description);
            _failedLoad = (fingerprint, message);
            throw new WorkspaceException(message, WorkspaceFailure.InvalidData);
        }

        _failedLoad = null;

        // A first load of the whole folder takes a while: say what is happening before it starts.
        log.WriteLine($"almanac: loading {DataFolder} into {Store.Description}…");
        log.Flush();
        var summary = Store.Load(result.Knowledge!, result.Fingerprint, DataFolder, clock.GetUtcNow());
        log.WriteLine($"almanac: loaded {DataFolder} into {Store.Description}: {summary.Added} facts added, {summary.Unchanged} unchanged, {summary.Retracted} retracted");
        return summary;
    }

    public static string DescribeInvalid(LoadResult result, string? storeDescription)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = result.Diagnostics.Take(50).Select(d => d.ToString()).ToList();
        if (result.Diagnostics.Count > 50)
        {
            lines.Add($"… and {result.Diagnostics.Count - 50} more");
        }

        lines.Add(storeDescription is null
            ? $"{result.Diagnostics.Count} error(s) in the data files"
            : $"{result.Diagnostics.Count} error(s) in the data files; {storeDescription} was left unchanged");
        return string.Join(Environment.NewLine, lines);
    }

    /// <exception cref="WorkspaceException">No data folder is given or found.</exception>
    public static string FindDataFolder(string? data)
    {
        var explicitFolder = data ?? Environment.GetEnvironmentVariable("ALMANAC_DATA");
        if (explicitFolder is not null)
        {
            if (!Directory.Exists(explicitFolder))
            {
                throw new WorkspaceException($"data folder '{explicitFolder}' does not exist", WorkspaceFailure.Usage);
            }

            return Path.GetFullPath(explicitFolder);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, "metrics.yaml")))
                {
                    return candidate;
                }
            }
        }

        throw new WorkspaceException("no data folder found: run inside the Almanac repository or pass --data <folder>", WorkspaceFailure.Usage);
    }

    /// <summary>Name lookup over what the store holds.</summary>
    public KnowledgeBase Names() => new(Store.Entities(), Store.Metrics(), [], []);

    public void Dispose() => Store.Dispose();
}
