using Almanac.Analytics;
using Almanac.Charts;
using Almanac.Knowledge;

namespace Almanac.Reports.Market;

// The seed article's analysis of the enterprise LLM API market, from Menlo Ventures' surveys and others.
public sealed partial class MarketReport
{
    private const string EnterpriseApi = "enterprise-llm-api";

    private ReportSection UsageAndSpendShares()
    {
        var section = new SectionBuilder(
            "shares",
            _lang.T("Who serves enterprise LLM workloads", "企业大模型 API 市场份额"),
            _lang.T(
                "Share of the enterprise LLM API market by model provider. Usage and spend are different measures from different survey rounds; they are shown side by side, not combined.",
                "按模型厂商划分的企业大模型 API 市场份额。“使用份额”与“支出份额”是不同口径、不同轮次调研的结果，并列展示，不做合并。"));
        DefineBasis(section, "usage");
        DefineBasis(section, "spend");
        var usage = ShareOverTime.Build(Providers(), new ShareQuery(EnterpriseApi, "usage"));
        var spend = ShareOverTime.Build(Providers(), new ShareQuery(EnterpriseApi, "spend"));
        section.Add(ShareChart("share-usage", usage, _lang.T("Enterprise LLM API share by usage", "企业大模型 API 使用份额")), NoData("usage shares"));
        section.Add(ShareChart("share-spend", spend, _lang.T("Enterprise LLM API share by spend", "企业大模型 API 支出份额")), NoData("spend shares"));
        section.Add(RankTable(usage, _lang.T("Ranking by usage share", "按使用份额排名")));
        return section.Build();
    }

    private ReportSection Coding()
    {
        var section = new SectionBuilder(
            "coding",
            _lang.T("Coding", "代码生成"),
            _lang.T("Share of enterprise LLM use for code generation, by provider.", "代码生成场景中各厂商的企业份额。"));
        var table = ShareTable();
        var sources = ByBasis(Providers(), new Dictionary<string, string> { ["use-case"] = "coding" }, (basis, o) =>
            table.Add(_lang.Name(o.EntityId), $"{BasisName(basis)}, {_lang.Moment(o.At)}", o.Percent, o.Period.ToString(), Publishers(o.Sources)));

        DefineBasis(section, "usage");
        DefineBasis(section, "spend");
        var chart = table.Count == 0 ? null : Use(ChartSpec.Bars(
            "coding-share",
            Text(_lang.T("Coding share by provider", "代码生成份额（按厂商）"), _lang.T("Percent of the enterprise coding market", "占企业代码生成市场的百分比"), sources),
            table,
            new ChartEncoding("provider", "share", "measure"),
            sources));
        return section.Add(chart, NoData("coding shares")).Build();
    }

    private ReportSection OpenAndClosed()
    {
        var section = new SectionBuilder(
            "open-source",
            _lang.T("Open and closed models", "开源与闭源"),
            _lang.T("Share of enterprise workloads on open-weights models.", "企业工作负载中开源（开放权重）模型的份额。"));
        var table = new ChartTable(
            new ChartField("date", _lang.T("Date", "时间"), FieldType.Temporal),
            new ChartField("measure", _lang.T("Measure", "口径"), FieldType.Nominal),
            new ChartField("share", _lang.T("Share", "份额"), FieldType.Quantitative, "%"),
            new ChartField("period", _lang.T("Period", "期间"), FieldType.Nominal),
            new ChartField("source", _lang.T("Source", "来源"), FieldType.Nominal));
        var sources = ByBasis(_knowledge.Facts.Where(f => f.Fact.EntityId == "open-source-models"), null, (basis, o) =>
            table.Add(o.At, BasisName(basis), o.Percent, o.Period.ToString(), Publishers(o.Sources)));

        DefineBasis(section, "usage");
        DefineBasis(section, "spend");
        var chart = table.Count == 0 ? null : Use(ChartSpec.Lines(
            "open-source-share",
            Text(_lang.T("Open-weights models' share of enterprise use", "开源模型在企业中的份额"), _lang.T("Percent, by measure", "百分比，按口径"), sources),
            table,
            new ChartEncoding("date", "share", "measure"),
            sources));
        return section.Add(chart, NoData("open-source shares")).Build();
    }

