using System.Globalization;
using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Text;
using Almanac.Usage;
using Almanac.Usage.Analyses;

namespace Almanac.Reports.Usage;

/// <summary>What the usage report and the <c>/usage</c> page show, read from a usage store in one go.</summary>
public sealed record UsageView(
    UsageSummary Summary,
    IReadOnlyList<ShareRow> DeveloperShares,
    IReadOnlyList<CostRow> Costs,
    IReadOnlyList<LatencyRow> Latency,
    SwitchingReport Switching,
    IReadOnlyList<AdoptionRow> Adoption)
{
    /// <summary>Models shown in the cost and latency charts, largest first: more bars are not read.</summary>
    public const int TopModels = 12;

    public static UsageView Empty { get; } = new(new UsageSummary(0, 0, null, null), [], [], [], new SwitchingReport([], []), []);

    public bool IsEmpty => Summary.Events == 0;

    /// <param name="releases">The catalogue's releases, for adoption; releases in the logged days are shown.</param>
    public static UsageView Read(IUsageEngine engine, IReadOnlyList<ModelRelease> releases)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var all = new DayWindow(null, null);
        var summary = engine.Summary();
        if (summary.Events == 0)
        {
            return Empty;
        }

        return new UsageView(
            summary,
            engine.Share(new ShareQuery(ShareDimension.Developer, ShareBasis.Tokens, UsagePeriod.Month, all)),
            engine.Cost(new CostQuery(CostDimension.Model, all, TopModels)),
            engine.Latency(new LatencyQuery(all)),
            engine.Switching(new SwitchingQuery(SwitchingSubject.User, UsagePeriod.Month, all)),
            engine.Adoption(new AdoptionQuery(releases, ShareBasis.Tokens, new DayWindow(summary.First, summary.Last))));
    }
}

/// <summary>
/// The usage report (<c>almanac report usage</c>) and the <c>/usage</c> page: shares by developer over time, cost
/// logged against listed, p95 latency by model, switching and adoption, each chart built by the market report's
/// chart builder with the logs' source line ("Source: usage logs, 2026-01-01 → 2026-03-31, 12.4M requests").
/// </summary>
public static class UsageReport
{
    public static ReportDocument Build(UsageView view, Language language, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(view);
        var zh = language == Language.Zh;
        string T(string en, string chinese) => zh ? chinese : en;
        var title = T("Our LLM usage", "我们的大模型用量");
        if (view.IsEmpty)
        {
            var empty = new ReportSection("empty", T("No usage logs yet", "尚无用量日志"),
                T("The usage store holds no events. Ingest your logs with almanac usage ingest <file|folder> (OpenTelemetry GenAI spans, LiteLLM spend logs, OpenAI usage pages or any CSV with --map), then open this again.",
                  "用量库中还没有事件。请先用 almanac usage ingest <文件|文件夹> 导入日志（OpenTelemetry GenAI span、LiteLLM 花费日志、OpenAI 用量页面，或配合 --map 的任意 CSV），再打开本页。"),
                [], [], [], []);
            return new ReportDocument(title, T("From your own usage logs", "来自你们自己的用量日志"), language, null, generatedAt, [empty], []);
        }

        var line = UsageSourceLine.Of(view.Summary);
        var source = LogSource(view.Summary);
        var sections = new List<ReportSection>
        {
            Shares(view, line, source, T),
            Costs(view, line, source, T),
            Latency(view, line, source, T),
            Switching(view, line, source, T),
            Adoption(view, line, source, T),
        };
        var subtitle = T($"{Count(view.Summary.Events)} events, {UsageSourceLine.Requests(view.Summary.Requests)}, {UsageSourceLine.Day(view.Summary.First!.Value)} → {UsageSourceLine.Day(view.Summary.Last!.Value)}",
            $"{Count(view.Summary.Events)} 个事件，{UsageSourceLine.Compact(view.Summary.Requests)} 次请求，{UsageSourceLine.Day(view.Summary.First!.Value)} → {UsageSourceLine.Day(view.Summary.Last!.Value)}");
        return new ReportDocument(title, subtitle, language, null, generatedAt, sections, [source]);
    }

    /// <summary>The usage logs as the one source every chart here cites.</summary>
    public static Source LogSource(UsageSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var (first, last) = (summary.First ?? DateOnly.MinValue, summary.Last ?? DateOnly.MinValue);
        return new Source(
            "usage-logs",
            "Usage logs",
            $"Usage logs {UsageSourceLine.Day(first)} → {UsageSourceLine.Day(last)} ({Count(summary.Events)} events, {Count(summary.Requests)} requests)",
            new Uri($"urn:almanac:usage-logs:{UsageSourceLine.Day(first)}:{UsageSourceLine.Day(last)}"),
            last,
            SourceKind.Primary);
    }

