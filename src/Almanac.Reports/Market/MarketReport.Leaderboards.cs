using System.Globalization;
using Almanac.Analytics;
using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Quantities;
using Almanac.Usage;

namespace Almanac.Reports.Market;

// Leaderboards (LMArena, benchmark results), and OpenRouter's token share beside the survey shares and the organisation's own.
public sealed partial class MarketReport
{
    private const int BenchmarkRows = 10;
    private const int TokenShareDevelopers = 10;

    private ReportSection LeaderboardSection()
    {
        var section = new SectionBuilder(
            "leaderboards",
            _lang.T("Leaderboards", "模型排行榜"),
            _lang.T(
                $"LMArena text-arena scores over time for the {Analytics.Leaderboards.FrontierModels} models with the top scores on the latest snapshot, and the top models on each benchmark, each result with who evaluated it and its source.",
                $"最新快照中得分最高的 {Analytics.Leaderboards.FrontierModels} 个模型在 LMArena 文本竞技场上的得分变化，以及各基准测试的领先模型，每个结果注明评测方与来源。"));
        section.Define(_lang.T("Arena score", "竞技场得分"), _lang.T("LMArena's rating of a model from pairwise human votes on its text leaderboard (default ranking, not style-controlled); the 95% interval as LMArena gives it.", "LMArena 根据人类两两投票得出的模型评分（文本榜默认排名，非风格控制）；95% 置信区间按 LMArena 原文。"));
        section.Define(_lang.T("benchmark score", "基准测试得分"), _lang.T("percent of a benchmark's tasks solved in one evaluation run; different evaluators' runs are shown separately.", "一次评测中完成的基准任务百分比；不同评测方的结果分开列出。"));
        section.Add(ArenaChart(), NoData("Arena scores"));
        var tables = BenchmarkTables();
        foreach (var table in tables)
        {
            section.Add(table);
        }

        if (tables.Count == 0)
        {
            section.Note(NoData("benchmark results"));
        }

        return section.Build();
    }

    private Chart? ArenaChart()
    {
        var board = Analytics.Leaderboards.Arena(_knowledge.Facts);
        if (board.Scores.Count == 0)
        {
            return null;
        }

        var table = new ChartTable(
            new ChartField("date", _lang.T("Snapshot", "快照日期"), FieldType.Temporal),
            new ChartField("model", _lang.T("Model", "模型"), FieldType.Nominal),
            new ChartField("score", _lang.T("Arena score", "竞技场得分"), FieldType.Quantitative),
            new ChartField("interval", _lang.T("95% interval", "95% 区间"), FieldType.Nominal),
            new ChartField("source", _lang.T("Source", "来源"), FieldType.Nominal));
        foreach (var score in board.Scores)
        {
            table.Add(score.Snapshot, _lang.Name(score.ModelId), score.Score, score.Interval, Publishers([score.Source]));
        }

        var sources = board.Sources;
        var models = board.Frontier.Select((id, i) => new ChartSeries(_lang.Name(id), Palette[i % Palette.Length])).ToList();
        return Use(ChartSpec.Lines(
            "arena-frontier",
            Text(
                _lang.T("Arena score of the frontier models", "前沿模型的竞技场得分"),
                _lang.T($"LMArena text leaderboard; the top {board.Frontier.Count} on {_lang.Date(board.Latest!.Value)}", $"LMArena 文本榜；{_lang.Date(board.Latest!.Value)}得分前 {board.Frontier.Count} 的模型"),
                sources),
            table,
            new ChartEncoding("date", "score", "model", Series: models, YFromZero: false),
            sources));
    }