    private ReportSection Switching()
    {
        var section = new SectionBuilder(
            "switching",
            _lang.T("How teams change models", "企业如何更换模型"),
            _lang.T("What enterprise teams did with their models over the past year (one answer per respondent).", "过去一年企业团队对所用模型的处理方式（每位受访者一个答案）。"));
        var answers = _knowledge.Facts
            .Where(f => f.Fact.MetricId == "respondent-share" && f.Fact.EntityId == EnterpriseApi
                && f.Fact.Scope.Values.Count == 1 && f.Fact.Scope["answer"] is not null && f.Fact.Value.Quantity is not null)
            .GroupBy(f => f.Fact.Period)
            .OrderByDescending(g => g.Sum(f => f.Fact.Value.Quantity!.Value.Value))
            .FirstOrDefault();
        if (answers is null)
        {
            return section.Note(NoData("answers on switching")).Build();
        }

        var table = new ChartTable(
            new ChartField("answer", _lang.T("Answer", "回答"), FieldType.Nominal),
            new ChartField("share", _lang.T("Respondents", "受访者占比"), FieldType.Quantitative, "%"),
            new ChartField("period", _lang.T("Period", "期间"), FieldType.Nominal),
            new ChartField("source", _lang.T("Source", "来源"), FieldType.Nominal));
        foreach (var f in answers.OrderByDescending(f => f.Fact.Value.Quantity!.Value.Value))
        {
            table.Add(Answer(f.Fact.Scope["answer"]!), f.Fact.Value.Quantity!.Value.Value, f.Fact.Period.ToString(), Publishers([f.Source]));
        }

        var sources = answers.Select(f => f.Source).ToList();
        return section.Add(
            Use(ChartSpec.Donut(
                "switching",
                Text(_lang.T("Model switching in the past year", "过去一年的模型更换情况"), $"{_lang.T("Percent of respondents", "受访者百分比")}, {_lang.Period(answers.Key)}", sources),
                table,
                new ChartEncoding("answer", "share"),
                sources)),
            NoData("answers on switching")).Build();
    }

    private ReportSection Spend()
    {
        var section = new SectionBuilder(
            "spend",
            _lang.T("Spend", "支出规模"),
            _lang.T(
                "Enterprise spend as surveyed. A later report may restate an earlier year on another basis; each source's figure is shown as its own bar.",
                "调研口径下的企业支出。后续报告可能以不同口径重述往年数字，每个来源的数字单独成柱。"));
        section.Add(LevelChart("spend-llm-api", "spend", EnterpriseApi, [], _lang.T("Enterprise spend on LLM APIs", "企业在大模型 API 上的支出")), NoData("API spend"));
        section.Add(LevelChart("spend-generative-ai", "spend", "enterprise-generative-ai", [], _lang.T("Enterprise spend on generative AI", "企业生成式 AI 总支出")), NoData("generative AI spend"));
        section.Add(LevelChart("spend-coding", "spend", "enterprise-generative-ai", [("use-case", "coding")], _lang.T("Enterprise spend on AI coding", "企业在 AI 编程上的支出")), NoData("coding spend"));
        section.Add(GrowthTable());
        return section.Build();
    }

