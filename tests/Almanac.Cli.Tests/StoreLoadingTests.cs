using System.Text.Json;
using Npgsql;

namespace Almanac.Tests.Cli;

/// <summary>How the CLI fills its store from the data files: on first use, again only on change, never half.</summary>
public sealed class StoreLoadingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_folder, "data");

    private string Store => Path.Combine(_folder, ".almanac", "almanac.db");

    public StoreLoadingTests() => CopyFolder(CliRun.RepositoryData, Data);

    [Fact]
    public void Loads_the_data_files_on_first_use_and_not_again_until_they_change()
    {
        var first = CliRun.Of("facts", "--entity", "anthropic", "--format", "json", "--data", Data);
        first.ExitCode.ShouldBe(0, first.Error);
        first.Error.ShouldContain("facts added");
        File.Exists(Store).ShouldBeTrue();

        var second = CliRun.Of("facts", "--entity", "anthropic", "--format", "json", "--data", Data);
        second.Error.ShouldBeEmpty();
        second.Output.ShouldBe(first.Output);
    }

    [Fact]
    public void A_bad_data_file_is_reported_and_leaves_the_store_unchanged()
    {
        var before = CliRun.Of("facts", "--format", "json", "--data", Data);
        before.ExitCode.ShouldBe(0, before.Error);
        var facts = Path.Combine(Data, "facts", "menlo-survey.yaml");
        var lines = File.ReadAllLines(facts);
        var metricLine = Array.FindIndex(lines, l => l.TrimStart().StartsWith("metric:", StringComparison.Ordinal));
        var column = lines[metricLine].IndexOf("metric:", StringComparison.Ordinal) + "metric: ".Length + 1;
        lines[metricLine] = lines[metricLine][..(column - 1)] + "market_szie";
        File.WriteAllLines(facts, lines);
        File.AppendAllText(Path.Combine(Data, "facts", "company-finance.yaml"), "\n- entity: anthropic\n  metric: valuation\n  period: \"2026\"\n  value: 1\n  unit: USD\n  obtained: reported\n  source: nowhere\n");

        var after = CliRun.Of("facts", "--format", "json", "--data", Data);

        after.ExitCode.ShouldBe(1);
        after.Error.ShouldContain($"data/facts/menlo-survey.yaml:{metricLine + 1}:{column}: unknown metric 'market_szie'");
        after.Error.ShouldContain("unknown source 'nowhere'");
        after.Error.ShouldContain("was left unchanged");
        RestoreAndRead().ShouldBe(before.Output);
    }

    [Fact]
    public void Validate_reports_every_problem_with_its_position()
    {
        File.AppendAllText(Path.Combine(Data, "entities", "organisations.yaml"), "\n- id: Bad Id\n  kind: company\n  name: X\n");
        var run = CliRun.Of("validate", "--data", Data);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("data/entities/organisations.yaml:");
        run.Error.ShouldContain("id 'Bad Id' must be a lowercase slug");
    }

    [Fact]
    public void Validate_accepts_the_repository_data()
    {
        var run = CliRun.Of("validate", "--data", CliRun.RepositoryData);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("files valid");
    }

    [Fact]
    public void A_postgresql_store_answers_like_the_embedded_one()
    {
        var server = Environment.GetEnvironmentVariable("ALMANAC_TEST_POSTGRES")
            ?? throw new InvalidOperationException("ALMANAC_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL");
        var schema = "cli_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            create.ExecuteNonQuery();
        }

        try
        {
            var postgres = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, Pooling = false }.ConnectionString;
            var fromServer = CliRun.Of("facts", "--entity", "谷歌", "--format", "json", "--data", Data, "--store", postgres);
            var fromFile = CliRun.Of("facts", "--entity", "谷歌", "--format", "json", "--data", Data);

            fromServer.ExitCode.ShouldBe(0, fromServer.Error);
            Strip(fromServer.Output).ShouldBe(Strip(fromFile.Output));
            JsonDocument.Parse(fromServer.Output).RootElement.GetArrayLength().ShouldBeGreaterThan(0);
        }
        finally
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
            drop.ExecuteNonQuery();
        }
    }

    // The two stores were filled a moment apart: compare everything but the recording time.
    private static string Strip(string json) =>
        string.Join('\n', json.Split('\n').Where(l => !l.Contains("\"recorded_at\"", StringComparison.Ordinal)));

    private string RestoreAndRead()
    {
        Directory.Delete(Data, recursive: true);
        CopyFolder(CliRun.RepositoryData, Data);
        var run = CliRun.Of("facts", "--format", "json", "--data", Data);
        run.Error.ShouldBeEmpty("the store should still hold the data loaded before the failed attempt");
        return run.Output;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
