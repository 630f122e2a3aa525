using Almanac.Analytics;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Tests.Analytics;

public sealed class MarketViewsTests
{
    private static readonly Source SeriesF = Doc("anthropic-series-f", "Anthropic", 2025, 9, 2);
    private static readonly Source SeriesE = Doc("anthropic-series-e", "Anthropic", 2025, 3, 3);
    private static readonly Source Epoch = Doc("epoch-row-1", "Epoch AI", 2025, 9, 10);
    private static readonly Source News = Doc("news", "Reuters", 2025, 9, 12);
    private static readonly Source Arena1 = Doc("arena-1", "LMArena", 2025, 6, 1);
    private static readonly Source Arena2 = Doc("arena-2", "LMArena", 2025, 9, 1);
    private static readonly Source Rankings = Doc("openrouter-rankings", "OpenRouter", 2025, 10, 1);

    private static Source Doc(string id, string publisher, int y, int m, int d) =>
        new(id, publisher, id + " title", new Uri("https://example.org/" + id), new DateOnly(y, m, d), SourceKind.Primary);

    private static SourcedFact F(string entity, string metric, string period, decimal value, Unit unit, Source source, Qualifier qualifier = Qualifier.Exact, Obtained obtained = Obtained.Announced, string? note = null, params (string Key, string Value)[] scope)
    {
        Period.TryParseCanonical(period, out var p).ShouldBeTrue(period);
        var fact = new Fact(entity, metric, Scope.Of(scope.Select(s => KeyValuePair.Create(s.Key, s.Value))), p, FactValue.Of(Quantity.Of(value, unit, qualifier)), obtained, source.Id, null, Note: note);
        return new SourcedFact(fact, source);
    }

    [Fact]
    public void A_company_timeline_merges_agreeing_sources_and_keeps_differing_ones_marked()
    {
        var facts = new[]
        {
            F("anthropic", "valuation", "@2025-09-02", 183e9m, Unit.Usd, SeriesF, scope: ("round", "series-f")),
            F("anthropic", "valuation", "2025-09", 183e9m, Unit.Usd, Epoch, obtained: Obtained.Reported, scope: ("round", "series-f")),
            F("anthropic", "valuation", "@2025-03-03", 61.5e9m, Unit.Usd, SeriesE, scope: ("round", "series-e")),
            F("anthropic", "valuation", "@2025-03-03", 60e9m, Unit.Usd, News, Qualifier.About, Obtained.Reported, scope: ("round", "series-e")),
            // Not a closed round, not the company as a whole, not a stated figure: all left out.
            F("anthropic", "valuation", "@2025-10-01", 350e9m, Unit.Usd, News, obtained: Obtained.Reported, scope: [("round", "series-g"), ("status", "in-talks")]),
            F("anthropic", "revenue-run-rate", "@2025-09-02", 1e9m, Unit.Usd, SeriesF, scope: ("segment", "coding")),
            F("anthropic", "revenue-run-rate", "@2026-01-01", 9e9m, Unit.Usd, News, Qualifier.Forecast),
            F("anthropic", "revenue-run-rate", "2025-08", 5e9m, Unit.Usd, SeriesF, Qualifier.MoreThan),
            F("anthropic", "revenue-run-rate", "2025-08", 5e9m, Unit.Usd, News, Qualifier.MoreThan, Obtained.Reported),
            F("anthropic", "revenue-run-rate", "@2024-01-01", 87e6m, Unit.Usd, SeriesF),
            F("openai", "valuation", "@2025-03-31", 300e9m, Unit.Usd, News),
        };

        var timeline = CompanyTimelines.For("anthropic", facts);

        timeline.Points.Select(p => $"{p.MetricId} {p.At:yyyy-MM-dd} {p.Amount} {p.Qualifier} {p.Round} {string.Join("+", p.Sources.Select(s => s.Id))} {(p.Disputed ? "disputed" : "agreed")}").ShouldBe(
        [
            "revenue-run-rate 2024-01-01 87000000 Exact  anthropic-series-f agreed",
            "valuation 2025-03-03 60000000000 About series-e news disputed",
            "valuation 2025-03-03 61500000000 Exact series-e anthropic-series-e disputed",
            "revenue-run-rate 2025-08-31 5000000000 MoreThan  news+anthropic-series-f agreed",
            // The announcement's day dates the merged point, not Epoch's month.
            "valuation 2025-09-02 183000000000 Exact series-f epoch-row-1+anthropic-series-f agreed",
        ]);
        timeline.LatestValuation!.Round.ShouldBe("series-f");
        timeline.Sources.Select(s => s.Id).ShouldBe(["anthropic-series-e", "anthropic-series-f", "epoch-row-1", "news"]);

        CompanyTimelines.Build(facts, id => id != "openai").Select(t => t.EntityId).ShouldBe(["anthropic"]);
    }