    private ReportSection Inference()
    {
        var section = new SectionBuilder(
            "inference",
            _lang.T("Inference and training", "推理与训练"),
            _lang.T("Share of respondents whose compute goes mostly to inference rather than training.", "算力主要用于推理（而非训练）的受访者占比。"));
        var table = new ChartTable(
            new ChartField("group", _lang.T("Respondents", "受访者"), FieldType.Nominal),
            new ChartField("when", _lang.T("Survey", "调研时间"), FieldType.Nominal),
            new ChartField("share", _lang.T("Respondents", "受访者占比"), FieldType.Quantitative, "%"),
            new ChartField("source", _lang.T("Source", "来源"), FieldType.Nominal));
        var facts = _knowledge.Facts
            .Where(f => f.Fact.MetricId == "respondent-share" && f.Fact.Scope["segment"] is not null
                && f.Fact.Scope["answer"] is { } a && a.Contains("inference", StringComparison.Ordinal) && f.Fact.Value.Quantity is not null)
            .OrderBy(f => f.Fact.Scope["segment"], StringComparer.Ordinal).ThenBy(f => f.Fact.Period.End)
            .ToList();
        foreach (var f in facts)
        {
            table.Add($"{_lang.Name(f.Fact.Scope["segment"]!)}: {Answer(f.Fact.Scope["answer"]!)}", _lang.Moment(f.Fact.Period.End), f.Fact.Value.Quantity!.Value.Value, Publishers([f.Source]));
        }

        var sources = facts.Select(f => f.Source).ToList();
        var chart = facts.Count == 0 ? null : Use(ChartSpec.Bars(
            "inference",
            Text(_lang.T("Compute going to inference", "算力用于推理的比例"), _lang.T("Percent of respondents", "受访者百分比"), sources),
            table,
            new ChartEncoding("group", "share", "when"),
            sources));
        return section.Add(chart, NoData("answers on inference")).Build();
    }

    /// <summary>Hands each usage share, then each spend share, to <paramref name="add"/>; returns their sources.</summary>
    private static List<Source> ByBasis(IEnumerable<SourcedFact> facts, IReadOnlyDictionary<string, string>? scope, Action<string, ShareObservation> add)
    {
        var sources = new List<Source>();
        var candidates = facts.ToList();
        foreach (var basis in new[] { "usage", "spend" })
        {
            foreach (var o in ShareOverTime.Build(candidates, new ShareQuery(EnterpriseApi, basis, scope)).Observations)
            {
                add(basis, o);
                sources.AddRange(o.Sources);
            }
        }

        return sources;
    }

    /// <summary>Facts about organisations only: a segment such as "open-source models" is not a provider.</summary>
    private IEnumerable<SourcedFact> Providers() =>
        _knowledge.Facts.Where(f => _knowledge.Entities.TryGetValue(f.Fact.EntityId, out var e) && e.Kind == EntityKind.Organisation);

    private ChartTable ShareTable() => new(
        new ChartField("provider", _lang.T("Provider", "厂商"), FieldType.Nominal),
        new ChartField("measure", _lang.T("Measure", "口径"), FieldType.Nominal),
        new ChartField("share", _lang.T("Share", "份额"), FieldType.Quantitative, "%"),
        new ChartField("period", _lang.T("Period", "期间"), FieldType.Nominal),
        new ChartField("source", _lang.T("Source", "来源"), FieldType.Nominal));

    private Chart? ShareChart(string id, ShareSeries series, string title)
    {
        if (series.Observations.Count == 0)
        {
            return null;
        }

        var table = new ChartTable(
            new ChartField("moment", _lang.T("Survey", "调研时间"), FieldType.Ordinal),
            new ChartField("provider", _lang.T("Provider", "厂商"), FieldType.Nominal),
            new ChartField("share", _lang.T("Share", "份额"), FieldType.Quantitative, "%"),
            new ChartField("period", _lang.T("Period", "期间"), FieldType.Nominal),
            new ChartField("source", _lang.T("Source", "来源"), FieldType.Nominal),
            new ChartField("disagreeing", _lang.T("Other sources say", "其他来源的数字"), FieldType.Nominal));
        var entities = series.Entities.ToList();
        foreach (var moment in series.Moments)
        {
            foreach (var entity in entities)
            {
                if (series.At(entity, moment) is { } o)
                {
                    table.Add(_lang.Moment(moment), _lang.Name(entity), o.Percent, o.Period.ToString(), Publishers(o.Sources), Disagreeing(o));
                }
            }

            if (series.Others(moment) is > 0 and var others)
            {
                table.Add(_lang.Moment(moment), OtherLabel, others, null, null, null);
            }
        }

        var legend = entities.Select((e, i) => new ChartSeries(_lang.Name(e), Colour(e, i))).Append(new ChartSeries(OtherLabel, OtherColour)).ToList();
        var sources = series.Observations.SelectMany(o => o.Sources).ToList();
        return Use(ChartSpec.StackedShare(
            id,
            Text(title, _lang.T("Percent of the market at each survey; the grey part is what the sources leave unassigned", "各次调研的市场百分比；灰色为来源未分配的部分"), sources),
            table,
            new ChartEncoding("moment", "share", "provider", series.Moments.Select(_lang.Moment).ToList(), legend),
            sources));
    }

