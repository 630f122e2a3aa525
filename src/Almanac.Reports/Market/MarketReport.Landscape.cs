using Almanac.Analytics;
using Almanac.Catalogue;
using Almanac.Charts;
using Almanac.Knowledge;

namespace Almanac.Reports.Market;

// The model landscape, from the catalogue: curated model facts plus any imported datasets.
public sealed partial class MarketReport
{
    private const int TimelineDevelopers = 12;
    private const int MinimumModelsPerQuarter = 5;

    private ReportSection Landscape()
    {
        var datasets = _knowledge.Datasets.Count == 0
            ? _lang.T("curated models only (import models.dev, LiteLLM or Epoch AI for the full catalogue)", "仅含人工整理的模型（导入 models.dev、LiteLLM 或 Epoch AI 可获得完整目录）")
            : string.Join(", ", _knowledge.Datasets);
        var section = new SectionBuilder(
            "landscape",
            _lang.T("The model landscape", "模型格局"),
            _lang.T(
                $"Models in the catalogue: {_knowledge.Catalogue.Count}; sources: {datasets}. Prices are first-party list prices per million tokens.",
                $"目录中的模型：{_knowledge.Catalogue.Count} 个；数据来源：{datasets}。价格为官方每百万 token 标价。"));
        var released = _knowledge.Catalogue.Where(r => r.Released is not null).ToList();
        section.Add(ReleaseTimeline(released), NoData("release dates"));
        section.Add(PriceScatter(released), NoData("prices with release dates"));
        section.Add(ContextScatter(released), NoData("context windows with release dates"));
        section.Add(OpenWeightsChart(released), NoData("openness of released models"));
        section.Add(TierPriceChart(released), NoData("prices of models in a capability tier"));
        section.Add(TierPriceInForceChart(), NoData("successive dataset snapshots of prices (import a folder of OpenRouter snapshots)"));
        section.Add(PriceChangesTable());
        return section.Build();
    }

    private Chart? ReleaseTimeline(List<CatalogueRow> released)
    {
        var developers = TopDevelopers(released, TimelineDevelopers);
        var rows = released.Where(r => r.DeveloperName is { } d && developers.Contains(d, StringComparer.Ordinal)).OrderBy(r => r.Released).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var table = new ChartTable(
            new ChartField("released", _lang.T("Released", "发布日期"), FieldType.Temporal),
            new ChartField("developer", _lang.T("Developer", "开发者"), FieldType.Nominal),
            new ChartField("model", _lang.T("Model", "模型"), FieldType.Nominal),
            new ChartField("weights", _lang.T("Weights", "权重"), FieldType.Nominal),
            new ChartField("source", _lang.T("Source", "来源"), FieldType.Nominal));
        foreach (var r in rows)
        {
            table.Add(r.Released!.Value, r.DeveloperName, r.Model.Name.In(_lang.Code), Openness(r.IsOpenWeights), Publishers([r.ReleaseDate!.Source]));
        }

        var sources = rows.Select(r => r.ReleaseDate!.Source).ToList();
        return Use(ChartSpec.Timeline(
            "release-timeline",
            Text(_lang.T("Model releases by developer", "各开发者的模型发布时间线"), _lang.T($"The {developers.Count} developers with the most releases in the catalogue", $"目录中发布数量最多的 {developers.Count} 家开发者"), sources),
            table,
            new ChartEncoding("released", "developer", "weights", developers, OpennessSeries()),
            sources));
    }

    private Chart? PriceScatter(List<CatalogueRow> released) => ModelScatter(
        "price-vs-release",
        released,
        r => r.InputPrice,
        new ChartField("value", _lang.T("Input price", "输入价格"), FieldType.Quantitative, "US$/1M tokens"),
        words: (_lang.T("Input price against release date", "输入价格与发布日期"), _lang.T("US$ per million input tokens, log scale", "每百万输入 token 美元价格，对数刻度")),
        colourByDeveloper: true);

    private Chart? ContextScatter(List<CatalogueRow> released) => ModelScatter(
        "context-vs-release",
        released,
        r => r.ContextWindow,
        new ChartField("value", _lang.T("Context window", "上下文窗口"), FieldType.Quantitative, "tokens"),
        words: (_lang.T("Context window against release date", "上下文窗口与发布日期"), _lang.T("Tokens, log scale", "token 数，对数刻度")),
        colourByDeveloper: false);

