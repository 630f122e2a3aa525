using System.Text.Json;

namespace Almanac.Tests.Cli;

public sealed class FactsCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    private string Store => Path.Combine(_folder, "almanac.db");

    private CliRun Almanac(params string[] args) => CliRun.Of([.. args, "--store", Store, "--data", CliRun.RepositoryData]);

    [Fact]
    public void Lists_dated_sourced_facts_about_anthropic_as_json()
    {
        var run = Almanac("facts", "--entity", "anthropic", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var facts = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().ToList();
        var metrics = facts.Select(f => f.GetProperty("metric").GetString()).ToHashSet();
        metrics.ShouldContain("revenue-run-rate");
        metrics.ShouldContain("valuation");
        metrics.ShouldContain("market-share");
        foreach (var fact in facts)
        {
            fact.GetProperty("entity").GetString().ShouldBe("anthropic");
            fact.GetProperty("period").GetString().ShouldNotBeNullOrEmpty();
            var source = fact.GetProperty("source");
            source.GetProperty("publisher").GetString().ShouldNotBeNullOrEmpty();
            source.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
            source.GetProperty("url").GetString()!.ShouldStartWith("http");
            source.GetProperty("published").GetString()!.Length.ShouldBe(10);
        }
    }

    [Fact]
    public void Reports_the_enterprise_usage_share_menlo_gives_for_mid_2025()
    {
        var run = Almanac("facts", "--entity", "Anthropic", "--metric", "市场份额", "--period", "2025", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var shares = JsonDocument.Parse(run.Output).RootElement.EnumerateArray()
            .Where(f => f.GetProperty("scope").TryGetProperty("basis", out var basis) && basis.GetString() == "usage")
            .ToList();
        shares.ShouldContain(f => f.GetProperty("value").GetDecimal() == 32m && f.GetProperty("source").GetProperty("publisher").GetString() == "Menlo Ventures");
    }

    [Theory]
    [InlineData("谷歌", "google")]
    [InlineData("Google", "google")]
    [InlineData("Claude Sonnet 3.5", "claude-3-5-sonnet")]
    [InlineData("Mixtral 8x7B", "mixtral-8x7b")]
    [InlineData("Llama 3.1 405B", "llama-3-1-405b")]
    public void Resolves_an_entity_named_in_either_language(string name, string id)
    {
        var run = Almanac("facts", "--entity", name, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var entities = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().Select(f => f.GetProperty("entity").GetString()).Distinct().ToList();
        entities.ShouldBe([id]);
    }

    [Fact]
    public void As_of_hides_what_was_published_later()
    {
        var all = JsonDocument.Parse(Almanac("facts", "--entity", "anthropic", "--format", "json").Output).RootElement.EnumerateArray().ToList();
        var early = JsonDocument.Parse(Almanac("facts", "--entity", "anthropic", "--as-of", "2025-03-31", "--format", "json").Output).RootElement.EnumerateArray().ToList();

        early.Count.ShouldBeGreaterThan(0);
        early.Count.ShouldBeLessThan(all.Count);
        early.ShouldAllBe(f => string.CompareOrdinal(f.GetProperty("source").GetProperty("published").GetString(), "2025-03-31") <= 0);
    }

    [Fact]
    public void Writes_csv_with_a_header_and_one_row_per_fact()
    {
        var json = JsonDocument.Parse(Almanac("facts", "--entity", "mixtral-8x7b", "--format", "json").Output).RootElement.GetArrayLength();
        var csv = Almanac("facts", "--entity", "mixtral-8x7b", "--format", "csv");

        csv.ExitCode.ShouldBe(0, csv.Error);
        var lines = csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("entity,metric,scope,period,value");
        // Quotes may hold line breaks inside quoted fields, so count records by entity prefix.
        lines.Count(l => l.StartsWith("mixtral-8x7b,", StringComparison.Ordinal)).ShouldBe(json);
    }

    [Fact]
    public void Prints_a_table_by_default()
    {
        var run = Almanac("facts", "--entity", "anthropic", "--metric", "valuation");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("Anthropic");
        run.Output.ShouldContain("valuation");
        run.Output.ShouldContain("fact(s)");
    }

    [Theory]
    [InlineData("--entity", "no-such-company", "unknown entity 'no-such-company'")]
    [InlineData("--metric", "market_szie", "unknown metric 'market_szie'")]
    [InlineData("--period", "sometime", "cannot read period 'sometime'")]
    [InlineData("--as-of", "yesterday", "--as-of 'yesterday' is not a date")]
    public void A_bad_filter_is_an_error_on_stderr(string option, string value, string message)
    {
        var run = Almanac("facts", option, value);

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldContain("almanac: " + message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