    // A share that another source states differently is drawn from the newest source; the others are named, not hidden.
    private static string? Disagreeing(ShareObservation observation) =>
        observation.Disagreeing.Count == 0 ? null : string.Join("; ", observation.Disagreeing.Select(d => $"{ReportLanguage.Number(d.Percent)}% ({Publishers(d.Sources)})"));

    private ReportTable? RankTable(ShareSeries series, string caption)
    {
        if (series.Moments.Count < 2)
        {
            return null;
        }

        var from = series.Moments[0];
        var to = series.Moments[^1];
        var rows = Rankings.Between(series, from, to)
            .Select(r => (IReadOnlyList<string>)[
                _lang.Name(r.EntityId),
                r.RankFrom?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–",
                r.From is { } a ? ReportLanguage.Number(a) + "%" : "–",
                r.RankTo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–",
                r.To is { } b ? ReportLanguage.Number(b) + "%" : "–"])
            .ToList();
        var header = new[]
        {
            _lang.T("Provider", "厂商"),
            _lang.T($"Rank, {_lang.Moment(from)}", $"{_lang.Moment(from)}排名"),
            _lang.T("Share", "份额"),
            _lang.T($"Rank, {_lang.Moment(to)}", $"{_lang.Moment(to)}排名"),
            _lang.T("Share", "份额"),
        };
        return new ReportTable(caption, header, rows, SourcesLine(series.Observations.SelectMany(o => o.Sources)));
    }

