using Almanac.Analytics;
using Almanac.Charts;
using Almanac.Knowledge;

namespace Almanac.Reports.Market;

// China: market size, who serves the tokens, and public procurement, each source on its own terms.
public sealed partial class MarketReport
{
    private const string ChinaLlm = "china-llm";

    private ReportSection China()
    {
        var section = new SectionBuilder(
            "china",
            _lang.T("China", "中国市场"),
            _lang.T(
                "Market size and shares in China. Research firms count different things (platforms and applications, public-cloud tokens, enterprise calls); each chart keeps one firm's definition.",
                "中国大模型市场规模与份额。各研究机构统计口径不同（平台及应用、公有云 token 调用、企业调用），每张图只用一家机构的口径。"));
        section.Add(LevelChart("china-market-size", "market-size", ChinaLlm, [("region", "china")], _lang.T("China LLM market size", "中国大模型市场规模")), NoData("China market sizes"));
        foreach (var segment in _knowledge.Facts
            .Where(f => f.Fact.MetricId == "market-share" && f.Fact.Scope["market"] == ChinaLlm && f.Fact.Scope["segment"] is not null && f.Fact.Scope["basis"] is not null)
            .Select(f => (Segment: f.Fact.Scope["segment"]!, Basis: f.Fact.Scope["basis"]!))
            .Distinct()
            .OrderBy(s => s.Basis, StringComparer.Ordinal).ThenBy(s => s.Segment, StringComparer.Ordinal))
        {
            section.Define($"{_lang.Name(segment.Segment)} · {BasisName(segment.Basis)}", Definition(segment.Segment, segment.Basis));
            section.Add(ChinaShareChart(segment.Segment, segment.Basis), NoData("China shares"));
        }

        section.Add(LevelChart("china-public-tenders", "spend", ChinaLlm, [("region", "china"), ("segment", "public-tenders")], _lang.T("Value of publicly tendered LLM projects in China", "中国大模型公开招标中标金额")), NoData("tender values"));
        return section.Build();
    }

    private ReportSection Forecasts() =>
        new SectionBuilder(
            "forecasts",
            _lang.T("Market-size forecasts", "市场规模预测"),
            _lang.T(
                "Research firms' forecasts of the LLM market, each checked against its own arithmetic: a stated compound growth rate should take the firm's start level to its end level.",
                "研究机构对大模型市场的预测，逐一核对其自身算术：声称的年复合增长率应能把该机构的起点规模推到终点规模。"))
            .Add(ForecastTable())
            .Build();

    private Chart? ChinaShareChart(string segment, string basis)
    {
        var series = ShareOverTime.Build(Providers(), new ShareQuery(ChinaLlm, basis, new Dictionary<string, string> { ["segment"] = segment }));
        if (series.Observations.Count == 0)
        {
            return null;
        }

        var table = ShareTable();
        foreach (var moment in series.Moments)
        {
            foreach (var entity in series.Entities)
            {
                if (series.At(entity, moment) is { } o)
                {
                    table.Add(_lang.Name(entity), _lang.Period(o.Period), o.Percent, o.Period.ToString(), Publishers(o.Sources));
                }
            }
        }

        var sources = series.Observations.SelectMany(o => o.Sources).ToList();
        return Use(ChartSpec.Bars(
            $"china-share-{basis}-{segment}",
            Text($"{_lang.ScopeValue("segment", segment)}: {BasisName(basis)}", _lang.T("Percent, by period", "百分比，按期间"), sources),
            table,
            new ChartEncoding("provider", "share", series.Moments.Count > 1 ? "measure" : null, series.Entities.Select(_lang.Name).ToList()),
            sources));
    }

    private string Definition(string segment, string basis) =>
        $"{BasisName(basis)}: {_lang.T("shares of ", "统计对象：")}{_lang.ScopeValue("segment", segment)}"
        + (_knowledge.Entities.TryGetValue(segment, out var entity) && entity.Aliases.Count > 0 ? $" ({string.Join(", ", entity.Aliases.Take(3))})" : string.Empty);

    /// <summary>Whether each source's forecast growth rate connects its own start and end levels.</summary>
    private ReportTable? ForecastTable()
    {
        var rows = new List<IReadOnlyList<string>>();
        var sources = new List<Source>();
        foreach (var bySource in _knowledge.Facts
            .Where(f => f.Fact.MetricId is "market-size" or "cagr" && f.Fact.Value.Quantity is not null)
            .GroupBy(f => (f.Fact.EntityId, f.Fact.Scope, f.Source)))
        {
            var levels = bySource.Where(f => f.Fact.MetricId == "market-size").Select(f => (f.Fact.Period, f.Fact.Value.Quantity!.Value.Value)).ToList();
            var rates = bySource.Where(f => f.Fact.MetricId == "cagr").Select(f => (f.Fact.Period, f.Fact.Value.Quantity!.Value.Value)).ToList();
            if (rates.Count == 0)
            {
                continue;
            }

            foreach (var check in ForecastConsistency.Check(levels, rates))
            {
                rows.Add([
                    _lang.Name(bySource.Key.EntityId),
                    PublisherLabel(bySource.Key.Source),
                    _lang.Period(check.Range),
                    ReportLanguage.Number(check.Stated, 2) + "%",
                    check.Implied is { } implied ? ReportLanguage.Number(implied, 2) + "%" : "–",
                    check.Consistent switch { true => _lang.T("consistent", "一致"), false => _lang.T("inconsistent", "不一致"), null => _lang.T("no endpoints", "缺少端点") }]);
                sources.Add(bySource.Key.Source);
            }
        }

        return rows.Count == 0 ? null : new ReportTable(
            _lang.T("Do forecasts' growth rates connect their own endpoints?", "预测的增长率与其首末规模是否吻合？"),
            [_lang.T("Market", "市场"), _lang.T("Source", "来源"), _lang.T("Range", "区间"), _lang.T("Stated CAGR", "声称的 CAGR"), _lang.T("Implied by the levels", "由规模推算"), _lang.T("Verdict", "结论")],
            rows,
            SourcesLine(sources));
    }
}
