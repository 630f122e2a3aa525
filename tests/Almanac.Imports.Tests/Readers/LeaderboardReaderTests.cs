using System.Globalization;
using System.Text.Json;
using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Imports;
using Almanac.Imports.Readers;
using Almanac.Knowledge;

namespace Almanac.Tests.Imports.Readers;

public sealed class LeaderboardReaderTests
{
    private static readonly Scope Text = Scope.Of([KeyValuePair.Create("benchmark", "lmarena-text")]);

    private static IReadOnlyList<DatasetSnapshot> Arena(string relative) =>
        LmArenaReader.Read(DatasetInput.FromPath(SharedData.PathOf(relative)), null);

    private static IReadOnlyList<DatasetSnapshot> ArenaText(string csv, string fileName) =>
        LmArenaReader.Read(DatasetInput.FromStream(fileName, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv))), null);

    [Fact]
    public void The_history_is_one_snapshot_per_day_in_date_order_with_every_row()
    {
        var lines = File.ReadAllLines(SharedData.PathOf("lmarena/lmarena_text_leaderboard_history.csv")).Skip(1).ToList();
        var snapshots = Arena("lmarena/lmarena_text_leaderboard_history.csv");

        snapshots.Select(s => s.Version).ShouldBe(lines.Select(l => l.Split(',')[0]).Distinct().Order(StringComparer.Ordinal).ToList());
        snapshots.Sum(s => s.Records.Count).ShouldBe(lines.Count);
        var first = snapshots[0].Record("GPT-4o-2024-05-13");
        var row = lines.First(l => l.StartsWith("2024-06-19,", StringComparison.Ordinal) && l.Contains(",GPT-4o-2024-05-13,", StringComparison.Ordinal)).Split(',');
        first.Amount("arena-score", Text).ShouldBe(decimal.Parse(row[6], CultureInfo.InvariantCulture));
        first.Values.Single(v => v.MetricId == "arena-score").Note.ShouldBe($"95% CI {row[7]}");
        first.Amount("arena-votes", Text).ShouldBe(decimal.Parse(row[8], CultureInfo.InvariantCulture));
        first.Organization.ShouldBe("OpenAI");
    }

    [Fact]
    public void A_day_file_is_dated_by_its_name_and_scoped_to_its_arena()
    {
        var vision = Arena("lmarena/lmarena_vision_2025-08-06.csv").ShouldHaveSingleItem();

        vision.Date.ShouldBe(new DateOnly(2025, 8, 6));
        vision.Version.ShouldBe("vision-2025-08-06");
        vision.Records[0].Values.ShouldAllBe(v => v.Scope!["benchmark"] == "lmarena-vision");
        vision.Records[0].Values.ShouldContain(v => v.MetricId == "arena-rank" && v.Scope!["variant"] == "style-control");
    }

    [Fact]
    public void A_row_repeated_with_the_same_figures_is_one_entry()
    {
        var lines = File.ReadAllLines(SharedData.PathOf("lmarena/lmarena_text_2025-08-06.csv"));
        var text = Arena("lmarena/lmarena_text_2025-08-06.csv").ShouldHaveSingleItem();

        text.Records.Count.ShouldBe(lines.Skip(1).Select(l => l.Split(',')[2]).Distinct().Count());
        text.Records.Count.ShouldBeLessThan(lines.Length - 1);
    }

    [Fact]
    public void The_first_snapshots_arena_elo_column_is_the_score()
    {
        var snapshot = ArenaText("rank,model,arena_elo,95_pct_ci,votes,organization\n1,GPT-4o-2024-05-13,1287,+3/-3,42046,OpenAI\n", "lmarena_text_2024-06-19.csv").ShouldHaveSingleItem();

        snapshot.Record("GPT-4o-2024-05-13").Amount("arena-score", Text).ShouldBe(1287m);
    }

    [Fact]
    public void A_model_twice_on_a_day_with_other_figures_is_an_error_naming_both_lines()
    {
        var error = Should.Throw<DiagnosticException>(() => ArenaText(
            "rank,model,arena_score,95_pct_ci,votes\n1,GPT-4o,1287,+3/-3,10\n2,GPT-4o,1280,+3/-3,10\n", "lmarena_text_2024-06-19.csv")).Diagnostic;

        error.Location.ToString().ShouldBe("line 3, column 2");
        error.Message.ShouldContain("also on line 2");
    }

    [Fact]
    public void A_bad_interval_names_its_line_and_column()
    {
        var error = Should.Throw<DiagnosticException>(() => ArenaText(
            "rank,model,arena_score,95_pct_ci,votes\n1,GPT-4o,1287,about 3,10\n", "lmarena_text_2024-06-19.csv")).Diagnostic;

        error.Location.ToString().ShouldBe("line 2, column 4");
        error.Message.ShouldContain("'95_pct_ci'");
    }

    [Fact]
    public void Rankings_give_each_listed_model_its_weekly_tokens_and_share_and_leave_others_out()
    {
        var path = SharedData.PathOf("openrouter/rankings/openrouter-usage_2026-05-30.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var snapshot = SharedData.Read("openrouter/rankings/openrouter-usage_2026-05-30.json", (s, f) => OpenRouterRankingsReader.Read(s, f));
        var weeks = json.RootElement.GetProperty("weeks").EnumerateArray().ToList();
        var ids = weeks.SelectMany(w => w.GetProperty("byModel").EnumerateObject().Select(m => m.Name)).Where(n => n != "Others").Distinct().ToList();

        snapshot.Date.ShouldBe(new DateOnly(2026, 5, 30));
        snapshot.Records.Where(r => r.Subject == EntityKind.Model).Select(r => r.Key).Order(StringComparer.Ordinal).ShouldBe(ids.Order(StringComparer.Ordinal));
        snapshot.Records.ShouldNotContain(r => r.Key == "Others");
        snapshot.Records.ShouldNotContain(r => r.Key == "developers/openrouter");
        snapshot.Records.ShouldContain(r => r.Key == "developers/meta");
        snapshot.Records.ShouldContain(r => r.Key == "developers/zhipu-ai");

        var week = weeks[^1];
        var byModel = week.GetProperty("byModel").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetDecimal());
        var (top, tokens) = byModel.Where(m => m.Key != "Others").MaxBy(m => m.Value);
        var monday = DateOnly.Parse(week.GetProperty("week").GetString()!, CultureInfo.InvariantCulture);
        var values = snapshot.Record(top).Values.Where(v => v.Period!.Value.Start == monday).ToList();
        values.Single(v => v.MetricId == "tokens-processed").Value.Quantity!.Value.Value.ShouldBe(tokens);
        var share = values.Single(v => v.MetricId == "market-share");
        share.Value.Quantity!.Value.Value.ShouldBe(Math.Round(tokens / byModel.Values.Sum() * 100, 2, MidpointRounding.AwayFromZero));
        share.Obtained.ShouldBe(Obtained.Estimated);
        share.Period!.Value.End.ShouldBe(monday.AddDays(6));
    }

    [Fact]
    public void The_free_tier_is_kept_apart_from_the_paid_one()
    {
        var snapshot = SharedData.Read("openrouter/rankings/openrouter-usage_2026-05-30.json", (s, f) => OpenRouterRankingsReader.Read(s, f));

        snapshot.Record("stepfun/step-3.5-flash:free").Values.ShouldAllBe(v => v.Scope!["variant"] == "free");
        snapshot.Record("stepfun/step-3.5-flash").Values.ShouldAllBe(v => v.Scope!["variant"] == null);
    }
}