    [Fact]
    public void A_company_timeline_keeps_each_currency_apart()
    {
        var facts = new[]
        {
            F("mistral-ai", "valuation", "@2025-09-09", 11.7e9m, Unit.Eur, Epoch, scope: ("round", "series-c")),
            F("mistral-ai", "valuation", "2025-09", 14e9m, Unit.Usd, News, Qualifier.Nearly, scope: ("round", "series-c")),
        };

        var points = CompanyTimelines.For("mistral-ai", facts).Points;

        // Euros and dollars are different statements, not a disagreement, and are never converted here.
        points.Select(p => $"{p.Currency} {p.Amount} {p.Disputed}").ShouldBe(["EUR 11700000000 False", "USD 14000000000 False"]);
    }

    [Fact]
    public void The_arena_leaderboard_follows_the_top_models_of_the_latest_snapshot_on_every_snapshot()
    {
        var arena = ("benchmark", "lmarena-text");
        var facts = new List<SourcedFact>
        {
            F("model-a", "arena-score", "@2025-06-01", 1300, Unit.Score, Arena1, obtained: Obtained.Reported, note: "95% CI +3/-4", scope: arena),
            F("model-b", "arena-score", "@2025-06-01", 1310, Unit.Score, Arena1, obtained: Obtained.Reported, scope: arena),
            F("model-c", "arena-score", "@2025-06-01", 1350, Unit.Score, Arena1, obtained: Obtained.Reported, scope: arena),
            F("model-a", "arena-score", "@2025-09-01", 1420, Unit.Score, Arena2, obtained: Obtained.Reported, scope: arena),
            F("model-b", "arena-score", "@2025-09-01", 1400, Unit.Score, Arena2, obtained: Obtained.Reported, scope: arena),
            F("model-c", "arena-score", "@2025-09-01", 1380, Unit.Score, Arena2, obtained: Obtained.Reported, scope: arena),
            // The style-controlled ranking is another leaderboard.
            F("model-c", "arena-score", "@2025-09-01", 1500, Unit.Score, Arena2, obtained: Obtained.Reported, scope: [arena, ("variant", "style-control")]),
        };

        var board = Leaderboards.Arena(facts, top: 2);

        board.Snapshots.ShouldBe([new DateOnly(2025, 6, 1), new DateOnly(2025, 9, 1)]);
        board.Frontier.ShouldBe(["model-a", "model-b"]);
        board.Scores.Select(s => $"{s.ModelId} {s.Snapshot:MM} {s.Score}").ShouldBe(["model-a 06 1300", "model-b 06 1310", "model-a 09 1420", "model-b 09 1400"]);
        board.Of("model-a")[0].Interval.ShouldBe("95% CI +3/-4");
        Leaderboards.Arena([]).Frontier.ShouldBeEmpty();
    }

