using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Imports;
using Almanac.Imports.Readers;

namespace Almanac.Tests.Imports.Readers;

public sealed class LiteLlmReaderTests
{
    private const string FileName = "model_prices_and_context_window.json";

    private static readonly Lazy<DatasetSnapshot> Real = new(() =>
        SharedData.Read("litellm/" + FileName, (s, f) => LiteLlmReader.Read(s, f)));

    private static DatasetSnapshot Read(string json, SnapshotInfo? info = null) =>
        SharedData.ReadText(json, FileName, (s, f) => LiteLlmReader.Read(s, f, info));

    private static Diagnostic Fails(string json, SnapshotInfo? info = null) =>
        Should.Throw<DiagnosticException>(() => Read(json, info)).Diagnostic;

    private static DatasetRecord One(string entry) =>
        Read($$"""{"m": {"mode": "chat", "litellm_provider": "p", {{entry}}}, "last_updated": "2026-07-24T18:23:43.215560+00:00"}""").Record("m");

    [Fact]
    public void Reads_the_chat_and_responses_entries_of_the_real_snapshot()
    {
        var snapshot = Real.Value;

        snapshot.Records.Count.ShouldBe(2370);
        snapshot.Dataset.ShouldBe("litellm");
        snapshot.Date.ShouldBe(new DateOnly(2026, 7, 24));
        snapshot.Version.ShouldBe("2026-07-24T18:23:43.215560+00:00");
        snapshot.Records.ShouldNotContain(r => r.Key == "sample_spec" || r.Key == "fallback_generalizations" || r.Key == "last_updated");
        snapshot.Records.ShouldContain(r => r.Key == "azure/codex-mini");
        snapshot.Records.ShouldNotContain(r => r.Key == "babbage-002");
    }

    [Fact]
    public void Reads_deepseek_chat_as_litellm_states_it()
    {
        var record = Real.Value.Record("deepseek-chat");

        record.Provider.ShouldBe("deepseek");
        record.ModelId.ShouldBe("deepseek-chat");
        record.ModelName.ShouldBeNull();
        record.Location.ShouldBe("$[\"deepseek-chat\"]");
        record.Value("price-input").ShouldBe("0.28 USD/1M tokens");
        record.Value("price-output").ShouldBe("0.42 USD/1M tokens");
        record.Value("price-cache-read").ShouldBe("0.028 USD/1M tokens");
        record.Value("price-cache-write").ShouldBeNull();
        record.Value("context-window").ShouldBe("131072 tokens");
        record.Value("max-output-tokens").ShouldBe("8192 tokens");
    }

    [Fact]
    public void Reads_claude_3_5_sonnet_on_bedrock_by_its_key()
    {
        var record = Real.Value.Record("us.anthropic.claude-3-5-sonnet-20240620-v1:0");

        record.Provider.ShouldBe("bedrock");
        record.Amount("price-input").ShouldBe(3m);
        record.Amount("price-output").ShouldBe(15m);
        record.Amount("context-window").ShouldBe(200_000m);
    }

    [Fact]
    public void Accepts_a_token_limit_written_as_a_float() =>
        Real.Value.Record("xai/grok-4-fast-reasoning").Value("context-window").ShouldBe("2000000 tokens");

    [Theory]
    [InlineData("\"input_cost_per_token\": 3e-06", "3 USD/1M tokens")]
    [InlineData("\"input_cost_per_token\": 2.8e-07", "0.28 USD/1M tokens")]
    [InlineData("\"input_cost_per_token\": \"1.5e-06\"", "1.5 USD/1M tokens")]
    [InlineData("\"input_cost_per_token\": 0", "0 USD/1M tokens")]
    [InlineData("\"input_cost_per_token\": 0.0000001", "0.1 USD/1M tokens")]
    public void Converts_prices_per_token_to_per_million_exactly(string field, string expected) =>
        One(field).Value("price-input").ShouldBe(expected);