    /// <summary>Levels of one measure over time, one bar per source and period so restatements stand side by side.</summary>
    private Chart? LevelChart(string id, string metric, string entityId, (string Key, string Value)[] scope, string title)
    {
        var facts = _knowledge.Select(metric, entityId, scope).Where(f => f.Fact.Value.Quantity!.Value.Unit.Dimension == Quantities.Dimension.Currency).ToList();
        if (facts.Count == 0)
        {
            return null;
        }

        // One currency per chart: the most common one among the facts.
        var currency = facts.GroupBy(f => f.Fact.Value.Quantity!.Value.Unit.Code, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
        var scale = _lang.Money(currency);
        var table = new ChartTable(
            new ChartField("period", _lang.T("Period", "期间"), FieldType.Nominal),
            new ChartField("amount", _lang.T("Amount", "金额"), FieldType.Quantitative, scale.Label),
            new ChartField("publisher", _lang.T("Source", "来源"), FieldType.Nominal),
            new ChartField("source", _lang.T("Source document", "来源文献"), FieldType.Nominal));
        var rows = facts.Where(f => f.Fact.Value.Quantity!.Value.Unit.Code == currency).OrderBy(f => f.Fact.Period.End).ThenBy(f => f.Source.Published).ToList();
        foreach (var f in rows)
        {
            table.Add(_lang.Period(f.Fact.Period), scale.Of(f.Fact.Value.Quantity!.Value.Value), PublisherLabel(f.Source), Publishers([f.Source]));
        }

        var sources = rows.Select(f => f.Source).ToList();
        // Reports in the order they were published, so a restatement reads as the later bar.
        var publishers = rows.OrderBy(f => f.Source.Published).Select(f => PublisherLabel(f.Source)).Distinct(StringComparer.Ordinal).Select(p => new ChartSeries(p)).ToList();
        return Use(ChartSpec.Bars(
            id,
            Text(title, scale.Label, sources),
            table,
            new ChartEncoding("period", "amount", publishers.Count > 1 ? "publisher" : null, rows.Select(f => _lang.Period(f.Fact.Period)).Distinct(StringComparer.Ordinal).ToList(), publishers),
            sources));
    }

    // A publisher's reports of different dates can disagree: the bar label says which report.
    private string PublisherLabel(Source source) => $"{source.Publisher} ({_lang.Month(source.Published)})";

    private ReportTable? GrowthTable()
    {
        var rows = new List<IReadOnlyList<string>>();
        var sources = new List<Source>();
        foreach (var (entity, scope) in new (string, (string, string)[])[] { (EnterpriseApi, []), ("enterprise-generative-ai", []), ("enterprise-generative-ai", [("use-case", "coding")]) })
        {
            foreach (var bySource in _knowledge.Select("spend", entity, scope).GroupBy(f => f.Source))
            {
                var points = bySource.OrderBy(f => f.Fact.Period.End).ToList();
                if (points.Count < 2)
                {
                    continue;
                }

                var first = points[0];
                var last = points[^1];
                var growth = GrowthBetween.Of(first.Fact.Period, first.Fact.Value.Quantity!.Value.Value, last.Fact.Period, last.Fact.Value.Quantity!.Value.Value);
                rows.Add([
                    _lang.Name(entity) + (scope.Length > 0 ? $" ({_lang.Name(scope[0].Item2)})" : string.Empty),
                    PublisherLabel(bySource.Key),
                    $"{_lang.Period(first.Fact.Period)} → {_lang.Period(last.Fact.Period)}",
                    (growth.Percent >= 0 ? "+" : string.Empty) + ReportLanguage.Number(growth.Percent) + "%",
                    growth.CagrPercent is { } cagr ? ReportLanguage.Number(cagr) + "%" : "–"]);
                sources.Add(bySource.Key);
            }
        }

        return rows.Count == 0 ? null : new ReportTable(
            _lang.T("Growth between each source's first and last figure", "各来源首末数字之间的增长"),
            [_lang.T("Measure", "指标"), _lang.T("Source", "来源"), _lang.T("From → to", "区间"), _lang.T("Change", "变化"), _lang.T("CAGR", "年复合增长率")],
            rows,
            SourcesLine(sources));
    }

    private void DefineBasis(SectionBuilder section, string basis) => section.Define(BasisName(basis), basis switch
    {
        "usage" => _lang.T("the provider's share of the LLM API workloads enterprises run (Menlo Ventures asks respondents which models carry their production use).", "厂商在企业所运行的大模型 API 工作负载中的占比（Menlo Ventures 询问受访者其生产用途所用模型）。"),
        "spend" => _lang.T("the provider's share of what enterprises pay for LLM APIs.", "厂商在企业大模型 API 付费中的占比。"),
        "tokens" => _lang.T("the provider's share of tokens processed (calls weighted by tokens).", "厂商在调用 token 量中的占比。"),
        "revenue" => _lang.T("the vendor's share of market revenue.", "厂商在市场收入中的占比。"),
        _ => basis,
    });

    private string BasisName(string basis) => basis switch
    {
        "usage" => _lang.T("usage share", "使用份额"),
        "spend" => _lang.T("spend share", "支出份额"),
        "tokens" => _lang.T("token share", "token 调用份额"),
        "revenue" => _lang.T("revenue share", "收入份额"),
        _ => basis,
    };

    private string Answer(string code) => code switch
    {
        "upgraded-models-within-provider" => _lang.T("upgraded within the same provider", "在同一厂商内升级模型"),
        "did-not-switch-models" => _lang.T("did not switch", "未更换模型"),
        "switched-vendors" => _lang.T("switched provider", "更换了厂商"),
        "majority-of-workloads-inference" => _lang.T("most workloads are inference", "多数工作负载为推理"),
        "most-compute-inference" => _lang.T("most compute goes to inference", "多数算力用于推理"),
        _ => code.Replace('-', ' '),
    };

    private string NoData(string what) =>
        _lang.T($"The knowledge base holds no sourced {what} for this view.", $"知识库中没有可用于此视图的有来源数据（{what}）。");
}
