using Almanac.Text;

namespace Almanac.Checking.Judging;

/// <summary>
/// The reasons the document rules give, in the language of the note they judge (a Chinese note
/// reads its reasons in Chinese), in one place. Figures are quoted as the note wrote them.
/// </summary>
internal static class RuleMessages
{
    public static string SameMeasure(Language language, string measure, Claim flagged, Claim reference, bool unitSlip) => language == Language.Zh
        ? $"同一指标（{measure}）在文中出现两个不同数值：{flagged.Text}（{Figures.Line(flagged)}）与 {reference.Text}（{Figures.Line(reference)}）{(unitSlip ? "；相差约10的整数次方倍，疑似单位换算错误" : string.Empty)}"
        : $"The document states {measure} as both {flagged.Text} ({Figures.Line(flagged)}) and {reference.Text} ({Figures.Line(reference)}){(unitSlip ? "; they differ by a power of ten: likely unit slip" : string.Empty)}";

    public static string PartOverWhole(Language language, string relation, Claim part, Claim whole) => language == Language.Zh
        ? $"部分大于整体（{relation}）：{part.Text}（{Figures.Line(part)}）大于 {whole.Text}（{Figures.Line(whole)}）"
        : $"{relation}: {part.Text} ({Figures.Line(part)}) is larger than {whole.Text} ({Figures.Line(whole)})";

    public static string HeadingVsContent(Language language, string measure, Claim heading, Claim body) => language == Language.Zh
        ? $"标题中的{measure} {heading.Text}（{Figures.Line(heading)}）与下文的 {body.Text}（{Figures.Line(body)}）不符"
        : $"The heading states {measure} as {heading.Text} ({Figures.Line(heading)}), the section below as {body.Text} ({Figures.Line(body)})";

    public static string SharesOver100(Language language, string scope, string period, string sum) => language == Language.Zh
        ? $"{period}{scope}各方份额合计至少 {sum}，超过100%"
        : $"Shares{(scope.Length == 0 ? string.Empty : " of " + scope)}{(period.Length == 0 ? string.Empty : " in " + period)} add up to at least {sum}";

    public static string RestOver100(Language language, Claim rest, IReadOnlyList<Claim> listed, string sum, string left) => language == Language.Zh
        ? $"份额合计 {sum}，超过100%：{string.Join("、", listed.Select(c => c.Text))} 之外的其余部分应为 {left}，而非 {rest.Text}"
        : $"Shares add up to {sum}, past 100%: {string.Join(", ", listed.Select(c => c.Text))} leave {left} for the rest, not {rest.Text}";

    public static string TotalBelowPart(Language language, Claim total, Claim part) => language == Language.Zh
        ? $"合计 {total.Text}（{Figures.Line(total)}）小于其中一部分 {part.Text}（{Figures.Line(part)}）"
        : $"The total {total.Text} ({Figures.Line(total)}) is less than its part {part.Text} ({Figures.Line(part)})";

    public static string Growth(Language language, Claim growth, Claim start, Claim end, string computed) => language == Language.Zh
        ? $"增幅 {growth.Text} 与 {start.Text}（{start.Period}）到 {end.Text}（{end.Period}）不符：实为 {computed}"
        : $"{growth.Text} growth does not connect {start.Text} ({start.Period}) and {end.Text} ({end.Period}): {computed}";

    public static string Cagr(Language language, Claim cagr, string starts, string ends, string arithmetic) => language == Language.Zh
        ? $"复合增长率 {cagr.Text} 无法连接 {starts} 与 {ends}：{arithmetic}"
        : $"CAGR {cagr.Text} does not connect {starts} to {ends}: {arithmetic}";

    public static string LatestBelowEarlier(Language language, string metric, Claim latest, string earlier) => language == Language.Zh
        ? $"最新{metric} {latest.Text} 低于更早的 {earlier}"
        : $"The latest {metric} {latest.Text} is below the earlier {earlier}";

    public static string ActiveOverTotal(Language language, Claim active, Claim total) => language == Language.Zh
        ? $"激活参数 {active.Text} 超过总参数 {total.Text}"
        : $"Active parameters {active.Text} exceed the total {total.Text}";

    /// <summary>A metric's name in the note's language, its id when it has none.</summary>
    public static string MetricName(Language language, string metricId, JudgingContext context) =>
        context.Metric(metricId) is { } metric ? (language == Language.Zh ? metric.Name.Zh : null) ?? metric.Name.En : metricId;

    /// <summary>A measure named for a reason: the metric's name in the note's language, of the entity's name.</summary>
    public static string Measure(Language language, Claim claim, JudgingContext context)
    {
        var metric = context.Metric(claim.MetricId);
        var entity = context.Entity(claim.EntityId);
        var metricName = (language == Language.Zh ? metric?.Name.Zh : null) ?? metric?.Name.En ?? claim.MetricId ?? string.Empty;
        var entityName = (language == Language.Zh ? entity?.Name.Zh : null) ?? entity?.Name.En ?? claim.EntityId ?? string.Empty;
        var period = claim.Period is { } p ? p.ToString() : null;
        return language == Language.Zh
            ? $"{entityName}{(period is null ? string.Empty : " " + period + " ")}的{metricName}"
            : $"{metricName} of {entityName}{(period is null ? string.Empty : " for " + period)}";
    }
}
