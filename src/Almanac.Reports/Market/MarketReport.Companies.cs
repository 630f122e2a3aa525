using System.Globalization;
using Almanac.Analytics;
using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Quantities;

namespace Almanac.Reports.Market;

// Companies: revenue run-rate and post-money valuations of closed rounds over time, every point with its source.
public sealed partial class MarketReport
{
    /// <summary>How many companies the report draws; the dashboard's Companies page draws them all.</summary>
    private const int ReportCompanies = 12;

    /// <summary>Every company with a run-rate or a closed round's valuation, largest latest valuation first.</summary>
    private List<CompanyTimeline> CompanyTimelinesByValue() =>
        CompanyTimelines.Build(_knowledge.Facts, id => _knowledge.Entities.TryGetValue(id, out var e) && e.Kind == EntityKind.Organisation)
            .OrderByDescending(t => t.LatestValuation is not null)
            .ThenByDescending(t => t.LatestValuation?.Amount ?? t.RunRate[^1].Amount)
            .ThenBy(t => t.EntityId, StringComparer.Ordinal)
            .ToList();

    private ReportSection Companies(int? limit)
    {
        var section = new SectionBuilder(
            "companies",
            _lang.T("Company revenue and valuations", "公司收入与估值"),
            _lang.T(
                "Revenue run-rate and post-money valuation of closed funding rounds, per company, each point with its source. Rounds in talks are not valuations and are left out; where sources disagree, each figure is drawn and marked.",
                "各公司的年化收入（run-rate）与已完成融资轮次的投后估值，每个点均注明来源。洽谈中的轮次不算估值，不予展示；来源不一致时，各自的数字都画出并标注。"));
        section.Define(_lang.T("revenue run-rate", "年化收入"), _lang.T("the current month's (or week's) revenue times twelve, as the company or a report states it; not booked annual revenue.", "按当月（或当周）收入乘以十二得出的年化收入，以公司或报道的说法为准；并非已确认的全年收入。"));
        section.Define(_lang.T("post-money valuation", "投后估值"), _lang.T("the company's value including the money a closed round raised, at the round's close.", "融资轮次完成时、计入该轮融资额的公司估值。"));
        var timelines = CompanyTimelinesByValue();
        if (timelines.Count == 0)
        {
            return section.Note(NoData("run-rates or valuations")).Build();
        }

        foreach (var timeline in limit is { } n ? timelines.Take(n) : timelines)
        {
            section.Add(CompanyChart(timeline), NoData("run-rates or valuations"));
        }

        if (limit is { } shown && timelines.Count > shown)
        {
            section.Note(_lang.T(
                $"{timelines.Count - shown} more companies have figures; the dashboard's Companies page draws every one.",
                $"另有 {timelines.Count - shown} 家公司有数据；仪表盘的“公司”页面展示全部公司。"));
        }

        return section.Build();
    }

    /// <summary>One company's run-rate and valuations on a log scale, rounds written beside their points.</summary>
    private Chart CompanyChart(CompanyTimeline timeline)
    {
        var currencies = timeline.Points.Select(p => p.Currency).Distinct(StringComparer.Ordinal).ToList();
        var oneCurrency = currencies.Count == 1;
        var unit = oneCurrency ? _lang.Money(currencies[0]).Label : _lang.T("billion, in each series' currency", "亿，按各序列币种");
        var table = new ChartTable(
            new ChartField("date", _lang.T("Date", "日期"), FieldType.Temporal),
            new ChartField("measure", _lang.T("Measure", "指标"), FieldType.Nominal),
            new ChartField("amount", _lang.T("Amount", "金额"), FieldType.Quantitative, unit),
            new ChartField("value", _lang.T("Value as stated", "原文数值"), FieldType.Nominal),
            new ChartField("round", _lang.T("Round", "轮次"), FieldType.Nominal),
            new ChartField("period", _lang.T("Period", "期间"), FieldType.Nominal),
            new ChartField("publisher", _lang.T("Publisher", "发布方"), FieldType.Nominal),
            new ChartField("title", _lang.T("Title", "标题"), FieldType.Nominal),
            new ChartField("published", _lang.T("Published", "发布日期"), FieldType.Nominal),
            new ChartField("agreement", _lang.T("Sources", "来源一致性"), FieldType.Nominal));
        foreach (var point in timeline.Points)
        {
            var measure = point.MetricId == CompanyTimelines.Valuation ? _lang.T("Valuation", "估值") : _lang.T("Revenue run-rate", "年化收入");
            var quantity = Quantity.Of(point.Amount, Unit.ForCurrency(point.Currency)!.Value, point.Qualifier);
            table.Add(
                point.At,
                oneCurrency ? measure : $"{measure} ({point.Currency})",
                _lang.Money(point.Currency).Of(point.Amount),
                QuantityFormatter.Format(quantity, _lang.Language, new QuantityFormatOptions { Compact = true, SignificantDigits = 4 }),
                point.Round is { } round ? RoundName(round) : null,
                point.Period.ToString(),
                string.Join("; ", point.Sources.Select(s => s.Publisher).Distinct(StringComparer.Ordinal)),
                string.Join("; ", point.Sources.Select(s => s.Title)),
                string.Join("; ", point.Sources.Select(s => s.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                point.Disputed ? _lang.T("sources differ: each figure drawn", "来源不一致：各自画出") : _lang.T("sources agree", "来源一致"));
        }

        var sources = timeline.Sources;
        return Use(ChartSpec.Lines(
            "company-" + timeline.EntityId,
            Text(
                _lang.T($"{_lang.Name(timeline.EntityId)}: revenue run-rate and valuation", $"{_lang.Name(timeline.EntityId)}：年化收入与估值"),
                _lang.T($"{unit}, log scale; closed rounds labelled", $"{unit}，对数刻度；标注已完成的融资轮次"),
                sources),
            table,
            new ChartEncoding("date", "amount", "measure", LogY: true, Label: "round"),
            sources));
    }

    /// <summary>A round's slug as readers write it: <c>series-f</c> is Series F (F轮); others are spelt out.</summary>
    private string RoundName(string slug)
    {
        if (slug.StartsWith("series-", StringComparison.Ordinal) && slug.Length > 7)
        {
            var letter = slug[7..].ToUpperInvariant();
            return _lang.T("Series " + letter, letter + "轮");
        }

        // A round named by its month (october-2024) is that month in the reader's language: 2024年10月.
        if (DateOnly.TryParseExact(slug.Replace('-', ' '), "MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return _lang.Month(month);
        }

        var named = _lang.ScopeValue("round", slug);
        return named == slug.Replace('-', ' ') ? string.Join(' ', slug.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..])) : named;
    }
}
