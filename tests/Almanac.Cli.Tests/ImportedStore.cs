namespace Almanac.Tests.Cli;

/// <summary>A store into which the command line imported the three real snapshots, shared by read-only tests.</summary>
public sealed class ImportedStore : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    public ImportedStore()
    {
        Store = Path.Combine(_folder, "almanac.db");
        Imports =
        [
            Run("import", "models-dev", SharedDatasets.ModelsDev, "--snapshot-date", "2026-07-02"),
            Run("import", "litellm", SharedDatasets.LiteLlm),
            Run("import", "epoch", SharedDatasets.Epoch),
        ];
    }

    public string Store { get; }

    public IReadOnlyList<CliRun> Imports { get; }

    public CliRun Run(params string[] args) => CliRun.Of([.. args, "--store", Store, "--data", CliRun.RepositoryData]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
