using System.Globalization;
using System.Text.Json;

namespace Almanac.Tests.Cli;

/// <summary>A fresh store with LMArena's leaderboards and OpenRouter's token rankings imported, as a user would.</summary>
public sealed class LeaderboardStore : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    public LeaderboardStore()
    {
        Directory.CreateDirectory(_folder);
        Store = Path.Combine(_folder, "almanac.db");
        LmArena = Run("import", "lmarena", SharedDatasets.PathOf("lmarena"));
        Rankings = Run("import", "openrouter-rankings", SharedDatasets.PathOf("openrouter/rankings/openrouter-usage_2026-05-30.json"));
    }

    public string Store { get; }

    public CliRun LmArena { get; }

    public CliRun Rankings { get; }

    public string Folder => _folder;

    public CliRun Run(params string[] args) => CliRun.Of([.. args, "--store", Store, "--data", CliRun.RepositoryData]);

    public List<JsonElement> Facts(params string[] args) =>
        JsonDocument.Parse(Run(["facts", .. args, "--format", "json"]).Output).RootElement.EnumerateArray().ToList();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class LeaderboardImportTests(LeaderboardStore store) : IClassFixture<LeaderboardStore>
{
    private static readonly string History = SharedDatasets.PathOf("lmarena/lmarena_text_leaderboard_history.csv");

    /// <summary>The raw history's row of a model on a snapshot day, as column name → cell (the file quotes no cell).</summary>
    private static Dictionary<string, string> HistoryRow(string day, string model)
    {
        var lines = File.ReadAllLines(History);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(','))
            .Select(f => header.Zip(f).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .Single(r => r["snapshot_version"] == day && r["model"] == model);
    }

    [Fact]
    public void Both_imports_succeed_with_every_snapshot()
    {
        store.LmArena.ExitCode.ShouldBe(0, store.LmArena.Error);
        var days = File.ReadAllLines(History).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count();
        store.LmArena.Output.ShouldContain($"{days + 3} snapshots, 2024-06-19 → 2025-08-06");
        store.Rankings.ExitCode.ShouldBe(0, store.Rankings.Error);
        store.Rankings.Output.ShouldContain("2026-05-30");
    }

    [Fact]
    public void The_arena_score_of_gpt_4o_is_queryable_per_snapshot_with_its_interval()
    {
        var row = HistoryRow("2024-06-19", "GPT-4o-2024-05-13");
        var facts = store.Facts("--entity", "GPT-4o", "--metric", "arena-score");

        var first = facts.Single(f => f.GetProperty("period").GetString() == "@2024-06-19");
        first.GetProperty("value").GetDecimal().ShouldBe(decimal.Parse(row["arena_score"], CultureInfo.InvariantCulture));
        first.GetProperty("note").GetString().ShouldBe($"95% CI {row["95_pct_ci"]}");
        first.GetProperty("scope").GetProperty("benchmark").GetString().ShouldBe("lmarena-text");
        first.GetProperty("source").GetProperty("title").GetString().ShouldBe("LMArena (lmarena.ai) text leaderboard, snapshot 2024-06-19");

        var votes = store.Facts("--entity", "GPT-4o", "--metric", "arena-votes", "--period", "2024-06");
        votes.ShouldContain(f => f.GetProperty("value").GetDecimal() == decimal.Parse(row["votes"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_note_with_the_arena_score_is_supported_and_a_different_score_contradicted()
    {
        var score = int.Parse(HistoryRow("2024-06-19", "GPT-4o-2024-05-13")["arena_score"], CultureInfo.InvariantCulture);
        Verdict($"GPT-4o scored {score} on LMArena (Chatbot Arena) in June 2024.").ShouldBe("supported");
        Verdict($"GPT-4o scored {score - 60} on LMArena (Chatbot Arena) in June 2024.").ShouldBe("contradicted");

        // Undated: any snapshot's score for the model agrees; one no snapshot gave is not contradicted,
        // for a score moves from snapshot to snapshot and the figure may be of a day none shows.
        Verdict($"GPT-4o scored {score} on LMArena.").ShouldBe("supported");
        Verdict("GPT-4o scored 1001 on LMArena.").ShouldBe("unverifiable");
    }

    [Fact]
    public void Token_shares_are_per_week_and_a_developers_share_is_at_least_its_listed_models()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedDatasets.PathOf("openrouter/rankings/openrouter-usage_2026-05-30.json")));
        var week = json.RootElement.GetProperty("weeks")[0];
        var byModel = week.GetProperty("byModel").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetDecimal());
        var total = byModel.Values.Sum();
        var google = byModel.Where(m => m.Key.StartsWith("google/", StringComparison.Ordinal)).Sum(m => m.Value);
        var monday = week.GetProperty("week").GetString()!;

        var shares = store.Facts("--entity", "google", "--metric", "market-share", "--period", monday[..4]);
        var share = shares.Single(f => f.GetProperty("period_start").GetString() == monday);
        share.GetProperty("value").GetDecimal().ShouldBe(Math.Round(google / total * 100, 2, MidpointRounding.AwayFromZero));
        share.GetProperty("qualifier").GetString().ShouldBe("at-least");
        share.GetProperty("obtained").GetString().ShouldBe("estimated");
        share.GetProperty("period_end").GetString().ShouldBe(DateOnly.Parse(monday, CultureInfo.InvariantCulture).AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var llama = store.Facts("--entity", "llama-3-3-70b", "--metric", "tokens-processed", "--period", monday[..4]);
        llama.ShouldContain(f => f.GetProperty("period_start").GetString() == monday
            && f.GetProperty("value").GetDecimal() == byModel["meta-llama/llama-3.3-70b-instruct"]);
    }

    [Fact]
    public void Importing_the_same_files_again_adds_nothing()
    {
        var before = store.Facts("--metric", "arena-score").Count;

        var again = store.Run("import", "lmarena", SharedDatasets.PathOf("lmarena"));
        var rankings = store.Run("import", "openrouter-rankings", SharedDatasets.PathOf("openrouter/rankings/openrouter-usage_2026-05-30.json"));

        again.ExitCode.ShouldBe(0, again.Error);
        rankings.ExitCode.ShouldBe(0, rankings.Error);
        AddedOf(again.Output).ShouldBe(0);
        AddedOf(rankings.Output).ShouldBe(0);
        store.Facts("--metric", "arena-score").Count.ShouldBe(before);
    }

    [Fact]
    public void A_broken_leaderboard_names_file_line_and_column_and_leaves_the_store_unchanged()
    {
        var lines = File.ReadAllLines(History);
        var header = lines[0].Split(',');
        var cells = lines[7].Split(',');
        cells[Array.IndexOf(header, "arena_score")] = "high";
        lines[7] = string.Join(',', cells);
        var broken = Path.Combine(store.Folder, "lmarena_text_leaderboard_history.csv");
        File.WriteAllLines(broken, lines);
        var before = store.Facts("--metric", "arena-score").Count;

        var run = store.Run("import", "lmarena", broken);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"lmarena_text_leaderboard_history.csv:8:{Array.IndexOf(header, "arena_score") + 1}: 'arena_score': expected a number");
        run.Error.ShouldContain("nothing was imported");
        store.Facts("--metric", "arena-score").Count.ShouldBe(before);
    }

    [Fact]
    public void A_broken_rankings_file_names_the_json_path()
    {
        var text = File.ReadAllText(SharedDatasets.PathOf("openrouter/rankings/openrouter-usage_2026-05-30.json"))
            .Replace("\"google/gemini-2.0-flash-001\": 39106150800", "\"google/gemini-2.0-flash-001\": \"lots\"", StringComparison.Ordinal);
        var broken = Path.Combine(store.Folder, "openrouter-usage_2026-05-30.json");
        File.WriteAllText(broken, text);

        var run = store.Run("import", "openrouter-rankings", broken);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("$.weeks[0].byModel[\"google/gemini-2.0-flash-001\"]: expected a number");
    }

    private string Verdict(string note)
    {
        var path = Path.Combine(store.Folder, $"note-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, note + "\n");
        var run = store.Run("check", path, "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.GetProperty("claims").EnumerateArray()
            .Single(c => c.GetProperty("metric").GetString() == "arena-score").GetProperty("verdict").GetString()!;
    }

    private static int AddedOf(string summary)
    {
        // The summary table's row: │ dataset │ snapshot │ added │ unchanged │ …
        var row = summary.Split('\n').First(l => l.Contains("│ lmarena ", StringComparison.Ordinal) || l.Contains("│ openrouter-rankings ", StringComparison.Ordinal));
        return int.Parse(row.Split('│', StringSplitOptions.TrimEntries)[3], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }
}