    private static ReportSection Shares(UsageView view, string line, Source source, Func<string, string, string> t)
    {
        var charts = new List<Chart>();
        if (view.DeveloperShares.Count > 0)
        {
            var data = new ChartTable(
                new ChartField("month", t("Month", "月份"), FieldType.Ordinal),
                new ChartField("developer", t("Developer", "开发者"), FieldType.Nominal),
                new ChartField("share", t("Share of tokens", "token 份额"), FieldType.Quantitative, "%"),
                new ChartField("tokens", t("Tokens", "token 数"), FieldType.Quantitative));
            foreach (var row in view.DeveloperShares)
            {
                data.Add(row.Period, row.Key, Math.Round(row.Share * 100, 2), row.Value);
            }

            charts.Add(ChartSpec.StackedShare("usage-share-developer", new ChartText(t("Share of our tokens by developer", "各开发者在我们 token 中的份额"), t("Percent of input + output tokens, by month", "输入加输出 token 的百分比，按月"), line),
                data, new ChartEncoding("month", "share", "developer"), [source]));
        }

        return new ReportSection("share", t("Who carries our tokens", "谁承载了我们的 token"),
            t("Each developer's share of the month's input and output tokens, as the logs record them; models the catalogue does not know count as (unknown).",
              "各开发者在当月输入与输出 token 中的份额，按日志记录；目录中没有的模型计为 (unknown)。"),
            [], charts, [], []);
    }

    private static ReportSection Costs(UsageView view, string line, Source source, Func<string, string, string> t)
    {
        var charts = new List<Chart>();
        var notes = new List<string>();
        var priced = view.Costs.Where(c => c.Logged > 0 || c.Listed > 0).ToList();
        if (priced.Count > 0)
        {
            var data = new ChartTable(
                new ChartField("model", t("Model", "模型"), FieldType.Nominal),
                new ChartField("kind", t("Cost", "成本"), FieldType.Nominal),
                new ChartField("usd", t("USD", "美元"), FieldType.Quantitative, "USD"));
            foreach (var row in priced)
            {
                data.Add(row.Key, t("as logged", "日志记录"), Math.Round(row.Logged, 4));
                data.Add(row.Key, t("at list price", "按标价"), Math.Round(row.Listed, 4));
            }

            charts.Add(ChartSpec.Bars("usage-cost-model", new ChartText(t("Cost logged against cost at list prices", "日志成本与标价成本"), t("USD, by model; list price in force on each event's day", "美元，按模型；按每个事件当天的标价"), line),
                data, new ChartEncoding("model", "usd", "kind"), [source]));
        }
        else
        {
            notes.Add(t("No event states a cost and no model has a list price in the store: import a price dataset (almanac import models-dev …) to re-cost.",
                "没有事件记录成本，库中的模型也没有标价：导入价格数据集（almanac import models-dev …）后可重新计价。"));
        }

        return new ReportSection("cost", t("Cost as logged and at list prices", "记录成本与标价成本"),
            t("What the logs say each model cost, beside what the same tokens cost at the list price in force on the day; the largest differences first.",
              "日志记录的各模型成本，与同样 token 按当天标价计算的成本并列；差额最大的在前。"),
            [], charts, [], notes);
    }

    private static ReportSection Latency(UsageView view, string line, Source source, Func<string, string, string> t)
    {
        var charts = new List<Chart>();
        var timed = view.Latency.Where(r => r.DurationP95 is not null).Take(UsageView.TopModels).ToList();
        if (timed.Count > 0)
        {
            var data = new ChartTable(
                new ChartField("model", t("Model (provider)", "模型（服务商）"), FieldType.Nominal),
                new ChartField("p95", t("p95 duration", "p95 时长"), FieldType.Quantitative, "ms"),
                new ChartField("p50", t("p50 duration", "p50 时长"), FieldType.Quantitative, "ms"),
                new ChartField("requests", t("Requests", "请求数"), FieldType.Quantitative));
            foreach (var row in timed)
            {
                data.Add($"{row.Model} ({row.Provider})", Math.Round(row.DurationP95!.Value, 1), Math.Round(row.DurationP50 ?? 0, 1), row.Requests);
            }

            charts.Add(ChartSpec.Bars("usage-latency-p95", new ChartText(t("p95 latency by model", "各模型 p95 延迟"), t("Milliseconds from start to end of the call", "调用开始到结束的毫秒数"), line),
                data, new ChartEncoding("model", "p95"), [source]));
        }

        return new ReportSection("latency", t("How fast calls are", "调用有多快"),
            t("The 95th percentile of call duration per model and the provider that served it.", "按模型及其服务商统计的调用时长第 95 百分位。"),
            [], charts, [], []);
    }

