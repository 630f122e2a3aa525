using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Reports;
using Almanac.Reports.Market;
using Almanac.Storage;
using Almanac.Text;

namespace Almanac.Tests.Reports;

/// <summary>The report's company timelines, leaderboards and OpenRouter token share, over the shared store.</summary>
[Collection(SharedReportStore.Name)]
public sealed class MarketViewsReportTests(ReportStore fixture)
{
    private ReportDocument Build(Language language = Language.En) =>
        MarketReport.Build(ReportKnowledge.Load(fixture.Store, null), language, null, ReportStore.LoadedAt);

    private static Chart ChartOf(ReportDocument report, string id) =>
        report.Charts.SingleOrDefault(c => c.Id == id) ?? throw new ShouldAssertException($"no chart '{id}' in: {string.Join(", ", report.Charts.Select(c => c.Id))}");

    private static List<Dictionary<string, object?>> Rows(Chart chart) =>
        chart.Data.Rows.Select(r => chart.Data.Fields.Select((f, i) => (f.Name, r[i])).ToDictionary(p => p.Name, p => p.Item2)).ToList();

    [Fact]
    public void Anthropic_timeline_draws_each_closed_round_valuation_with_its_sources_and_leaves_rounds_in_talks_out()
    {
        var rows = Rows(ChartOf(Build(), "company-anthropic"));
        var valuations = rows.Where(r => (string)r["measure"]! == "Valuation").ToList();

        // Every closed-round valuation of Anthropic in the store is a point, in US$ billion; none with a status.
        var stored = fixture.Store.Facts(new FactQuery(EntityIds: ["anthropic"], MetricId: "valuation"))
            .Where(f => f.Fact.Scope["status"] is null)
            .Select(f => f.Fact.Value.Quantity!.Value.Value / 1e9m)
            .Distinct()
            .Order()
            .ToList();
        valuations.Select(r => (decimal)r["amount"]!).Order().ShouldBe(stored);
        stored.ShouldContain(61.5m);
        stored.ShouldContain(183m);
        fixture.Store.Facts(new FactQuery(EntityIds: ["anthropic"], MetricId: "valuation")).ShouldContain(f => f.Fact.Scope["status"] == "in-talks");

        var seriesE = valuations.Single(r => (string?)r["round"] == "Series E");
        seriesE["amount"].ShouldBe(61.5m);
        seriesE["date"].ShouldBe(new DateOnly(2025, 3, 3));
        var seriesF = valuations.Single(r => (string?)r["round"] == "Series F");
        seriesF["amount"].ShouldBe(183m);
        // The company's announcement and the row Epoch AI compiled state the same figure: one point, both sources.
        ((string)seriesF["publisher"]!).Split("; ").ShouldBe(["CNBC", "Anthropic"], ignoreOrder: true);
        ((string)seriesF["title"]!).ShouldContain(MarketViewFacts.EpochAnthropicRow.Title);
        seriesF["agreement"].ShouldBe("sources agree");

        // Run-rates are drawn too, "more than" kept as stated.
        rows.ShouldContain(r => (string)r["measure"]! == "Revenue run-rate" && (decimal)r["amount"]! == 5m && (string)r["period"]! == "2025-08");
    }

    [Fact]
    public void The_arena_chart_follows_the_top_eight_models_of_the_latest_snapshot_on_both_snapshots()
    {
        var rows = Rows(ChartOf(Build(), "arena-frontier"));

        var expected = MarketViewFacts.Arena.OrderByDescending(a => a.Latest).Take(8).ToList();
        rows.Select(r => (string)r["model"]!).Distinct().Count().ShouldBe(8);
        rows.Where(r => (DateOnly)r["date"]! == MarketViewFacts.ArenaLatest).Select(r => (decimal)r["score"]!).ShouldBe(expected.Select(a => a.Latest), ignoreOrder: true);
        rows.Where(r => (DateOnly)r["date"]! == MarketViewFacts.ArenaEarlier).Select(r => (decimal)r["score"]!).ShouldBe(expected.Select(a => a.Earlier), ignoreOrder: true);
        rows.ShouldAllBe(r => (string?)r["interval"] == "95% CI +4/-4");
        ((string)rows[0]["source"]!).ShouldContain("LMArena (lmarena.ai) text leaderboard, snapshot");
    }

