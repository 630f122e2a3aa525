namespace Almanac.Tests.Cli;

/// <summary><c>almanac report market</c>: one self-contained HTML file from the store, or a clear error.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    public ReportCommandTests() => Directory.CreateDirectory(_folder);

    private CliRun Almanac(params string[] args) => CliRun.Of([.. args, "--store", Path.Combine(_folder, "almanac.db"), "--data", CliRun.RepositoryData]);

    [Fact]
    public void Writes_the_report_and_says_what_it_holds()
    {
        var target = Path.Combine(_folder, "report.html");

        var run = Almanac("report", "market", "-o", target);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldMatch(@"wrote .*report\.html: \d+ sections, \d+ charts, \d+ sources");
        var html = File.ReadAllText(target);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("id=\"chart-share-usage\"");
        html.ShouldContain("Source: Menlo Ventures");
        File.Exists(target + ".partial").ShouldBeFalse();
    }

    [Fact]
    public void Without_an_output_file_the_html_goes_to_standard_output()
    {
        var run = Almanac("report", "market", "--lang", "zh");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("<!DOCTYPE html>");
        run.Output.ShouldContain("<html lang=\"zh-CN\">");
        run.Output.ShouldContain("大模型市场全景");
    }

    [Fact]
    public void As_of_a_date_leaves_out_what_was_published_later()
    {
        var run = Almanac("report", "market", "--as-of", "2025-01-01");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("Knowledge as published by 2025-01-01");
        run.Output.ShouldNotContain("id=\"chart-share-spend\"");
    }

    [Theory]
    [InlineData("--lang", "fr", "unknown --lang 'fr'; expected zh or en")]
    [InlineData("--as-of", "last year", "--as-of 'last year' is not a date; expected YYYY-MM-DD")]
    public void Bad_options_are_named_in_the_error(string option, string value, string message)
    {
        var run = Almanac("report", "market", option, value);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(message);
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_output_folder_is_an_error_before_any_work()
    {
        var target = Path.Combine(_folder, "no-such-folder", "report.html");

        var run = Almanac("report", "market", "-o", target);

        run.ExitCode.ShouldNotBe(0);
        run.Error.ShouldContain("does not exist");
        File.Exists(target).ShouldBeFalse();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
