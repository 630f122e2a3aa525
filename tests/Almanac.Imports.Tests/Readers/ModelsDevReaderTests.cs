using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Imports;
using Almanac.Imports.Readers;
using Almanac.Quantities;

namespace Almanac.Tests.Imports.Readers;

public sealed class ModelsDevReaderTests
{
    private static readonly SnapshotInfo Dated = new() { Date = new DateOnly(2026, 7, 2) };

    private static readonly Lazy<DatasetSnapshot> Real = new(() =>
        SharedData.Read("models-dev/api.json", (s, f) => ModelsDevReader.Read(s, f, Dated)));

    private static DatasetSnapshot Read(string json, SnapshotInfo? info = null) =>
        SharedData.ReadText(json, "api.json", (s, f) => ModelsDevReader.Read(s, f, info ?? Dated));

    private static Diagnostic Fails(string json) =>
        Should.Throw<DiagnosticException>(() => Read(json)).Diagnostic;

    [Fact]
    public void Reads_every_provider_model_entry_of_the_real_snapshot()
    {
        var snapshot = Real.Value;

        snapshot.Records.Count.ShouldBe(5276);
        snapshot.Records.Select(r => r.Provider).Distinct().Count().ShouldBe(147);
        snapshot.Records.Select(r => r.Key).Distinct().Count().ShouldBe(5276);
        snapshot.Dataset.ShouldBe("models-dev");
        snapshot.Date.ShouldBe(new DateOnly(2026, 7, 2));
        snapshot.Version.ShouldBe("2026-07-02");
        snapshot.Licence.ShouldBe("MIT");
    }

    [Fact]
    public void Reads_claude_3_5_sonnet_as_anthropic_serves_it()
    {
        var record = Real.Value.Record("providers/anthropic/models/claude-3-5-sonnet-20240620");

        record.Provider.ShouldBe("anthropic");
        record.ModelId.ShouldBe("claude-3-5-sonnet-20240620");
        record.ModelName.ShouldBe("Claude Sonnet 3.5");
        record.Organization.ShouldBeNull();
        record.Location.ShouldBe("$.anthropic.models[\"claude-3-5-sonnet-20240620\"]");
        record.Value("release-date").ShouldBe("2024-06-20");
        record.Value("knowledge-cutoff").ShouldBe("2024-04-30");
        record.Value("open-weights").ShouldBe("no");
        record.Value("context-window").ShouldBe("200000 tokens");
        record.Value("max-output-tokens").ShouldBe("8192 tokens");
        record.Value("price-input").ShouldBe("3 USD/1M tokens");
        record.Value("price-output").ShouldBe("15 USD/1M tokens");
        record.Value("price-cache-read").ShouldBe("0.3 USD/1M tokens");
        record.Value("price-cache-write").ShouldBe("3.75 USD/1M tokens");
        record.Values.Single(v => v.MetricId == "price-input").Value.Unit.ShouldBe(Unit.UsdPerMillionTokens);
    }

    [Fact]
    public void Keeps_deepseek_chat_as_models_dev_states_it()
    {
        var record = Real.Value.Record("providers/deepseek/models/deepseek-chat");

        record.Amount("price-input").ShouldBe(0.14m);
        record.Amount("price-output").ShouldBe(0.28m);
        record.Amount("price-cache-read").ShouldBe(0.0028m);
        record.Amount("context-window").ShouldBe(1_000_000m);
        record.Value("knowledge-cutoff").ShouldBe("2025-09-01");
        record.Value("price-cache-write").ShouldBeNull();
    }

    [Fact]
    public void Reads_a_month_only_release_date_as_the_first_of_the_month() =>
        Real.Value.Record("providers/alibaba/models/qwen-mt-plus").Value("release-date").ShouldBe("2025-01-01");

    [Fact]
    public void Leaves_out_a_date_that_names_no_calendar_day()
    {
        // The real file states knowledge "2025-02-31" here; the rest of the entry is kept.
        var record = Real.Value.Record("providers/azure/models/claude-haiku-4-5");

        record.Value("knowledge-cutoff").ShouldBeNull();
        record.Value("release-date").ShouldNotBeNull();
    }