    [Fact]
    public void A_benchmark_table_ranks_models_by_their_best_latest_run_and_keeps_other_evaluators_beside()
    {
        (string, string) Gpqa(string evaluator) => ("evaluator", evaluator);
        var facts = new[]
        {
            F("model-a", "benchmark-score", "@2025-05-01", 70, Unit.Percent, Epoch, obtained: Obtained.Reported, scope: [("benchmark", "gpqa-diamond"), Gpqa("epoch-ai")]),
            F("model-a", "benchmark-score", "@2025-08-01", 75, Unit.Percent, Epoch, obtained: Obtained.Reported, scope: [("benchmark", "gpqa-diamond"), Gpqa("epoch-ai")]),
            F("model-a", "benchmark-stderr", "@2025-08-01", 1.5m, Unit.PercentagePoints, Epoch, obtained: Obtained.Reported, scope: [("benchmark", "gpqa-diamond"), Gpqa("epoch-ai")]),
            F("model-a", "benchmark-score", "@2025-07-01", 72, Unit.Percent, News, obtained: Obtained.Reported, scope: [("benchmark", "gpqa-diamond"), Gpqa("stanford-crfm")]),
            F("model-b", "benchmark-score", "@2025-08-01", 80, Unit.Percent, Epoch, obtained: Obtained.Reported, scope: [("benchmark", "gpqa-diamond"), Gpqa("epoch-ai")]),
            F("model-c", "benchmark-score", "@2025-08-01", 90, Unit.Percent, Epoch, obtained: Obtained.Reported, scope: [("benchmark", "mmlu"), Gpqa("epoch-ai")]),
        };

        var table = Leaderboards.Benchmark(facts, "gpqa-diamond");

        table.Rows.Select(r => $"{r.ModelId} {r.Score} {r.Evaluator} {r.StandardError}").ShouldBe(["model-b 80 epoch-ai ", "model-a 75 epoch-ai 1.5"]);
        table.Rows[1].Others.Select(o => $"{o.Evaluator} {o.Score}").ShouldBe(["stanford-crfm 72"]);
        table.Sources.Select(s => s.Id).ShouldBe(["epoch-row-1", "news"]);
    }

    [Fact]
    public void Weekly_token_shares_keep_every_week_and_lower_bounds_as_such()
    {
        (string, string)[] tokens = [("basis", "tokens"), ("segment", "openrouter")];
        var facts = new[]
        {
            F("anthropic", "market-share", "2025-09-01/2025-09-07", 30, Unit.Percent, Rankings, Qualifier.AtLeast, Obtained.Estimated, "summed from the top models", tokens),
            F("google", "market-share", "2025-09-01/2025-09-07", 25, Unit.Percent, Rankings, Qualifier.AtLeast, Obtained.Estimated, scope: tokens),
            F("anthropic", "market-share", "2025-09-08/2025-09-14", 28, Unit.Percent, Rankings, Qualifier.AtLeast, Obtained.Estimated, scope: tokens),
            F("google", "market-share", "2025-09-08/2025-09-14", 31, Unit.Percent, Rankings, Qualifier.AtLeast, Obtained.Estimated, scope: tokens),
            // A survey share is another measure; an upper bound says too little.
            F("anthropic", "market-share", "2025", 40, Unit.Percent, News, obtained: Obtained.Survey, scope: [("basis", "spend"), ("market", "enterprise-llm-api")]),
            F("meta", "market-share", "2025-09-08/2025-09-14", 5, Unit.Percent, Rankings, Qualifier.AtMost, Obtained.Estimated, scope: tokens),
        };

        var series = WeeklyShares.Build(facts);

        // Two weeks seven days apart stay two moments (survey shares within a month would be one).
        series.Weeks.Select(w => w.ToString()).ShouldBe(["2025-09-01/2025-09-07", "2025-09-08/2025-09-14"]);
        series.Shares.Select(s => $"{s.EntityId} {s.Week.End:dd} {s.Percent} {s.IsLowerBound}").ShouldBe(["anthropic 07 30 True", "google 07 25 True", "google 14 31 True", "anthropic 14 28 True"]);
        series.Entities.ShouldBe(["google", "anthropic"]);
        series.Of("anthropic")[0].Note.ShouldBe("summed from the top models");
    }
}
