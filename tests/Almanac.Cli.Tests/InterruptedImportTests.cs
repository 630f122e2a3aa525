using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Almanac.Tests.Cli;

/// <summary>An import killed while it writes leaves the store as it was: SQLite's journal undoes the half-written transaction.</summary>
public sealed class InterruptedImportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    private string Store => Path.Combine(_folder, "almanac.db");

    [Fact]
    public async Task A_killed_import_leaves_the_store_unchanged()
    {
        var before = CliRun.Of("facts", "--format", "json", "--store", Store, "--data", CliRun.RepositoryData);
        before.ExitCode.ShouldBe(0, before.Error);

        using var process = Start("import", "models-dev", SharedDatasets.ModelsDev, "--snapshot-date", "2026-07-02");
        // Progress lines read "models-dev: storing facts 3,000/34,673": wait until rows are being written.
        var storing = await ChildCli.WaitForLineAsync(process, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"storing facts [1-9][0-9,]*/"), TimeSpan.FromSeconds(60));
        storing.ShouldBeTrue("the import should be writing facts when it is killed");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        using (var connection = new SqliteConnection($"Data Source={Store};Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            check.ExecuteScalar().ShouldBe("ok");
            check.CommandText = "SELECT COUNT(*) FROM facts WHERE dataset IS NOT NULL";
            check.ExecuteScalar().ShouldBe(0L);
            check.CommandText = "SELECT COUNT(*) FROM entities WHERE origin = 'import'";
            check.ExecuteScalar().ShouldBe(0L);
        }

        CliRun.Of("facts", "--format", "json", "--store", Store, "--data", CliRun.RepositoryData).Output.ShouldBe(before.Output);
    }

    private Process Start(params string[] args) => ChildCli.Start(args.Concat(["--store", Store, "--data", CliRun.RepositoryData]));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
