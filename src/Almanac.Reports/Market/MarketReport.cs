using Almanac.Analytics;
using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Text;

namespace Almanac.Reports.Market;

/// <summary>The parts of the market report that also stand as pages of their own.</summary>
public enum MarketView
{
    Companies,
    Leaderboards,
}

/// <summary>
/// <c>almanac report market</c>: the seed article's analysis of the enterprise LLM market, a
/// model landscape and a China section, every chart built from sourced facts. Measures that differ
/// (usage share, spend share, token share) are shown side by side with their definitions, never averaged.
/// </summary>
public sealed partial class MarketReport
{
    private static readonly string[] Palette =
        ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#79706e"];

    // Providers keep one colour in every chart, so a reader can follow Anthropic from chart to chart.
    private static readonly Dictionary<string, string> ProviderColours = new(StringComparer.Ordinal)
    {
        ["anthropic"] = "#d97757",
        ["openai"] = "#10a37f",
        ["google"] = "#4285f4",
        ["meta"] = "#6f42c1",
        ["deepseek"] = "#1f3a93",
        ["mistral-ai"] = "#fa8c16",
        ["alibaba"] = "#ff6a00",
        ["bytedance"] = "#325ab4",
        ["baidu"] = "#2932e1",
    };

    private const string OtherColour = "#c8c8c8";

    private readonly ReportKnowledge _knowledge;
    private readonly ReportLanguage _lang;
    private readonly List<Source> _used = [];

    private MarketReport(ReportKnowledge knowledge, Language language)
    {
        _knowledge = knowledge;
        _lang = new ReportLanguage(language, knowledge.Entities);
    }

    /// <summary>Builds the report from what the knowledge base holds.</summary>
    public static ReportDocument Build(ReportKnowledge knowledge, Language language, DateOnly? asOf, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var report = new MarketReport(knowledge, language);
        var sections = new List<ReportSection>
        {
            report.UsageAndSpendShares(),
            report.Coding(),
            report.OpenAndClosed(),
            report.Switching(),
            report.Spend(),
            report.Inference(),
            report.Companies(ReportCompanies),
            report.TokenShares(),
            report.LeaderboardSection(),
            report.Landscape(),
            report.China(),
            report.Forecasts(),
        };
        var lang = report._lang;
        return report.Document(
            lang.T("The LLM market", "大模型市场全景"),
            lang.T(
                "Enterprise use of large language models, the model landscape and China, from sourced facts",
                "企业大模型使用、模型格局与中国市场，每个数字均有出处"),
            asOf,
            generatedAt,
            sections);
    }

    /// <summary>
    /// One view of the report on a page of its own: every company's timeline (the report draws the
    /// largest only), or the leaderboards with OpenRouter's token share.
    /// </summary>
    public static ReportDocument BuildView(ReportKnowledge knowledge, MarketView view, Language language, DateOnly? asOf, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var report = new MarketReport(knowledge, language);
        var lang = report._lang;
        return view switch
        {
            MarketView.Companies => report.Document(
                lang.T("Companies", "公司"),
                lang.T("Revenue run-rate and valuations of closed rounds, per company, from sourced facts", "各公司的年化收入与已完成轮次的估值，每个数字均有出处"),
                asOf,
                generatedAt,
                [report.Companies(null)]),
            MarketView.Leaderboards => report.Document(
                lang.T("Leaderboards", "排行榜"),
                lang.T("LMArena scores, benchmark results and OpenRouter's token share, from sourced facts", "LMArena 得分、基准测试结果与 OpenRouter token 份额，每个数字均有出处"),
                asOf,
                generatedAt,
                [report.LeaderboardSection(), report.TokenShares()]),
            _ => throw new ArgumentOutOfRangeException(nameof(view), view, null),
        };
    }

    private ReportDocument Document(string title, string subtitle, DateOnly? asOf, DateTimeOffset generatedAt, List<ReportSection> sections) =>
        new(
            title,
            subtitle,
            _lang.Language,
            asOf,
            generatedAt,
            sections.Where(s => s.Charts.Count + s.Tables.Count + s.Notes.Count > 0).ToList(),
            _used.Distinct().OrderBy(s => s.Publisher, StringComparer.Ordinal).ThenBy(s => s.Published).ToList());

    private Chart Use(Chart chart)
    {
        _used.AddRange(chart.Sources);
        return chart;
    }

    private string SourcesLine(IEnumerable<Source> sources)
    {
        var list = sources.ToList();
        _used.AddRange(list);
        return SourceLine.For(list, _lang.Language);
    }

    private ChartText Text(string title, string subtitle, IEnumerable<Source> sources) =>
        new(title, subtitle, SourceLine.For(sources, _lang.Language));

    private static string Publishers(IEnumerable<Source> sources) =>
        string.Join("; ", sources.Select(s => $"{s.Publisher}, {s.Title} ({s.Published:yyyy-MM-dd})").Distinct(StringComparer.Ordinal));

    private static string Colour(string entityId, int index) =>
        ProviderColours.TryGetValue(entityId, out var colour) ? colour : Palette[index % Palette.Length];

    private string OtherLabel => _lang.T("Other or not reported", "其他或未披露");

    /// <summary>Collects a section's parts; a chart without data becomes a note saying what is missing.</summary>
    private sealed class SectionBuilder(string id, string title, string lead)
    {
        private readonly List<ReportDefinition> _definitions = [];
        private readonly List<Chart> _charts = [];
        private readonly List<ReportTable> _tables = [];
        private readonly List<string> _notes = [];

        public SectionBuilder Define(string term, string meaning)
        {
            _definitions.Add(new ReportDefinition(term, meaning));
            return this;
        }

        public SectionBuilder Add(Chart? chart, string missing)
        {
            if (chart is null)
            {
                _notes.Add(missing);
            }
            else
            {
                _charts.Add(chart);
            }

            return this;
        }

        public SectionBuilder Add(ReportTable? table)
        {
            if (table is not null)
            {
                _tables.Add(table);
            }

            return this;
        }

        public SectionBuilder Note(string note)
        {
            _notes.Add(note);
            return this;
        }

        public ReportSection Build() => new(id, title, lead, _definitions, _charts, _tables, _notes);
    }
}