    [Fact]
    public void Reads_prices_exactly_as_written()
    {
        var record = Read("""{"p": {"models": {"m": {"cost": {"input": 0.1, "output": 1e-1, "cache_read": 0.30000000000000004}}}}}""").Records[0];

        record.Amount("price-input").ShouldBe(0.1m);
        record.Amount("price-output").ShouldBe(0.1m);
        record.Amount("price-cache-read").ShouldBe(0.30000000000000004m);
    }

    [Fact]
    public void Uses_the_last_write_date_when_no_date_is_given()
    {
        var snapshot = Read("""{"p": {"models": {}}}""", new SnapshotInfo { LastWritten = new DateOnly(2026, 7, 3) });

        snapshot.Date.ShouldBe(new DateOnly(2026, 7, 3));
        snapshot.Records.ShouldBeEmpty();
    }

    [Fact]
    public void Needs_a_date_from_the_caller()
    {
        var error = Should.Throw<DiagnosticException>(() => Read("""{"p": {"models": {}}}""", new SnapshotInfo())).Diagnostic;

        error.Location.ToString().ShouldBe("snapshot date");
        error.Message.ShouldContain("the file states no date");
    }

    [Fact]
    public void Names_the_path_of_a_value_of_the_wrong_type()
    {
        var error = Fails("""{"anthropic": {"models": {"claude-3-5-sonnet-20240620": {"cost": {"input": "three"}}}}}""");

        error.Source.ShouldBe("api.json");
        error.Location.ToString().ShouldBe("$.anthropic.models[\"claude-3-5-sonnet-20240620\"].cost.input");
        error.Message.ShouldBe("expected a number, found a string \"three\"");
    }

    [Theory]
    [InlineData("""{"p": {"models": {"m": {"release_date": "June 2024"}}}}""", "$.p.models.m.release_date", "expected a date YYYY-MM-DD or YYYY-MM, found \"June 2024\"")]
    [InlineData("""{"p": {"models": {"m": {"open_weights": "yes"}}}}""", "$.p.models.m.open_weights", "expected true or false, found a string \"yes\"")]
    [InlineData("""{"p": {"models": {"m": {"limit": {"context": 8192.5}}}}}""", "$.p.models.m.limit.context", "expected a whole number, found 8192.5")]
    [InlineData("""{"p": {"models": {"m": {"cost": {"output": -1}}}}}""", "$.p.models.m.cost.output", "expected a number not below zero, found -1")]
    [InlineData("""{"p": {"models": ["m"]}}""", "$.p.models", "expected an object, found an array")]
    [InlineData("""{"p": {"name": "P"}}""", "$.p.models", "missing: expected an object of models")]
    [InlineData("""[]""", "$", "expected an object, found an array")]
    [InlineData("""{"p": {"models": {"m": {}, "m": {}}}}""", "$.p.models.m", "duplicate key: expected each name once in its object")]
    public void Names_the_path_and_what_was_expected(string json, string location, string message)
    {
        var error = Fails(json);

        error.Location.ToString().ShouldBe(location);
        error.Message.ShouldBe(message);
    }

    [Fact]
    public void Reports_the_line_where_a_truncated_file_ends()
    {
        var error = Fails("{\"p\": {\n  \"models\": {\n    \"m\": {\"name\": \"M\"");

        error.Location.ToString().ShouldStartWith("line 3, column ");
        error.Message.ShouldStartWith("invalid JSON: ");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    public void Rejects_an_empty_file(string text)
    {
        var error = Fails(text);

        error.Location.ToString().ShouldBe("line 1");
        error.Message.ShouldBe("the file is empty; expected a JSON object of providers, each with its models");
        error.ToString().ShouldBe("api.json:1: the file is empty; expected a JSON object of providers, each with its models");
    }

    [Fact]
    public void A_release_date_naming_no_calendar_day_is_counted_as_dropped_where_it_was()
    {
        var snapshot = Read("""{"p": {"models": {"m": {"release_date": "2025-13-45", "knowledge": "2024-04"}}}}""");

        snapshot.Records[0].Values.ShouldNotContain(v => v.MetricId == "release-date");
        snapshot.Records[0].Values.ShouldContain(v => v.MetricId == "knowledge-cutoff");
        var dropped = snapshot.Dropped.ShouldHaveSingleItem();
        dropped.ShouldBe(new DroppedValue("$.p.models.m.release_date", "release-date", "2025-13-45", "names no calendar day"));
    }
}
