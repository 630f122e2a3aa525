using System.Globalization;
using Almanac.Charts;
using Almanac.Reports;
using Almanac.Reports.Market;
using Almanac.Storage;
using Almanac.Text;

namespace Almanac.Tests.Reports;

[Collection(SharedReportStore.Name)]
public sealed class MarketReportTests(ReportStore fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private ReportDocument Build(Language language = Language.En, DateOnly? asOf = null) =>
        MarketReport.Build(ReportKnowledge.Load(fixture.Store, asOf), language, asOf, Now);

    private static Chart ChartOf(ReportDocument report, string id) =>
        report.Charts.SingleOrDefault(c => c.Id == id) ?? throw new ShouldAssertException($"no chart '{id}' in: {string.Join(", ", report.Charts.Select(c => c.Id))}");

    private static List<Dictionary<string, object?>> Rows(Chart chart) =>
        chart.Data.Rows.Select(r => chart.Data.Fields.Select((f, i) => (f.Name, r[i])).ToDictionary(p => p.Name, p => p.Item2)).ToList();

    [Fact]
    public void Usage_share_over_time_shows_the_four_big_providers_with_their_sourced_shares()
    {
        var chart = ChartOf(Build(), "share-usage");
        var rows = Rows(chart);

        rows.Select(r => (string)r["provider"]!).ShouldContain("Anthropic");
        rows.Select(r => (string)r["provider"]!).ShouldContain("OpenAI");
        rows.Select(r => (string)r["provider"]!).ShouldContain("Google");
        rows.Select(r => (string)r["provider"]!).ShouldContain("Meta");

        // Each provider's share at each survey is a usage-share fact in the store, at that period.
        var facts = fixture.Store.Facts(new FactQuery(MetricId: "market-share"))
            .Where(f => f.Fact.Scope.Canonical == "basis=usage;market=enterprise-llm-api")
            .ToList();
        foreach (var row in rows.Where(r => r["period"] is not null))
        {
            facts.ShouldContain(
                f => f.EntityName.En == (string)row["provider"]! && f.Fact.Period.ToString() == (string)row["period"]! && f.Fact.Value.Quantity!.Value.Value == (decimal)row["share"]!,
                $"no usage-share fact for {row["provider"]} at {row["period"]} = {row["share"]}");
        }
    }

    [Fact]
    public void Each_survey_adds_up_to_a_hundred_with_the_unassigned_part_shown_as_other()
    {
        var rows = Rows(ChartOf(Build(), "share-usage"));

        foreach (var survey in rows.GroupBy(r => (string)r["moment"]!))
        {
            survey.Sum(r => (decimal)r["share"]!).ShouldBe(100m, survey.Key);
        }

        rows.ShouldContain(r => (string)r["provider"]! == "Other or not reported");
    }

    [Fact]
    public void Usage_and_spend_shares_are_separate_charts_never_mixed()
    {
        var report = Build();
        var spend = Rows(ChartOf(report, "share-spend"));
        var spendFacts = fixture.Store.Facts(new FactQuery(MetricId: "market-share"))
            .Where(f => f.Fact.Scope.Canonical == "basis=spend;market=enterprise-llm-api")
            .ToList();

        foreach (var row in spend.Where(r => r["period"] is not null))
        {
            spendFacts.ShouldContain(f => f.EntityName.En == (string)row["provider"]! && f.Fact.Value.Quantity!.Value.Value == (decimal)row["share"]!);
        }

        report.Sections.Single(s => s.Id == "shares").Definitions.Select(d => d.Term).ShouldBe(["usage share", "spend share"]);
    }

    [Fact]
    public void Every_chart_has_a_title_units_a_source_line_and_sources_listed_in_the_report()
    {
        var report = Build();

        report.Charts.Count().ShouldBeGreaterThanOrEqualTo(12);
        foreach (var chart in report.Charts)
        {
            chart.Text.Title.ShouldNotBeNullOrWhiteSpace(chart.Id);
            chart.Text.Subtitle.ShouldNotBeNullOrWhiteSpace(chart.Id);
            chart.Text.SourceLine.ShouldStartWith("Source: ", customMessage: chart.Id);
            chart.Text.SourceLine.ShouldEndWith(", via Almanac", customMessage: chart.Id);
            chart.Sources.ShouldNotBeEmpty(chart.Id);
            chart.Sources.ShouldAllBe(s => report.Sources.Contains(s), chart.Id);
            chart.Sources.ShouldAllBe(s => chart.Text.SourceLine.Contains(s.Publisher, StringComparison.Ordinal), chart.Id);
        }
    }

    [Fact]
    public void The_article_analysis_the_landscape_and_china_are_all_there()
    {
        var ids = Build().Charts.Select(c => c.Id).ToList();

        ids.ShouldContain("coding-share");
        ids.ShouldContain("open-source-share");
        ids.ShouldContain("switching");
        ids.ShouldContain("spend-llm-api");
        ids.ShouldContain("inference");
        ids.ShouldContain("release-timeline");
        ids.ShouldContain("price-vs-release");
        ids.ShouldContain("context-vs-release");
        ids.ShouldContain("open-weights-by-quarter");
        ids.ShouldContain("price-by-tier");
        ids.ShouldContain("china-market-size");
        ids.ShouldContain(id => id.StartsWith("china-share-tokens-", StringComparison.Ordinal));
    }

    [Fact]
    public void Switching_is_one_survey_question_whose_answers_are_its_parts()
    {
        var rows = Rows(ChartOf(Build(), "switching"));

        rows.Select(r => (string)r["period"]!).Distinct().Count().ShouldBe(1);
        rows.Sum(r => (decimal)r["share"]!).ShouldBe(100m);
    }

    [Fact]
    public void As_of_a_date_the_report_shows_only_what_was_published_by_then()
    {
        var report = Build(asOf: new DateOnly(2025, 1, 1));

        var rows = Rows(ChartOf(report, "share-usage"));
        rows.Select(r => (string)r["moment"]!).Distinct().ShouldBe(["end 2023", "end 2024"]);
        report.Charts.ShouldNotContain(c => c.Id == "share-spend");
        report.Sections.Single(s => s.Id == "shares").Notes.ShouldContain(n => n.Contains("spend shares", StringComparison.Ordinal));
        report.Sources.ShouldAllBe(s => s.Published <= new DateOnly(2025, 1, 1));
    }

    [Fact]
    public void In_chinese_labels_are_chinese_and_money_is_in_yi()
    {
        var report = Build(Language.Zh);

        report.Title.ShouldBe("大模型市场全景");
        ChartOf(report, "share-usage").Text.SourceLine.ShouldStartWith("来源：");
        Rows(ChartOf(report, "share-usage")).Select(r => (string)r["provider"]!).ShouldContain("谷歌");
        ChartOf(report, "spend-llm-api").Data.Field("amount").Unit.ShouldBe("亿美元");
        ChartOf(report, "china-market-size").Data.Field("amount").Unit.ShouldBe("亿元");
    }

    [Fact]
    public void Amounts_are_scaled_not_changed()
    {
        var en = Rows(ChartOf(Build(Language.En), "spend-llm-api"));
        var zh = Rows(ChartOf(Build(Language.Zh), "spend-llm-api"));

        en.Count.ShouldBe(zh.Count);
        for (var i = 0; i < en.Count; i++)
        {
            ((decimal)zh[i]["amount"]! / 10).ShouldBe((decimal)en[i]["amount"]!); // 1 billion = 10 亿
        }
    }

    [Fact]
    public void Forecasts_are_checked_against_their_own_endpoints()
    {
        var table = Build().Sections.Single(s => s.Id == "forecasts").Tables.Single();

        table.Rows.ShouldNotBeEmpty();
        table.Rows.ShouldAllBe(r => r[5] == "consistent" || r[5] == "inconsistent" || r[5] == "no endpoints");
        table.SourceLine.ShouldStartWith("Source: ");
    }

    [Fact]
    public void An_empty_store_gives_a_report_that_says_what_is_missing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var store = Storage.Sqlite.SqliteKnowledgeStore.Open(Path.Combine(folder, "empty.db"));
            var report = MarketReport.Build(ReportKnowledge.Load(store, null), Language.En, null, Now);

            report.Charts.ShouldBeEmpty();
            report.Sections.SelectMany(s => s.Notes).ShouldNotBeEmpty();
            ReportHtml.Write(report).ShouldContain("holds no sourced");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_html_is_self_contained()
    {
        var html = ReportHtml.Write(Build());

        html.ShouldNotContain("<script src=");
        html.ShouldNotContain("<link rel=\"stylesheet\"");
        html.ShouldContain("vegaEmbed(");
        html.ShouldContain("<figure class=\"chart\" id=\"chart-share-usage\">");
        html.Split("<figure class=\"chart\"").Length.ShouldBe(Build().Charts.Count() + 1);
        html.ShouldContain(Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Zh)]
    public void No_legend_cuts_a_real_label(Language language)
    {
        // Every series a legend shows, across the whole report, with the limit its chart's legend carries.
        var legends = Build(language).Charts.SelectMany(Legends).ToList();
        legends.ShouldNotBeEmpty();
        legends.SelectMany(l => l.Labels).ShouldContain(language == Language.En ? "upgraded within the same provider" : "在同一厂商内升级模型");

        foreach (var (chart, limit, labels) in legends)
        {
            foreach (var label in labels)
            {
                // A floor no real font undercuts at 11 px: 0.5 em a character, a full em for CJK.
                var floor = label.Sum(c => c >= '\u2E80' ? 11.0 : 5.5);
                limit.ShouldBeGreaterThanOrEqualTo(floor, $"{chart}: '{label}'");
            }
        }
    }

    private static IEnumerable<(string Chart, double Limit, List<string> Labels)> Legends(Chart chart)
    {
        foreach (var colour in Nodes(chart.Spec).OfType<System.Text.Json.Nodes.JsonObject>().Where(o => o["type"]?.ToString() == "nominal" && o["legend"] is not null && o["sort"] is System.Text.Json.Nodes.JsonArray))
        {
            var limit = colour["legend"]!["labelLimit"]?.GetValue<int>() ?? 160;
            yield return (chart.Id, limit, colour["sort"]!.AsArray().Select(n => n!.GetValue<string>()).ToList());
        }
    }

    private static IEnumerable<System.Text.Json.Nodes.JsonNode> Nodes(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                yield return o;
                foreach (var child in o.Select(p => p.Value).SelectMany(Nodes))
                {
                    yield return child;
                }

                break;
            case System.Text.Json.Nodes.JsonArray a:
                foreach (var child in a.SelectMany(Nodes))
                {
                    yield return child;
                }

                break;
        }
    }
}