    [Theory]
    [InlineData("\"max_input_tokens\": 128000, \"max_tokens\": 4096, \"max_output_tokens\": 4096", "128000 tokens")]
    [InlineData("\"max_input_tokens\": \"8192\"", "8192 tokens")]
    [InlineData("\"max_tokens\": 8192", "8192 tokens")]
    [InlineData("\"max_tokens\": 8192, \"max_output_tokens\": 8192", null)]
    public void Takes_the_context_window_from_max_input_tokens_else_from_a_max_tokens_that_is_not_the_output_limit(string fields, string? expected) =>
        One(fields).Value("context-window").ShouldBe(expected);

    [Fact]
    public void Skips_entries_that_are_not_language_models()
    {
        var snapshot = Read("""
            {
              "sample_spec": {"mode": "one of: chat, embedding", "max_tokens": "LEGACY parameter"},
              "e": {"mode": "embedding", "litellm_provider": "p", "input_cost_per_token": 1e-07},
              "tier": {"litellm_provider": "fireworks_ai", "input_cost_per_token": 0.0},
              "r": {"mode": "responses", "litellm_provider": "azure", "input_cost_per_token": 1.5e-06},
              "last_updated": "2026-07-24T18:23:43+00:00"
            }
            """);

        snapshot.Records.Select(r => r.Key).ShouldBe(["r"]);
    }

    [Fact]
    public void Dates_the_snapshot_by_last_updated_unless_the_caller_says_otherwise()
    {
        const string json = """{"last_updated": "2026-07-24T23:30:00-02:00"}""";

        Read(json).Date.ShouldBe(new DateOnly(2026, 7, 25));
        Read(json, new SnapshotInfo { Date = new DateOnly(2026, 8, 1), Version = "v1" }).Date.ShouldBe(new DateOnly(2026, 8, 1));
        Read("{}", new SnapshotInfo { LastWritten = new DateOnly(2026, 7, 20) }).Date.ShouldBe(new DateOnly(2026, 7, 20));
        Fails("{}").Message.ShouldStartWith("the file has no 'last_updated' key; expected the caller");
    }

    [Theory]
    [InlineData("""{"gpt-x": {"mode": "chat", "litellm_provider": "openai", "input_cost_per_token": "free"}}""", "$[\"gpt-x\"].input_cost_per_token", "expected a number, found a string \"free\"")]
    [InlineData("""{"gpt-x": {"mode": "chat", "litellm_provider": "openai", "output_cost_per_token": [1]}}""", "$[\"gpt-x\"].output_cost_per_token", "expected a number, found an array")]
    [InlineData("""{"gpt-x": {"mode": "chat", "litellm_provider": "openai", "max_output_tokens": 8192.5}}""", "$[\"gpt-x\"].max_output_tokens", "expected a whole number, found 8192.5")]
    [InlineData("""{"gpt-x": {"mode": "chat", "max_tokens": 10}}""", "$[\"gpt-x\"].litellm_provider", "missing: expected the provider's name")]
    [InlineData("""{"gpt-x": {"mode": 3}}""", "$[\"gpt-x\"].mode", "expected a string, found the number 3")]
    [InlineData("""{"gpt-x": "chat"}""", "$[\"gpt-x\"]", "expected an object, found a string \"chat\"")]
    [InlineData("""{"last_updated": "yesterday"}""", "$.last_updated", "expected a timestamp like 2026-07-24T18:23:43+00:00, found \"yesterday\"")]
    public void Names_the_path_and_what_was_expected(string json, string location, string message)
    {
        var error = Fails(json, new SnapshotInfo { Date = new DateOnly(2026, 7, 24) });

        error.Source.ShouldBe(FileName);
        error.Location.ToString().ShouldBe(location);
        error.Message.ShouldBe(message);
    }

    [Fact]
    public void Reports_where_a_truncated_file_breaks_off()
    {
        var error = Fails("{\n  \"deepseek-chat\": {\n    \"input_cost_per_token\": 2.8e-07,\n");

        error.Location.ToString().ShouldStartWith("line 4, column ");
        error.Message.ShouldStartWith("invalid JSON: ");
    }

    [Fact]
    public void Rejects_an_empty_file() =>
        Fails(string.Empty).ToString().ShouldBe($"{FileName}:1: the file is empty; expected a JSON object of models keyed by LiteLLM model name");
}