    private static ReportSection Switching(UsageView view, string line, Source source, Func<string, string, string> t)
    {
        var charts = new List<Chart>();
        var tables = new List<ReportTable>();
        if (view.Switching.Steps.Count > 0)
        {
            var data = new ChartTable(
                new ChartField("step", t("Months", "月份"), FieldType.Ordinal),
                new ChartField("outcome", t("Users", "用户"), FieldType.Nominal),
                new ChartField("share", t("Share of users", "用户占比"), FieldType.Quantitative, "%"),
                new ChartField("users", t("Users", "用户数"), FieldType.Quantitative));
            foreach (var step in view.Switching.Steps)
            {
                var label = $"{step.FromPeriod} → {step.ToPeriod}";
                data.Add(label, t("stayed on the model", "留在原模型"), Math.Round(step.StayedShare * 100, 2), step.Stayed);
                data.Add(label, t("moved within the developer", "换到同一开发者的其他模型"), Math.Round(step.MovedShare * 100, 2), step.Moved);
                data.Add(label, t("switched developer", "换了开发者"), Math.Round(step.SwitchedShare * 100, 2), step.Switched);
            }

            charts.Add(ChartSpec.StackedShare("usage-switching", new ChartText(t("Users staying, moving and switching", "用户留存、内部迁移与转投"), t("Percent of users active in both months, by their main model (most tokens)", "两个月都活跃的用户的百分比，按主力模型（token 最多）"), line),
                data, new ChartEncoding("step", "share", "outcome"), [source]));
            var developers = view.Switching.Matrix.SelectMany(c => new[] { c.FromDeveloper, c.ToDeveloper }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var rows = developers.Select(from => (IReadOnlyList<string>)[from, .. developers.Select(to => Count(view.Switching.Matrix.Where(c => c.FromDeveloper == from && c.ToDeveloper == to).Sum(c => c.Subjects)))]).ToList();
            tables.Add(new ReportTable(t("Users by main developer, one month against the next (all months)", "按主力开发者统计的用户，本月对下月（全部月份）"),
                [t("from ↓ / to →", "从 ↓ / 到 →"), .. developers], rows, line));
        }

        return new ReportSection("switching", t("Who switches", "谁在转投"),
            t("Each user's main model in one month against the next: stayed on it, moved to another model of the same developer, or switched developer.",
              "每位用户本月与下月的主力模型：留在原模型、换到同一开发者的其他模型，或换了开发者。"),
            [], charts, tables, []);
    }

    private static ReportSection Adoption(UsageView view, string line, Source source, Func<string, string, string> t)
    {
        var charts = new List<Chart>();
        var tables = new List<ReportTable>();
        var notes = new List<string>();
        var used = view.Adoption.Where(a => a.FirstUsed is not null).ToList();
        var measured = used.Where(a => a.ShareDay7 is not null || a.ShareDay30 is not null || a.ShareDay90 is not null).ToList();
        if (measured.Count > 0)
        {
            var data = new ChartTable(
                new ChartField("model", t("Model", "模型"), FieldType.Nominal),
                new ChartField("after", t("Days after release", "发布后天数"), FieldType.Nominal),
                new ChartField("share", t("Share of its developer's tokens", "占其开发者 token 的份额"), FieldType.Quantitative, "%"));
            foreach (var row in measured)
            {
                foreach (var (after, share) in new[] { ("7", row.ShareDay7), ("30", row.ShareDay30), ("90", row.ShareDay90) })
                {
                    if (share is { } s)
                    {
                        data.Add(row.ModelId, t($"day {after}", $"第 {after} 天"), Math.Round(s * 100, 2));
                    }
                }
            }

            charts.Add(ChartSpec.Bars("usage-adoption", new ChartText(t("Adoption after release", "发布后的采用"), t("Share of the developer's tokens on the day 7, 30 and 90 days after release", "发布后第 7、30、90 天占该开发者 token 的份额"), line),
                data, new ChartEncoding("model", "share", "after"), [source]));
        }

        if (used.Count > 0)
        {
            tables.Add(new ReportTable(t("Releases in the logged days and their first use", "日志期间发布的模型及其首次使用"),
                [t("Model", "模型"), t("Released", "发布"), t("First used", "首次使用"), t("Days to first use", "距首次使用天数")],
                used.Select(a => (IReadOnlyList<string>)[a.ModelId, UsageSourceLine.Day(a.Released), UsageSourceLine.Day(a.FirstUsed!.Value), a.DaysToFirstUse!.Value.ToString(CultureInfo.InvariantCulture)]).ToList(), line));
        }
        else
        {
            notes.Add(t("No model the catalogue dates was released, and used, within the logged days.", "日志期间没有目录中有发布日期且被使用的新模型。"));
        }

        return new ReportSection("adoption", t("Adoption after a release", "新模型发布后的采用"),
            t("For each model released within the logged days (release dates from the catalogue): days from release to first use, and its share of its developer's tokens 7, 30 and 90 days on.",
              "日志期间发布的每个模型（发布日期取自目录）：发布到首次使用的天数，以及第 7、30、90 天占其开发者 token 的份额。"),
            [], charts, tables, notes);
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