    private List<ReportTable> BenchmarkTables()
    {
        var scored = _knowledge.Facts.Where(f => f.Fact.MetricId == Analytics.Leaderboards.BenchmarkScoreMetric).Select(f => f.Fact.Scope["benchmark"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var tables = new List<ReportTable>();
        foreach (var benchmark in _knowledge.Entities.Values
            .Where(e => e.Kind == EntityKind.Benchmark && scored.Contains(e.Id))
            .OrderBy(e => e.Name.In(_lang.Code), StringComparer.Ordinal))
        {
            var result = Analytics.Leaderboards.Benchmark(_knowledge.Facts, benchmark.Id, BenchmarkRows);
            if (result.Rows.Count == 0)
            {
                continue;
            }

            var rows = result.Rows.Select((r, i) => (IReadOnlyList<string>)[
                (i + 1).ToString(CultureInfo.InvariantCulture),
                _lang.Name(r.ModelId),
                ReportLanguage.Number(r.Score) + "%" + (r.StandardError is { } se ? $" ± {ReportLanguage.Number(se)}" : string.Empty),
                r.Evaluator is { } ev ? _lang.Name(ev) : "–",
                _lang.Period(r.Period),
                Publishers([r.Source]),
                r.Others.Count == 0 ? "–" : string.Join("; ", r.Others.Select(o => $"{(o.Evaluator is { } e ? _lang.Name(e) : "–")}: {ReportLanguage.Number(o.Score)}%"))]).ToList();
            tables.Add(new ReportTable(
                _lang.T($"{benchmark.Name.In(_lang.Code)}: top models", $"{benchmark.Name.In(_lang.Code)}：领先模型"),
                [_lang.T("Rank", "排名"), _lang.T("Model", "模型"), _lang.T("Score", "得分"), _lang.T("Evaluator", "评测方"), _lang.T("Run", "评测日期"), _lang.T("Source", "来源"), _lang.T("Other evaluators", "其他评测方")],
                rows,
                SourcesLine(result.Sources)));
        }

        return tables;
    }

    private ReportSection TokenShares()
    {
        var section = new SectionBuilder(
            "token-share",
            _lang.T("OpenRouter token share by developer", "OpenRouter token 份额（按开发者）"),
            _lang.T(
                "Each developer's share of the tokens OpenRouter processed, week by week, beside the enterprise survey shares. The measures count different things on different populations; they stand side by side and are never averaged or merged.",
                "各开发者在 OpenRouter 每周处理 token 中的占比，与企业调研份额并列。各口径统计对象和样本不同，只并列展示，不做平均或合并。"));
        section.Define(_lang.T("token share (OpenRouter)", "token 份额（OpenRouter）"), _lang.T("the developer's share of all tokens OpenRouter's users sent and received in the week; where only a developer's top models are listed, the share is a lower bound (“at least”).", "该开发者的模型在当周 OpenRouter 用户收发的全部 token 中的占比；只统计其头部模型时，份额为下限（“至少”）。"));
        DefineBasis(section, "usage");
        DefineBasis(section, "spend");
        var series = WeeklyShares.Build(Providers());
        section.Add(TokenShareChart(series), NoData("OpenRouter token shares"));
        section.Add(BasesSideBySide(series));
        return section.Build();
    }

    private Chart? TokenShareChart(WeeklyShareSeries series)
    {
        if (series.Shares.Count == 0)
        {
            return null;
        }

        var developers = series.Entities.Take(TokenShareDevelopers).ToList();
        var table = new ChartTable(
            new ChartField("week", _lang.T("Week", "周"), FieldType.Temporal),
            new ChartField("developer", _lang.T("Developer", "开发者"), FieldType.Nominal),
            new ChartField("share", _lang.T("Token share", "token 份额"), FieldType.Quantitative, "%"),
            new ChartField("stated", _lang.T("As stated", "原文口径"), FieldType.Nominal),
            new ChartField("period", _lang.T("Period", "期间"), FieldType.Nominal),
            new ChartField("source", _lang.T("Source", "来源"), FieldType.Nominal));
        var shown = series.Shares.Where(s => developers.Contains(s.EntityId, StringComparer.Ordinal)).ToList();
        foreach (var share in shown)
        {
            table.Add(share.Week.Start, _lang.Name(share.EntityId), share.Percent, Stated(share.Percent, share.Qualifier), share.Week.ToString(), Publishers(share.Sources));
        }

        var sources = shown.SelectMany(s => s.Sources).DistinctBy(s => s.Id, StringComparer.Ordinal).ToList();
        var lowerBounds = shown.Any(s => s.IsLowerBound);
        return Use(ChartSpec.Lines(
            "openrouter-token-share",
            Text(
                _lang.T("OpenRouter token share by developer, weekly", "OpenRouter 每周 token 份额（按开发者）"),
                _lang.T("Percent of the week's tokens" + (lowerBounds ? "; “at least” where only top models are counted" : string.Empty), "占当周 token 的百分比" + (lowerBounds ? "；仅统计头部模型时为“至少”" : string.Empty)),
                sources),
            table,
            new ChartEncoding("week", "share", "developer", Series: developers.Select((d, i) => new ChartSeries(_lang.Name(d), Colour(d, i))).ToList()),
            sources));
    }

    /// <summary>One column of the side-by-side table: its heading, the developers it leads with, and each developer's figure on it.</summary>
    private sealed record ShareMeasure(string Heading, IReadOnlyList<string> Leaders, Func<string, (string Text, IReadOnlyList<Source> Sources)?> Of);

    /// <summary>
    /// Each developer's latest share on every measure the store holds, one column per measure: OpenRouter's
    /// tokens, the enterprise surveys' usage and spend, and the organisation's own logs (<c>usage publish</c>).
    /// Compared, never combined; shown when at least two measures have figures.
    /// </summary>
    private ReportTable? BasesSideBySide(WeeklyShareSeries tokens)
    {
        var measures = new List<ShareMeasure>();
        if (tokens.Shares.Count > 0)
        {
            var week = tokens.Weeks[^1];
            measures.Add(new ShareMeasure(
                $"{_lang.T("token share (OpenRouter)", "token 份额（OpenRouter）")}, {_lang.Period(week)}",
                tokens.Entities.Take(TokenShareDevelopers).ToList(),
                developer => tokens.Shares.FirstOrDefault(x => x.EntityId == developer && x.Week == week) is { } token ? (Stated(token.Percent, token.Qualifier), token.Sources) : null));
        }

        foreach (var basis in new[] { "usage", "spend" })
        {
            AddLatest(measures, ShareOverTime.Build(Providers(), new ShareQuery(EnterpriseApi, basis)), BasisName(basis));
        }

        foreach (var basis in OwnUsageBases)
        {
            AddLatest(measures, ShareOverTime.Build(Providers(), new ShareQuery(OwnUsage.Market, basis)), OwnShareName(basis));
        }

        if (measures.Count < 2)
        {
            return null;
        }

        var sources = new List<Source>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var developer in measures.SelectMany(m => m.Leaders).Distinct(StringComparer.Ordinal))
        {
            var row = new List<string> { _lang.Name(developer) };
            foreach (var measure in measures)
            {
                var figure = measure.Of(developer);
                row.Add(figure?.Text ?? "–");
                sources.AddRange(figure?.Sources ?? []);
            }

            rows.Add(row);
        }

        return new ReportTable(
            _lang.T($"The same developers on {measures.Count} measures", $"同一批开发者的 {measures.Count} 种口径"),
            [_lang.T("Developer", "开发者"), .. measures.Select(m => m.Heading)],
            rows,
            SourcesLine(sources.DistinctBy(s => s.Id, StringComparer.Ordinal)));
    }

    // The bases a published share of the organisation's own usage takes (usage publish --basis).
    private static readonly string[] OwnUsageBases = ["tokens", "requests", "spend"];

    private string OwnShareName(string basis) => basis switch
    {
        "tokens" => _lang.T("our share of tokens (own usage logs)", "自有日志 token 份额"),
        "requests" => _lang.T("our share of requests (own usage logs)", "自有日志请求份额"),
        _ => _lang.T("our share of spend (own usage logs)", "自有日志支出份额"),
    };

    /// <summary>Adds the latest moment of a series as a measure, when the series has one.</summary>
    private void AddLatest(List<ShareMeasure> measures, ShareSeries series, string name)
    {
        if (series.Moments.Count == 0)
        {
            return;
        }

        var at = series.Moments[^1];
        measures.Add(new ShareMeasure(
            $"{name}, {_lang.Moment(at)}",
            series.Observations.Where(o => o.At == at).Select(o => o.EntityId).ToList(),
            developer => series.At(developer, at) is { } share ? (ReportLanguage.Number(share.Percent) + "%", share.Sources) : null));
    }

    // A lower bound is written as one: "at least 30%", not "30%".
    private string Stated(decimal percent, Qualifier qualifier) => qualifier switch
    {
        Qualifier.AtLeast => _lang.T($"at least {ReportLanguage.Number(percent)}%", $"至少 {ReportLanguage.Number(percent)}%"),
        Qualifier.MoreThan => _lang.T($"more than {ReportLanguage.Number(percent)}%", $"超过 {ReportLanguage.Number(percent)}%"),
        Qualifier.About => _lang.T($"about {ReportLanguage.Number(percent)}%", $"约 {ReportLanguage.Number(percent)}%"),
        Qualifier.Estimated => _lang.T($"{ReportLanguage.Number(percent)}% (estimated)", $"{ReportLanguage.Number(percent)}%（估算）"),
        _ => ReportLanguage.Number(percent) + "%",
    };
}
