using System.Text;
using System.Text.Json;

namespace Almanac.Tests.Cli;

/// <summary><c>almanac check</c> on the two real seed documents and on awkward input.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private static readonly string Note004 = Path.Combine(SharedDatasets.RepositoryRoot, "..", "shared", "seeds", "004_85998f9bbbdc5ba5.txt");
    private static readonly string Article000 = Path.Combine(SharedDatasets.RepositoryRoot, "..", "shared", "seeds", "000_f6f9bbcc7f4aaa0b.txt");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    private string Store => Path.Combine(_folder, "almanac.db");

    private CliRun Almanac(params string[] args) => CliRun.Of([.. args, "--store", Store, "--data", CliRun.RepositoryData]);

    private List<JsonElement> Claims(string file)
    {
        var run = Almanac("check", file, "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.GetProperty("claims").EnumerateArray().ToList();
    }

    private static JsonElement At(List<JsonElement> claims, string text, string? metric = null) =>
        claims.First(c => c.GetProperty("text").GetString() == text && (metric is null || c.GetProperty("metric").GetString() == metric));

    [Fact]
    public void Finds_the_figures_of_the_research_note_and_flags_its_known_errors()
    {
        var claims = Claims(Note004);

        claims.Count.ShouldBeGreaterThanOrEqualTo(180);
        At(claims, "141B总").GetProperty("verdict").GetString().ShouldBe("contradicted");
        At(claims, "39B激活").GetProperty("verdict").GetString().ShouldBe("contradicted");
        var mixtral = At(claims, "141B总").GetProperty("evidence")[0];
        mixtral.GetProperty("kind").GetString().ShouldBe("fact");
        mixtral.GetProperty("url").GetString()!.ShouldStartWith("https://");

        var claude = claims.First(c => c.GetProperty("entity").GetString() == "claude-3-5" && c.GetProperty("metric").GetString() == "release-date");
        claude.GetProperty("verdict").GetString().ShouldBe("contradicted");
        claude.GetProperty("reason").GetString()!.ShouldContain("2024-06-20");

        var forecast = At(claims, "1,113.04亿美元");
        forecast.GetProperty("verdict").GetString().ShouldBe("inconsistent");
        forecast.GetProperty("evidence").EnumerateArray().ShouldContain(e => e.GetProperty("kind").GetString() == "arithmetic");

        At(claims, "350亿美元").GetProperty("verdict").GetString().ShouldBe("inconsistent");
        // The latest figure is the one at fault; the earlier Series F valuation is right, as Anthropic announced it.
        At(claims, "1830亿美元").GetProperty("verdict").GetString().ShouldBe("supported");

        // The later of the two 2024 sizes departs from the first: it is the one flagged, citing the first.
        var china = At(claims, "约209亿元");
        china.GetProperty("verdict").GetString().ShouldBe("inconsistent");
        china.GetProperty("reason").GetString()!.ShouldContain("147亿");
        At(claims, "147亿元人民币").GetProperty("rule").GetString().ShouldNotBe("same-measure-twice");
    }

    [Fact]
    public void Correct_figures_it_knows_are_supported_not_flagged()
    {
        var claims = Claims(Note004);

        At(claims, "$3/百万输入tokens").GetProperty("verdict").GetString().ShouldBe("supported");
        At(claims, "$15/百万输出tokens").GetProperty("verdict").GetString().ShouldBe("supported");
        claims.Where(c => c.GetProperty("entity").GetString() == "mixtral-8x7b" && c.GetProperty("metric").GetString() == "release-date")
            .ShouldAllBe(c => c.GetProperty("verdict").GetString() == "supported");
        var summary = JsonDocument.Parse(Almanac("check", Note004, "--format", "json").Output).RootElement.GetProperty("summary");
        summary.GetProperty("supported").GetInt32().ShouldBeGreaterThan(20);
    }

    [Fact]
    public void Extracts_and_supports_the_menlo_shares_of_the_article()
    {
        var claims = Claims(Article000);

        foreach (var (entity, value) in new[] { ("anthropic", 32m), ("openai", 25m), ("google", 20m) })
        {
            var share = claims.First(c => c.GetProperty("entity").GetString() == entity && c.GetProperty("metric").GetString() == "market-share"
                && c.GetProperty("value").ValueKind == JsonValueKind.Number && c.GetProperty("value").GetDecimal() == value);
            share.GetProperty("verdict").GetString().ShouldBe("supported", $"{entity} {value}%: {share.GetProperty("reason").GetString()}");
            share.GetProperty("evidence")[0].GetProperty("source").GetString()!.ShouldContain("Menlo Ventures");
        }

        var meta = claims.First(c => c.GetProperty("entity").GetString() == "meta" && c.GetProperty("text").GetString()!.Contains('9', StringComparison.Ordinal));
        meta.GetProperty("verdict").GetString().ShouldNotBe("contradicted");
        var fall = claims.Where(c => c.GetProperty("entity").GetString() == "openai" && c.GetProperty("value").ValueKind == JsonValueKind.Number && c.GetProperty("value").GetDecimal() == 50m).ToList();
        fall.ShouldNotBeEmpty();
        fall.ShouldAllBe(c => c.GetProperty("verdict").GetString() != "contradicted");
    }

    private static string? ScopeOf(JsonElement claim, string key) =>
        claim.GetProperty("scope").TryGetProperty(key, out var value) ? value.GetString() : null;

    [Fact]
    public void Supports_the_survey_figures_the_article_retells_and_flags_none_without_evidence()
    {
        var claims = Claims(Article000);
        string Verdict(JsonElement c) => c.GetProperty("verdict").GetString()!;

        // Every figure of the article the Menlo Ventures facts settle: the shares, the switching and inference answers, the
        // model shares among Anthropic's users, the open-source share and the coding market.
        var supported = claims.Where(c => Verdict(c) == "supported").ToList();
        supported.Count.ShouldBeGreaterThanOrEqualTo(28, string.Join("; ", claims.Where(c => Verdict(c) != "supported").Select(c => $"{c.GetProperty("line")}: {c.GetProperty("text")} {c.GetProperty("reason")}")));
        supported.ShouldContain(c => c.GetProperty("metric").GetString() == "respondent-share" && ScopeOf(c, "answer") != null);
        supported.ShouldContain(c => ScopeOf(c, "segment") == "anthropic-users");

        // A flag stands only on a source or an arithmetic check that shows the figure wrong.
        claims.Where(c => Verdict(c) is "contradicted" or "inconsistent" or "disputed")
            .ShouldAllBe(c => c.GetProperty("evidence").GetArrayLength() > 0);
    }

    [Fact]
    public void Writes_markdown_and_html_reports_to_a_file()
    {
        Directory.CreateDirectory(_folder);
        var html = Path.Combine(_folder, "004.html");
        var run = Almanac("check", Note004, "--format", "html", "-o", html);

        run.ExitCode.ShouldBe(0, run.Error);
        var page = File.ReadAllText(html);
        page.ShouldContain("<mark class=\"v-contradicted\"");
        page.ShouldContain("<mark class=\"v-supported\"");
        page.ShouldNotContain("src=\"http", Case.Insensitive);

        var md = Almanac("check", Note004, "--format", "md");
        md.Output.ShouldContain("## contradicted");
    }

    [Fact]
    public void An_output_that_is_a_folder_is_a_bad_command_line_without_a_stack_trace()
    {
        Directory.CreateDirectory(_folder);
        var run = Almanac("check", Article000, "--format", "html", "-o", _folder);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"almanac: cannot write to {_folder}: it is a folder; give a file name such as {Path.Combine(_folder, "report.html")}");
        run.Error.ShouldNotContain("   at ");
        Directory.GetFiles(_folder, "*.partial").ShouldBeEmpty();
    }

    [Fact]
    public void A_note_with_a_script_runs_nothing_in_the_html_report()
    {
        Directory.CreateDirectory(_folder);
        var note = Path.Combine(_folder, "evil.md");
        File.WriteAllText(note, "# <script>alert('x')</script>\n- **Anthropic估值**: <img src=x onerror=alert(1)> 1830亿美元\n");
        var run = Almanac("check", note, "--format", "html");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldNotContain("<script>alert");
        run.Output.ShouldNotContain("<img src=x");
        run.Output.ShouldContain("&lt;script&gt;");
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("gb18030")]
    public void Reads_notes_in_utf16_with_bom_and_in_gb18030(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Directory.CreateDirectory(_folder);
        var note = Path.Combine(_folder, "note.md");
        var text = "- **Mixtral 8x7B参数量**: 141B总/39B激活\n";
        var bytes = encoding == "utf-16" ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] : Encoding.GetEncoding("GB18030").GetBytes(text);
        File.WriteAllBytes(note, bytes);

        var claims = Claims(note);

        At(claims, "141B总").GetProperty("column").GetInt32().ShouldBe(text.IndexOf("141B", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void Refuses_binary_input_with_a_clear_message()
    {
        Directory.CreateDirectory(_folder);
        var note = Path.Combine(_folder, "blob.md");
        File.WriteAllBytes(note, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF, 0xFE, 0x00]);

        var run = Almanac("check", note);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("blob.md");
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public void Checks_a_folder_writing_one_report_per_note_and_an_index()
    {
        var notes = Path.Combine(_folder, "notes");
        Directory.CreateDirectory(notes);
        File.Copy(Note004, Path.Combine(notes, "004.md"));
        File.Copy(Article000, Path.Combine(notes, "000.md"));
        File.WriteAllBytes(Path.Combine(notes, "broken.md"), [0x00, 0x01, 0x02]);
        var reports = Path.Combine(_folder, "reports");

        var run = Almanac("check", notes, "-o", reports, "--format", "html");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldContain("checking notes");
        run.Output.ShouldContain("checked 2 of 3 note(s)");
        File.Exists(Path.Combine(reports, "004.md.html")).ShouldBeTrue();
        File.Exists(Path.Combine(reports, "000.md.html")).ShouldBeTrue();
        var index = File.ReadAllText(Path.Combine(reports, "index.html"));
        index.ShouldContain("href=\"004.md.html\"");
        index.ShouldContain("broken.md");
    }

    [Fact]
    public void Reads_a_note_from_standard_input_when_given_a_dash_and_rejects_bad_options()
    {
        Almanac("check", Note004, "--format", "pdf").Error.ShouldContain("unknown --format 'pdf'");
        Almanac("check", Note004, "--lang", "fr").Error.ShouldContain("unknown --lang 'fr'");
        Almanac("check", "/nonexistent.md").Error.ShouldContain("no such file: /nonexistent.md");
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
