using System.Globalization;
using System.Text.Json;

namespace Almanac.Tests.Cli;

/// <summary><c>almanac usage ingest|share|publish</c>: exit codes and output, and a memo checked against published usage.</summary>
public sealed class UsageCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    public UsageCommandTests() => Directory.CreateDirectory(_folder);

    private string Log => Path.Combine(_folder, "generated.csv");

    private CliRun Almanac(params string[] args) => CliRun.Of([.. args, "--store", Path.Combine(_folder, "almanac.db"), "--data", CliRun.RepositoryData]);

    private CliRun Usage(params string[] args) => Almanac(["usage", .. args, "--usage-store", Path.Combine(_folder, "usage.duckdb")]);

    /// <summary>Writes a generated log and returns its truth's developer token counts by (month, developer).</summary>
    private Dictionary<(string Month, string Developer), long> Generate(int events)
    {
        var run = CliRun.Of("usage", "generate", "--events", events.ToString(CultureInfo.InvariantCulture), "--seed", "3", "-o", Log);
        run.ExitCode.ShouldBe(0, run.Error);
        using var truth = JsonDocument.Parse(File.ReadAllText(Log + ".truth.json"));
        return truth.RootElement.GetProperty("counts").EnumerateArray()
            .Where(c => c.GetProperty("dimension").GetString() == "developer")
            .ToDictionary(c => (c.GetProperty("month").GetString()!, c.GetProperty("key").GetString()!), c => c.GetProperty("tokens").GetInt64());
    }

    [Fact]
    public void Ingest_then_share_prints_the_generated_counts_and_exit_codes_say_what_went_wrong()
    {
        var truth = Generate(5_000);
        var ingest = Usage("ingest", Log);
        ingest.ExitCode.ShouldBe(0, ingest.Error);
        ingest.Output.ShouldContain("events added");
        ingest.Output.ShouldContain("5,000");

        var share = Usage("share", "--by", "developer", "--basis", "tokens", "--format", "json");
        share.ExitCode.ShouldBe(0, share.Error);
        var rows = JsonDocument.Parse(share.Output).RootElement.EnumerateArray().ToList();
        rows.ShouldNotBeEmpty();
        // The repository's curated models alone resolve every model a generated log calls, so each developer's tokens are the ones written.
        rows.Select(r => ((r.GetProperty("period").GetString()!, r.GetProperty("key").GetString()!), r.GetProperty("value").GetDouble()))
            .OrderBy(r => r.Item1).ShouldBe(truth.Select(t => (t.Key, (double)t.Value)).OrderBy(t => t.Key));

        // The same file again adds nothing.
        Usage("ingest", Log).Output.ShouldMatch(@"(?s)events added\s*│\s*0\s*│.*already stored\s*│\s*5,000\s*│");

        Usage("ingest", Path.Combine(_folder, "missing.csv")).ExitCode.ShouldBe(2);
        Usage("share", "--by", "planet").ExitCode.ShouldNotBe(0);
        Usage("share", "--from", "2026-03-01", "--to", "2026-01-01").ExitCode.ShouldBe(2);

        var bad = Path.Combine(_folder, "bad.csv");
        File.WriteAllLines(bad, ["id,time,model,input_tokens,output_tokens", "a,2026-01-01T00:00:00Z,gpt-4o,ten,5"]);
        var strict = Usage("ingest", bad, "--format", "csv", "--strict");
        strict.ExitCode.ShouldBe(1);
        strict.Error.ShouldContain("bad.csv");
    }

    [Fact]
    public void Verify_says_equal_for_the_generated_log_alone_and_names_what_differs_once_other_events_are_added()
    {
        Generate(4_000);
        Usage("ingest", Log).ExitCode.ShouldBe(0);
        var verify = Usage("verify", Log + ".truth.json");
        verify.ExitCode.ShouldBe(0, verify.Output + verify.Error);
        verify.Output.ShouldContain("switching by user");
        verify.Output.ShouldNotContain("different");

        var other = Path.Combine(_folder, "other.csv");
        CliRun.Of("usage", "generate", "--events", "30", "--seed", "8", "-o", other).ExitCode.ShouldBe(0);
        Usage("ingest", other).ExitCode.ShouldBe(0);
        var after = Usage("verify", Log + ".truth.json");
        after.ExitCode.ShouldBe(1);
        after.Output.ShouldContain("share by developer, tokens, per month");
        after.Output.ShouldContain("the log wrote");
        after.Error.ShouldContain("does not give back");

        var broken = Path.Combine(_folder, "broken.truth.json");
        File.WriteAllText(broken, """{"events": "many" """);
        var refused = Usage("verify", broken);
        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("broken.truth.json:1:");
        refused.Error.ShouldNotContain("Almanac.Usage");
        Usage("verify", Path.Combine(_folder, "missing.json")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Share_on_an_empty_usage_store_says_how_to_ingest()
    {
        var share = Usage("share");
        share.ExitCode.ShouldBe(0, share.Error);
        share.Output.ShouldContain("almanac usage ingest");
        Usage("publish").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void Published_shares_let_the_checker_hold_a_memo_to_the_logs_and_publishing_again_adds_nothing()
    {
        var truth = Generate(20_000);
        Usage("ingest", Log).ExitCode.ShouldBe(0);
        var publish = Usage("publish", "--metric", "market-share", "--by", "developer", "--basis", "tokens", "--period", "month", "--organisation", "Example Corp");
        publish.ExitCode.ShouldBe(0, publish.Error);
        publish.Output.ShouldContain("Usage logs 2026-01-01 → 2026-03-31");
        publish.Output.ShouldContain("20,000 events");
        var again = Usage("publish", "--metric", "market-share", "--by", "developer", "--basis", "tokens", "--period", "month", "--organisation", "Example Corp");
        again.Output.ShouldContain("(0 new");

        // The heading names the market (our tokens), as a memo's heading does. Google's March share as the truth counts it (its one generated model resolves in the curated catalogue),
        // written right to the percent, and ten points off for February.
        var march = truth.Where(t => t.Key.Month == "2026-03").Sum(t => t.Value);
        var google = Math.Round(100.0 * truth[("2026-03", "google")] / march);
        var memo = Path.Combine(_folder, "memo.md");
        File.WriteAllText(memo, $"""
            # Our tokens in the first quarter

            Google carried {google.ToString(CultureInfo.InvariantCulture)}% of our tokens in March 2026.

            Google carried {(google + 10).ToString(CultureInfo.InvariantCulture)}% of our tokens in February 2026.
            """);
        var check = Almanac("check", memo, "--format", "json");
        check.ExitCode.ShouldBe(0, check.Error);
        var claims = JsonDocument.Parse(check.Output).RootElement.GetProperty("claims").EnumerateArray().ToList();
        var right = claims.Single(c => c.GetProperty("period").GetString() == "2026-03");
        right.GetProperty("metric").GetString().ShouldBe("market-share");
        right.GetProperty("scope").GetProperty("market").GetString().ShouldBe("own-llm-usage");
        right.GetProperty("scope").GetProperty("basis").GetString().ShouldBe("tokens");
        right.GetProperty("verdict").GetString().ShouldBe("supported");
        right.GetProperty("reason").GetString()!.ShouldContain("Example Corp");
        claims.Single(c => c.GetProperty("period").GetString() == "2026-02").GetProperty("verdict").GetString().ShouldBe("contradicted");

        // The market report shows the published shares beside the surveys' (the curated store holds Menlo Ventures' usage shares).
        var report = Path.Combine(_folder, "market.html");
        var written = Almanac("report", "market", "-o", report);
        written.ExitCode.ShouldBe(0, written.Error);
        var html = File.ReadAllText(report);
        html.ShouldContain("our share of tokens (own usage logs)");
        var marchShare = 100.0 * truth[("2026-03", "google")] / march;
        html.ShouldContain(Math.Round(marchShare, 1).ToString("0.#", CultureInfo.InvariantCulture) + "%");
        html.ShouldContain("Example Corp");
    }

    [Fact]
    public void Report_usage_writes_one_offline_file_with_the_usage_charts()
    {
        var html = Path.Combine(_folder, "usage.html");
        var usageStore = Path.Combine(_folder, "usage.duckdb");
        var empty = Almanac("report", "usage", "--usage-store", usageStore, "-o", html);
        empty.ExitCode.ShouldBe(0, empty.Error);
        File.ReadAllText(html).ShouldContain("almanac usage ingest");

        Generate(3_000);
        Usage("ingest", Log).ExitCode.ShouldBe(0);
        var run = Almanac("report", "usage", "--usage-store", usageStore, "-o", html);
        run.ExitCode.ShouldBe(0, run.Error);
        var text = File.ReadAllText(html);
        text.ShouldContain("data-chart=\"usage-share-developer\"");
        text.ShouldContain("data-chart=\"usage-switching\"");
        text.ShouldContain("Source: usage logs, 2026-01-01 → 2026-03-31, 3,000 requests");
        text.ShouldNotContain("src=\"http");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
