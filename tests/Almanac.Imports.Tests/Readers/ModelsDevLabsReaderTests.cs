using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Imports;
using Almanac.Imports.Readers;
using Almanac.Knowledge;

namespace Almanac.Tests.Imports.Readers;

public sealed class ModelsDevLabsReaderTests
{
    private static readonly SnapshotInfo Dated = new() { Date = new DateOnly(2026, 7, 2) };

    private static readonly Lazy<DatasetSnapshot> Real = new(() =>
        SharedData.Read("models-dev/labs.json", (s, f) => ModelsDevLabsReader.Read(s, f, Dated)));

    private static Diagnostic Fails(string json) =>
        SharedData.FailsOn(json, "labs.json", (s, f) => ModelsDevLabsReader.Read(s, f, Dated));

    private static Scope Benchmark(string slug, string? variant = null) =>
        Scope.Of(variant is null
            ? [KeyValuePair.Create("benchmark", slug)]
            : [KeyValuePair.Create("benchmark", slug), KeyValuePair.Create("variant", variant)]);

    [Fact]
    public void Reads_every_base_model_of_the_real_snapshot()
    {
        var snapshot = Real.Value;

        snapshot.Records.Count.ShouldBe(231);
        snapshot.Dataset.ShouldBe("models-dev-labs");
        snapshot.Records.ShouldAllBe(r => r.Key.StartsWith("labs/") && r.Provider == null && r.Organization != null);
        snapshot.Records.SelectMany(r => r.Values).Count(v => v.MetricId.StartsWith("benchmark-")).ShouldBe(288);
    }

    [Fact]
    public void Reads_step_3_5_flash_2603_with_its_lab_and_benchmarks()
    {
        var record = Real.Value.Record("labs/stepfun/step-3.5-flash-2603");

        record.ModelId.ShouldBe("stepfun/step-3.5-flash-2603");
        record.ModelName.ShouldBe("Step 3.5 Flash 2603");
        record.Organization.ShouldBe("stepfun");
        record.Value("release-date").ShouldBe("2026-04-02");
        record.Value("knowledge-cutoff").ShouldBe("2025-01-01");
        record.Value("open-weights").ShouldBe("yes");
        record.Value("context-window").ShouldBe("256000 tokens");
        record.Value("max-output-tokens").ShouldBe("256000 tokens");
        record.Value("benchmark-index", Benchmark("artificial-analysis-coding-index")).ShouldBe("34.6 score");
        record.Value("benchmark-score", Benchmark("scicode")).ShouldBe("38.5 percent");
        record.Value("benchmark-score", Benchmark("terminal-bench-hard")).ShouldBe("32.6 percent");
        record.Values.Count(v => v.MetricId.StartsWith("benchmark-")).ShouldBe(3);
    }

    [Fact]
    public void Keeps_runs_of_one_benchmark_under_different_harnesses_apart()
    {
        var record = Real.Value.Record("labs/anthropic/claude-opus-4-7");

        // Terminal-Bench, version 2.1, run in Claude Code at max effort and in Terminus-2.
        record.Value("benchmark-score", Benchmark("terminal-bench-2.1", "claude-code-max")).ShouldBe("73.8 percent");
        record.Value("benchmark-score", Benchmark("terminal-bench-2.1", "terminus-2")).ShouldBe("66.1 percent");
        record.Value("benchmark-score", Benchmark("swe-bench-pro-hard-aa", "claude-code-max")).ShouldBe("44.9 percent");
        record.Value("benchmark-score", Benchmark("swe-bench-pro")).ShouldBe("64.3 percent");
    }

    [Fact]
    public void States_at_most_one_value_per_metric_and_scope_in_every_record()
    {
        var clashes = Real.Value.Records
            .SelectMany(r => r.Values.GroupBy(v => (v.MetricId, Scope: v.Scope?.Canonical)).Where(g => g.Count() > 1).Select(g => $"{r.Key} {g.Key}"))
            .ToList();

        clashes.ShouldBeEmpty();
    }

    [Fact]
    public void Takes_the_licence_where_a_lab_states_one() =>
        Real.Value.Record("labs/deepreinforce/ornith-1.0-9b").Value("licence").ShouldBe("MIT");

    [Fact]
    public void Counts_a_score_without_a_stated_metric_as_an_index() =>
        Real.Value.Record("labs/sakana/fugu").Value("benchmark-index", Benchmark("livecodebench")).ShouldBe("92.9 score");

    [Theory]
    [InlineData("percent correct", true)]
    [InlineData("success rate", true)]
    [InlineData("resolve rate", true)]
    [InlineData("resolved", true)]
    [InlineData("percent resolved", true)]
    [InlineData("accuracy", true)]
    [InlineData("pass@1", true)]
    [InlineData("average pass@1", true)]
    [InlineData("percent", true)]
    [InlineData("index", false)]
    [InlineData("score", false)]
    [InlineData(null, false)]
    public void Knows_which_metric_labels_are_percentages(string? metric, bool percent) =>
        ModelsDevLabsReader.IsPercentage(metric).ShouldBe(percent);

    [Theory]
    [InlineData("Terminal-Bench 2.1", "terminal-bench-2.1")]
    [InlineData("SWE Bench Pro", "swe-bench-pro")]
    [InlineData("Humanity’s Last Exam", "humanitys-last-exam")]
    [InlineData("τ3 Banking", "tau3-banking")]
    [InlineData("Artificial Analysis Coding Index", "artificial-analysis-coding-index")]
    [InlineData("  MRCRv2 ", "mrcrv2")]
    [InlineData("Café v.2", "cafe-v-2")]
    public void Slugs_benchmark_names(string name, string slug) =>
        Almanac.Imports.Readers.DatasetValues.Slug(name).ShouldBe(slug);

    [Theory]
    [InlineData("""{"stepfun": {}}""", "$.stepfun", "expected a key 'lab/model', found \"stepfun\"")]
    [InlineData("""{"a/m": {"benchmarks": {}}}""", "$[\"a/m\"].benchmarks", "expected an array, found an object")]
    [InlineData("""{"a/m": {"benchmarks": [{"name": "X"}]}}""", "$[\"a/m\"].benchmarks[0].score", "missing: expected the benchmark's score")]
    [InlineData("""{"a/m": {"benchmarks": [{"name": "X", "score": "high"}]}}""", "$[\"a/m\"].benchmarks[0].score", "expected a number, found a string \"high\"")]
    [InlineData("""{"a/m": {"benchmarks": [{"name": "X", "score": 140, "metric": "pass@1"}]}}""", "$[\"a/m\"].benchmarks[0].score", "expected a percentage from 0 to 100 for metric 'pass@1', found 140")]
    [InlineData("""{"a/m": {"benchmarks": [{"name": "—", "score": 1}]}}""", "$[\"a/m\"].benchmarks[0].name", "expected a benchmark name with letters or digits, found \"—\"")]
    public void Names_the_path_and_what_was_expected(string json, string location, string message)
    {
        var error = Fails(json);

        error.Source.ShouldBe("labs.json");
        error.Location.ToString().ShouldBe(location);
        error.Message.ShouldBe(message);
    }

    [Fact]
    public void Reports_a_truncated_file() =>
        Fails("""{"a/m": {"benchmarks": [{"name": "X", """).Message.ShouldStartWith("invalid JSON: ");
}
