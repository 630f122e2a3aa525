using Almanac.DataFiles;
using Almanac.Knowledge;
using Almanac.Storage;

namespace Almanac.Cli;

/// <summary>
/// Where this invocation reads its data files and keeps its store, and the store itself, loaded
/// from the data files whenever they have changed since the last load.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private Workspace(string dataFolder, IKnowledgeStore store)
    {
        DataFolder = dataFolder;
        Store = store;
    }

    public string DataFolder { get; }

    public IKnowledgeStore Store { get; }

    /// <summary>
    /// Finds the data folder (<c>--data</c>, <c>ALMANAC_DATA</c>, or the nearest <c>data/</c> holding
    /// <c>metrics.yaml</c> above the current or the program's folder) and opens the store
    /// (<c>--store</c>, <c>ALMANAC_STORE</c>, or <c>.almanac/almanac.db</c> beside the data folder).
    /// </summary>
    public static Workspace Open(string? data, string? store, TimeProvider clock, TextWriter log)
    {
        var dataFolder = FindDataFolder(data);
        var storeOption = store ?? Environment.GetEnvironmentVariable("ALMANAC_STORE")
            ?? Path.Combine(Path.GetDirectoryName(dataFolder) ?? ".", ".almanac", "almanac.db");
        IKnowledgeStore opened;
        try
        {
            opened = KnowledgeStores.Open(storeOption);
        }
        catch (StoreException e)
        {
            throw new CliException(e.Message, ExitCodes.Store);
        }

        var workspace = new Workspace(dataFolder, opened);
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

    /// <summary>Loads the data files into the store if they changed; all or nothing.</summary>
    private void Refresh(TimeProvider clock, TextWriter log)
    {
        var fingerprint = DataFiles.DataFolder.Fingerprint(DataFolder);
        if (Store.LoadedFingerprint() == fingerprint)
        {
            return;
        }

        var result = DataFiles.DataFolder.Load(DataFolder);
        if (!result.Succeeded)
        {
            throw new CliException(DescribeInvalid(result, Store.Description), ExitCodes.InvalidData);
        }

        var summary = Store.Load(result.Knowledge!, result.Fingerprint, DataFolder, clock.GetUtcNow());
        log.WriteLine($"almanac: loaded {DataFolder} into {Store.Description}: {summary.Added} facts added, {summary.Unchanged} unchanged, {summary.Retracted} retracted");
    }

    public static string DescribeInvalid(LoadResult result, string? storeDescription)
    {
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

    public static string FindDataFolder(string? data)
    {
        var explicitFolder = data ?? Environment.GetEnvironmentVariable("ALMANAC_DATA");
        if (explicitFolder is not null)
        {
            if (!Directory.Exists(explicitFolder))
            {
                throw new CliException($"data folder '{explicitFolder}' does not exist");
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

        throw new CliException("no data folder found: run inside the Almanac repository or pass --data <folder>");
    }

    /// <summary>Name lookup over what the store holds.</summary>
    public KnowledgeBase Names() => new(Store.Entities(), Store.Metrics(), [], []);

    public void Dispose() => Store.Dispose();
}
