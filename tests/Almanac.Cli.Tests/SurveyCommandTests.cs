using System.Text.Json;

namespace Almanac.Tests.Cli;

/// <summary><c>almanac survey estimate</c> and <c>generate</c> on the documented examples, on broken files, and on each other's output.</summary>
public sealed class SurveyCommandTests : IDisposable
{
    private static readonly string Responses = Path.Combine(SharedDatasets.RepositoryRoot, "docs", "examples", "survey-responses.csv");
    private static readonly string Choices = Path.Combine(SharedDatasets.RepositoryRoot, "docs", "examples", "survey-choices.csv");

    // The commands that made the examples, as docs/surveys.md states them.
    private static readonly string[] ExampleDesign =
        ["-n", "200", "--segments", "enterprise=50,mid-market=40,public-sector=10", "--shares", "anthropic=32,openai=25,google=20", "--weight-spread", "0.4", "--seed", "2025"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    public SurveyCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonElement EstimateJson(string file, params string[] options)
    {
        var run = CliRun.Of(["survey", "estimate", file, "--format", "json", "--replicates", "500", .. options]);
        run.ExitCode.ShouldBe(0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement;
    }

    private static JsonElement Cell(JsonElement estimate, string segment, string provider) =>
        estimate.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("segment").GetString() == segment && c.GetProperty("provider").GetString() == provider);

    [Fact]
    public void Estimates_the_workload_example_by_segment_with_both_intervals()
    {
        var estimate = EstimateJson(Responses);

        estimate.GetProperty("kind").GetString().ShouldBe("workload-shares");
        estimate.GetProperty("analytic_method").GetString().ShouldBe("t");
        estimate.GetProperty("respondents").GetInt32().ShouldBe(200);
        // Three segments and the whole panel, four providers each.
        estimate.GetProperty("cells").GetArrayLength().ShouldBe(16);
        var all = Cell(estimate, "all", "anthropic");
        all.GetProperty("n").GetInt32().ShouldBe(200);
        all.GetProperty("effective_n").GetDouble().ShouldBeLessThan(200);
        var share = all.GetProperty("share").GetDouble();
        share.ShouldBeInRange(all.GetProperty("bootstrap").GetProperty("lower").GetDouble(), all.GetProperty("bootstrap").GetProperty("upper").GetDouble());
        share.ShouldBeInRange(all.GetProperty("analytic").GetProperty("lower").GetDouble(), all.GetProperty("analytic").GetProperty("upper").GetDouble());
        // The example is drawn from a true share of 32%.
        share.ShouldBeInRange(26, 38);
        all.GetProperty("warning").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Warns_on_the_small_segment_of_the_example()
    {
        var cell = Cell(EstimateJson(Responses), "public-sector", "openai");

        cell.GetProperty("n").GetInt32().ShouldBe(20);
        cell.GetProperty("warning").GetString().ShouldBe("n=20 is too small to read");
    }

    [Fact]
    public void Estimates_the_single_choice_example_with_wilson_intervals()
    {
        var estimate = EstimateJson(Choices, "--min-n", "10");

        estimate.GetProperty("kind").GetString().ShouldBe("single-choice");
        estimate.GetProperty("analytic_method").GetString().ShouldBe("wilson");
        Cell(estimate, "public-sector", "openai").GetProperty("warning").ValueKind.ShouldBe(JsonValueKind.Null);
        var shares = estimate.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("segment").GetString() == "all").Sum(c => c.GetProperty("share").GetDouble());
        shares.ShouldBe(100, 0.05);
    }

    [Fact]
    public void The_same_seed_gives_the_same_intervals()
    {
        var first = CliRun.Of("survey", "estimate", Responses, "--format", "csv", "--replicates", "300", "--seed", "4");
        var again = CliRun.Of("survey", "estimate", Responses, "--format", "csv", "--replicates", "300", "--seed", "4");

        first.ExitCode.ShouldBe(0, first.Error);
        again.Output.ShouldBe(first.Output);
        first.Output.ShouldStartWith("segment,provider,share,bootstrap_lower,bootstrap_upper,analytic_lower,analytic_upper,n,effective_n,warning");
    }

    [Fact]
    public void Prints_a_table_with_the_intervals_and_the_warning()
    {
        var run = CliRun.Of("survey", "estimate", Responses, "--replicates", "300");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("95% CI bootstrap");
        run.Output.ShouldContain("95% CI t");
        run.Output.ShouldContain("public-sector");
        run.Output.ShouldContain("n=20 is too small to read");
    }

    [Theory]
    [InlineData("respondent,segment,provider,share\nr1,a,openai,60\nr1,a,anthropic,abc\n", "3:4: expected a share between 0 and 100, got 'abc'")]
    [InlineData("respondent,segment,provider,share\nr1,a,openai,60\nr1,a,anthropic,30\nr2,a,openai,100\n", "3:4: the shares of respondent 'r1' sum to 90; expected 100 (±1)")]
    [InlineData("respondent,segment,weight,choice\nr1,a,-2,openai\n", "2:3: expected a weight above 0, got '-2'")]
    [InlineData("respondent,segment,wieght,choice\nr1,a,1,openai\n", "1:3: unknown column 'wieght'")]
    [InlineData("respondent,segment,choice\nr1,a,openai\nr2,a\n", "3:3: expected 3 fields as in the header, got 2")]
    [InlineData("respondent,segment,choice\nr1,a,openai\nr1,a,google\n", "3:1: respondent 'r1' already answered on line 2")]
    [InlineData("respondent,segment,provider,share\nr1,a,openai,60\nr1,b,google,40\n", "3:2: respondent 'r1' is in segment 'a' on line 2, not 'b'")]
    [InlineData("respondent,segment,choice\nr1,All,openai\n", "2:2: 'All' names the whole panel")]
    [InlineData("respondent,segment,provider\nr1,a,openai\n", "1:1: missing column 'share'")]
    [InlineData("respondent,segment,choice\n\"  \",a,openai\n", "2:1: expected a respondent id, got an empty field")]
    public void A_malformed_file_is_refused_at_its_line_and_column(string csv, string expected)
    {
        var file = Write("responses.csv", csv);

        var run = CliRun.Of("survey", "estimate", file);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldStartWith($"almanac: {file}:{expected}");
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var run = CliRun.Of("survey", "estimate", Path.Combine(_folder, "nowhere.csv"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("no such file");
    }

    [Fact]
    public void The_examples_are_what_the_documented_commands_generate()
    {
        var workloads = CliRun.Of(["survey", "generate", .. ExampleDesign]);
        var choices = CliRun.Of(["survey", "generate", .. ExampleDesign, "--kind", "choice"]);

        workloads.ExitCode.ShouldBe(0, workloads.Error);
        workloads.Output.ReplaceLineEndings("\n").ShouldBe(File.ReadAllText(Responses));
        choices.Output.ReplaceLineEndings("\n").ShouldBe(File.ReadAllText(Choices));
    }

    [Theory]
    [InlineData("workloads")]
    [InlineData("choice")]
    public void A_generated_panel_estimates_back_to_its_true_shares(string kind)
    {
        var file = Path.Combine(_folder, "panel.csv");
        var generate = CliRun.Of("survey", "generate", "--respondents", "3000", "--segments", "enterprise,startup", "--shares", "anthropic=40,openai=35",
            "--kind", kind, "--weight-spread", "0.3", "--seed", "8", "-o", file);
        generate.ExitCode.ShouldBe(0, generate.Error);
        generate.Error.ShouldContain("wrote");

        var estimate = EstimateJson(file);

        foreach (var (provider, truth) in new[] { ("anthropic", 40.0), ("openai", 35.0), ("other", 25.0) })
        {
            var cell = Cell(estimate, "all", provider);
            cell.GetProperty("n").GetInt32().ShouldBe(3000);
            cell.GetProperty("share").GetDouble().ShouldBe(truth, 2.5, provider);
            truth.ShouldBeInRange(cell.GetProperty("analytic").GetProperty("lower").GetDouble() - 1, cell.GetProperty("analytic").GetProperty("upper").GetDouble() + 1, provider);
        }
    }

    [Theory]
    [InlineData("--shares", "anthropic=80,openai=40", "--shares sum to 120")]
    [InlineData("--shares", "anthropic", "--shares: cannot read 'anthropic'")]
    [InlineData("--kind", "ranking", "unknown --kind 'ranking'")]
    public void Generate_refuses_a_design_it_cannot_draw(string option, string value, string expected)
    {
        string[] args = option == "--shares" ? ["survey", "generate", option, value] : ["survey", "generate", "--shares", "anthropic=50", option, value];

        var run = CliRun.Of(args);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(expected);
    }

    [Fact]
    public void A_responses_file_that_is_not_utf8_is_refused_where_the_byte_sits()
    {
        var lines = File.ReadAllLines(Responses);
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines[..2]) + "\n").ToList();
        bytes.Insert(System.Text.Encoding.UTF8.GetByteCount(lines[0] + "\n") + 2, 0xFF);
        var path = Path.Combine(_folder, "broken.csv");
        File.WriteAllBytes(path, [.. bytes]);

        var run = CliRun.Of("survey", "estimate", path);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldBe($"almanac: {path}:2:3: the file is not valid UTF-8 here (save it as UTF-8){Environment.NewLine}");
    }
}
