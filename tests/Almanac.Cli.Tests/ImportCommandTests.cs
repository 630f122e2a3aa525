using System.Text.Json;

namespace Almanac.Tests.Cli;

public sealed class ImportCommandTests(ImportedStore store) : IClassFixture<ImportedStore>
{
    [Fact]
    public void Imports_each_snapshot_with_progress_and_a_summary_table()
    {
        foreach (var run in store.Imports)
        {
            run.ExitCode.ShouldBe(0, run.Error);
            run.Error.ShouldContain("storing facts");
            run.Output.ShouldContain("Added");
            run.Output.ShouldContain("Unresolved");
        }

        store.Imports[0].Output.ShouldContain("models-dev");
        store.Imports[1].Output.ShouldContain("litellm");
        store.Imports[2].Output.ShouldContain("epoch");
    }

    [Fact]
    public void Models_by_anthropic_show_claude_3_5_sonnet_with_release_date_prices_and_sources()
    {
        var run = store.Run("models", "--provider", "anthropic", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var sonnet = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "claude-3-5-sonnet");
        sonnet.GetProperty("release_date").GetProperty("value").GetString().ShouldBe("2024-06-20");
        sonnet.GetProperty("price_input").GetProperty("value").GetDecimal().ShouldBe(3m);
        sonnet.GetProperty("price_output").GetProperty("value").GetDecimal().ShouldBe(15m);
        sonnet.GetProperty("price_input").GetProperty("source_url").GetString()!.ShouldStartWith("https://");
        var sources = sonnet.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ToList();
        sources.ShouldContain("models.dev");
        sources.ShouldContain("BerriAI (LiteLLM)");
        sources.ShouldContain("Epoch AI");
    }

    [Fact]
    public void The_models_table_filters_and_sorts()
    {
        var open = JsonDocument.Parse(store.Run("models", "--open-weights", "true", "--min-context", "128K", "--released-after", "2025-01-01", "--sort", "context", "--format", "json").Output).RootElement.EnumerateArray().ToList();

        open.Count.ShouldBeGreaterThan(10);
        open.ShouldAllBe(m => m.GetProperty("open_weights").GetProperty("value").GetString() == "yes");
        open.ShouldAllBe(m => m.GetProperty("context_window").GetProperty("value").GetDecimal() >= 128_000m);
        open.ShouldAllBe(m => string.CompareOrdinal(m.GetProperty("release_date").GetProperty("value").GetString(), "2025-01-01") > 0);
        var contexts = open.Select(m => m.GetProperty("context_window").GetProperty("value").GetDecimal()).ToList();
        contexts.ShouldBe(contexts.OrderDescending().ToList());

        var cheap = JsonDocument.Parse(store.Run("models", "--provider", "openai", "--max-price", "1", "--format", "json").Output).RootElement.EnumerateArray().ToList();
        cheap.ShouldNotBeEmpty();
        cheap.ShouldAllBe(m => m.GetProperty("price_input").GetProperty("value").GetDecimal() <= 1m);
    }

    [Fact]
    public void Conflicts_show_the_deepseek_chat_price_from_both_datasets()
    {
        var run = store.Run("conflicts", "--entity", "deepseek-chat", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var price = JsonDocument.Parse(run.Output).RootElement.EnumerateArray()
            .Single(c => c.GetProperty("metric").GetString() == "price-input" && c.GetProperty("scope").GetProperty("provider").GetString() == "deepseek");
        price.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("source").GetProperty("publisher").GetString())
            .ShouldBe(["models.dev", "BerriAI (LiteLLM)"], ignoreOrder: true);
    }

    [Fact]
    public void Entities_unresolved_lists_records_with_their_reason()
    {
        var run = store.Run("entities", "--unresolved", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var records = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().ToList();
        records.ShouldNotBeEmpty();
        records.ShouldAllBe(r => r.GetProperty("reason").GetString()!.Length > 0 && r.GetProperty("record").GetString()!.Length > 0);
    }

    [Fact]
    public void Importing_the_same_snapshot_again_adds_nothing()
    {
        var run = store.Run("import", "epoch", SharedDatasets.Epoch);

        run.ExitCode.ShouldBe(0, run.Error);
        var row = run.Output.Split('\n').Single(l => l.Contains("│ epoch", StringComparison.Ordinal));
        row.Split('│', StringSplitOptions.TrimEntries)[3].ShouldBe("0");
    }

    [Fact]
    public void A_broken_file_is_refused_with_its_location_and_nothing_is_imported()
    {
        var before = store.Run("facts", "--entity", "claude-3-5-sonnet", "--format", "json").Output;
        var broken = Path.Combine(Path.GetTempPath(), $"almanac-broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(broken, """{"deepseek-chat": {"litellm_provider": "deepseek", "mode": "chat", "input_cost_per_token": "cheap"}}""");
        try
        {
            var run = store.Run("import", "litellm", broken, "--snapshot-date", "2027-01-01");

            run.ExitCode.ShouldBe(1);
            run.Error.ShouldContain("$[\"deepseek-chat\"].input_cost_per_token");
            run.Error.ShouldContain("nothing was imported");
            store.Run("facts", "--entity", "claude-3-5-sonnet", "--format", "json").Output.ShouldBe(before);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void An_unknown_dataset_or_missing_file_is_a_usage_error()
    {
        store.Run("import", "nonesuch", SharedDatasets.Epoch).Error.ShouldContain("unknown dataset 'nonesuch'; expected one of models-dev, models-dev-labs, litellm, epoch");
        var missing = store.Run("import", "epoch", "/nonexistent/notable.csv");
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("no such file or folder: /nonexistent/notable.csv");
    }
}