    /// <summary>One measure of each model against its release date, on a log scale; models without a positive value are left out.</summary>
    private Chart? ModelScatter(string id, List<CatalogueRow> released, Func<CatalogueRow, SourcedValue?> measure, ChartField value, (string Title, string Subtitle) words, bool colourByDeveloper)
    {
        var rows = released.Where(r => measure(r)?.Value.Quantity?.Value > 0).OrderBy(r => r.Released).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var table = new ChartTable(
            new ChartField("released", _lang.T("Released", "发布日期"), FieldType.Temporal),
            value,
            new ChartField("model", _lang.T("Model", "模型"), FieldType.Nominal),
            new ChartField("developer", _lang.T("Developer", "开发者"), FieldType.Nominal),
            new ChartField("weights", _lang.T("Weights", "权重"), FieldType.Nominal),
            new ChartField("source", _lang.T("Source", "来源"), FieldType.Nominal));
        var top = TopDevelopers(rows, 8);
        foreach (var r in rows)
        {
            table.Add(r.Released!.Value, measure(r)!.Value.Quantity!.Value.Value, r.Model.Name.In(_lang.Code), Developer(r, top), Openness(r.IsOpenWeights), Publishers([measure(r)!.Source, r.ReleaseDate!.Source]));
        }

        var sources = rows.SelectMany(r => new[] { measure(r)!.Source, r.ReleaseDate!.Source }).ToList();
        var encoding = colourByDeveloper
            ? new ChartEncoding("released", "value", "developer", LogY: true)
            : new ChartEncoding("released", "value", "weights", Series: OpennessSeries(), LogY: true);
        return Use(ChartSpec.Scatter(id, Text(words.Title, words.Subtitle, sources), table, encoding, sources));
    }

    private Chart? OpenWeightsChart(List<CatalogueRow> released)
    {
        // A quarter with a couple of known models would swing between 0% and 100%: it needs a few to read.
        var quarters = OpenWeightsShare.ByQuarter(released).Where(q => q.OpenPercent is not null && q.Known >= MinimumModelsPerQuarter).ToList();
        if (quarters.Count == 0)
        {
            return null;
        }

        var table = new ChartTable(
            new ChartField("quarter", _lang.T("Quarter released", "发布季度"), FieldType.Ordinal),
            new ChartField("open", _lang.T("Open-weights share", "开源占比"), FieldType.Quantitative, "%"),
            new ChartField("released", _lang.T("Models released", "发布模型数"), FieldType.Quantitative),
            new ChartField("open_models", _lang.T("Open-weights models", "开源模型数"), FieldType.Quantitative),
            new ChartField("unknown", _lang.T("Openness unknown", "开源情况未知"), FieldType.Quantitative));
        foreach (var q in quarters)
        {
            table.Add(_lang.Period(q.Quarter), Math.Round(q.OpenPercent!.Value, 1), q.Released, q.Open, q.Unknown);
        }

        var sources = released.Where(r => r.OpenWeights is not null).SelectMany(r => new[] { r.OpenWeights!.Source, r.ReleaseDate!.Source }).ToList();
        return Use(ChartSpec.Bars(
            "open-weights-by-quarter",
            Text(_lang.T("Share of released models with open weights", "各季度发布模型中开源模型的占比"), _lang.T($"Percent of models released in the quarter whose openness is known; quarters with at least {MinimumModelsPerQuarter} such models", $"该季度发布且开源情况已知的模型中的百分比；仅列出至少有 {MinimumModelsPerQuarter} 个此类模型的季度"), sources),
            table,
            new ChartEncoding("quarter", "open"),
            sources));
    }

    private Chart? TierPriceChart(List<CatalogueRow> released)
    {
        // A free listing is not a price point, and a log scale cannot draw zero.
        var priced = released.Where(r => r.Input is > 0).ToList();
        var points = PriceTrend.ByTier(priced).ToList();
        if (points.Count == 0)
        {
            return null;
        }

        var table = new ChartTable(
            new ChartField("quarter", _lang.T("Quarter released", "发布季度"), FieldType.Ordinal),
            new ChartField("tier", _lang.T("Capability tier", "能力档位"), FieldType.Nominal),
            new ChartField("median", _lang.T("Median input price", "输入价格中位数"), FieldType.Quantitative, "US$/1M tokens"),
            new ChartField("models", _lang.T("Models", "模型数"), FieldType.Quantitative));
        foreach (var p in points.OrderBy(p => p.Quarter.Start))
        {
            table.Add(_lang.Period(p.Quarter), TierName(p.Tier), p.MedianInput, p.Models);
        }

        var tiered = priced.Where(r => CapabilityTiers.Of(r.Model) is not null).ToList();
        var sources = tiered.SelectMany(r => new[] { r.InputPrice!.Source, r.ReleaseDate!.Source }).ToList();
        return Use(ChartSpec.Lines(
            "price-by-tier",
            Text(_lang.T("Input price by capability tier", "各能力档位的输入价格"), _lang.T("Median US$ per million input tokens of the models released each quarter, log scale", "每季度发布模型的每百万输入 token 美元价格中位数，对数刻度"), sources),
            table,
            new ChartEncoding(
                "quarter",
                "median",
                "tier",
                points.OrderBy(p => p.Quarter.Start).Select(p => _lang.Period(p.Quarter)).Distinct(StringComparer.Ordinal).ToList(),
                [new(TierName(CapabilityTier.Frontier), "#e45756"), new(TierName(CapabilityTier.Mid), "#4c78a8"), new(TierName(CapabilityTier.Small), "#54a24b")],
                LogY: true),
            sources));
    }