    [Fact]
    public void The_token_share_chart_shows_every_week_with_lower_bounds_as_such_beside_the_survey_shares()
    {
        var report = Build();
        var rows = Rows(ChartOf(report, "openrouter-token-share"));

        rows.Count.ShouldBe(MarketViewFacts.TokenShares.Length);
        foreach (var (developer, monday, percent) in MarketViewFacts.TokenShares)
        {
            rows.ShouldContain(r => (string)r["developer"]! == developer && (DateOnly)r["week"]! == monday && (decimal)r["share"]! == percent && (string)r["stated"]! == $"at least {percent}%");
        }

        var section = report.Sections.Single(s => s.Id == "token-share");
        section.Definitions.Select(d => d.Term).ShouldBe(["token share (OpenRouter)", "usage share", "spend share"]);
        var table = section.Tables.Single();
        table.Header.Count.ShouldBe(4);
        table.Header[1].ShouldContain("token share (OpenRouter)");
        table.Header[2].ShouldStartWith("usage share");
        table.Header[3].ShouldStartWith("spend share");
        // Anthropic's latest week (at least 30%) sits beside its survey shares, each as the survey states it.
        var anthropic = table.Rows.Single(r => r[0] == "Anthropic");
        anthropic[1].ShouldBe("at least 30%");
        anthropic[2].ShouldEndWith("%");
        anthropic[3].ShouldEndWith("%");
        table.SourceLine.ShouldContain("OpenRouter");
        table.SourceLine.ShouldContain("Menlo Ventures");
    }

    [Fact]
    public void A_benchmark_table_ranks_models_with_evaluator_and_source_per_cell()
    {
        var table = Build().Sections.Single(s => s.Id == "leaderboards").Tables.Single(t => t.Caption.StartsWith("GPQA Diamond", StringComparison.Ordinal));

        var own = MarketViewFacts.Gpqa.Where(g => g.Evaluator == "epoch-ai").OrderByDescending(g => g.Percent).ToList();
        table.Rows.Count.ShouldBe(own.Count);
        table.Rows[0][2].ShouldBe($"{own[0].Percent}% ± {own[0].Stderr}");
        table.Rows[0][5].ShouldContain("Epoch AI, Benchmarking Hub");
        var gpt4o = table.Rows.Single(r => r[2].StartsWith("53.6%", StringComparison.Ordinal) || r[2].StartsWith("50.8%", StringComparison.Ordinal));
        // The external evaluator's higher score leads the row; Epoch AI's own run stays beside it.
        gpt4o[2].ShouldBe("53.6%");
        gpt4o[3].ShouldBe("stanford-crfm");
        gpt4o[6].ShouldBe("epoch-ai: 50.8%");
    }

    [Fact]
    public void Views_without_data_say_so_instead_of_drawing()
    {
        var entities = fixture.Store.Entities().ToDictionary(e => e.Id, StringComparer.Ordinal);
        var report = MarketReport.Build(new ReportKnowledge(entities, [], [], []), Language.En, null, ReportStore.LoadedAt);

        foreach (var id in new[] { "companies", "token-share", "leaderboards" })
        {
            var section = report.Sections.Single(s => s.Id == id);
            section.Charts.ShouldBeEmpty();
            section.Notes.ShouldNotBeEmpty();
            section.Notes.ShouldAllBe(n => n.StartsWith("The knowledge base holds no sourced", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_companies_view_draws_every_company_and_the_leaderboards_view_its_two_sections()
    {
        var knowledge = ReportKnowledge.Load(fixture.Store, null);
        var companies = MarketReport.BuildView(knowledge, MarketView.Companies, Language.Zh, null, ReportStore.LoadedAt);
        companies.Sections.Select(s => s.Id).ShouldBe(["companies"]);
        companies.Charts.Select(c => c.Id).ShouldContain("company-anthropic");
        companies.Charts.Select(c => c.Id).ShouldContain("company-openai");
        companies.Charts.Select(c => c.Id).ShouldContain("company-mistral-ai");
        Rows(companies.Charts.Single(c => c.Id == "company-anthropic")).ShouldContain(r => (string?)r["round"] == "F轮");
        companies.Sources.ShouldContain(MarketViewFacts.EpochAnthropicRow);

        var boards = MarketReport.BuildView(knowledge, MarketView.Leaderboards, Language.En, null, ReportStore.LoadedAt);
        boards.Sections.Select(s => s.Id).ShouldBe(["leaderboards", "token-share"]);
        boards.Charts.Select(c => c.Id).ShouldBe(["arena-frontier", "openrouter-token-share"]);
    }
}