    private const int PriceChangesShown = 15;

    private Chart? TierPriceInForceChart()
    {
        var points = PriceHistoryTrend.MedianByTier(_knowledge.Prices, _knowledge.Entities);
        if (points.Count == 0)
        {
            return null;
        }

        var table = new ChartTable(
            new ChartField("day", _lang.T("Snapshot", "快照"), FieldType.Temporal),
            new ChartField("tier", _lang.T("Capability tier", "能力档位"), FieldType.Nominal),
            new ChartField("median", _lang.T("Median input price in force", "现行输入价格中位数"), FieldType.Quantitative, "US$/1M tokens"),
            new ChartField("models", _lang.T("Models", "模型数"), FieldType.Quantitative));
        foreach (var p in points)
        {
            table.Add(p.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), TierName(p.Tier), p.MedianInput, p.Models);
        }

        var sources = points.SelectMany(p => p.Sources).DistinctBy(s => s.Id, StringComparer.Ordinal).ToList();
        return Use(ChartSpec.Lines(
            "price-in-force-by-tier",
            Text(_lang.T("Input price in force by capability tier", "各能力档位的现行输入价格"), _lang.T("Median US$ per million input tokens of the tier's models on each dataset snapshot, from the prices then in force (the developer's own where known, else a reseller's), log scale", "各数据集快照时该档位模型现行价格的每百万输入 token 美元中位数（优先官方价，否则为转售价），对数刻度"), sources),
            table,
            new ChartEncoding("day", "median", "tier",
                Series: [new(TierName(CapabilityTier.Frontier), "#e45756"), new(TierName(CapabilityTier.Mid), "#4c78a8"), new(TierName(CapabilityTier.Small), "#54a24b")],
                LogY: true),
            sources));
    }

    private ReportTable? PriceChangesTable()
    {
        var changes = PriceHistoryTrend.Changes(_knowledge.Prices).Take(PriceChangesShown).ToList();
        if (changes.Count == 0)
        {
            return null;
        }

        static string Usd(decimal? value) => value is { } v ? "$" + v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "–";
        var rows = changes.Select(c => (IReadOnlyList<string>)
        [
            _knowledge.Entities.TryGetValue(c.EntityId, out var e) ? e.Name.In(_lang.Code) : c.EntityId,
            c.Provider ?? c.Dataset,
            $"{Usd(c.OldInput)} → {Usd(c.NewInput)}",
            $"{Usd(c.OldOutput)} → {Usd(c.NewOutput)}",
            c.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ]).ToList();
        return new ReportTable(
            _lang.T("Latest price changes (US$ per million tokens)", "最近的价格变化（美元/百万 token）"),
            [_lang.T("Model", "模型"), _lang.T("Provider", "服务商"), _lang.T("Input", "输入"), _lang.T("Output", "输出"), _lang.T("Date", "日期")],
            rows,
            SourceLine.For(changes.Select(c => c.Snapshot), _lang.Language));
    }

    private static List<string> TopDevelopers(IEnumerable<CatalogueRow> rows, int count) =>
        rows.Where(r => r.DeveloperName is not null).GroupBy(r => r.DeveloperName!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(count).Select(g => g.Key).ToList();

    // Colours stay readable: the developers with most models keep their names, the rest are "other".
    private string Developer(CatalogueRow row, List<string> top) =>
        row.DeveloperName is { } d && top.Contains(d, StringComparer.Ordinal) ? d : _lang.T("other", "其他");

    private string Openness(bool? open) => open switch
    {
        true => _lang.T("open weights", "开源权重"),
        false => _lang.T("closed", "闭源"),
        null => _lang.T("unknown", "未知"),
    };

    private List<ChartSeries> OpennessSeries() =>
        [new(Openness(true), "#54a24b"), new(Openness(false), "#4c78a8"), new(Openness(null), OtherColour)];

    private string TierName(CapabilityTier tier) => tier switch
    {
        CapabilityTier.Frontier => _lang.T("frontier", "旗舰"),
        CapabilityTier.Mid => _lang.T("mid", "中端"),
        _ => _lang.T("small", "轻量"),
    };
}
