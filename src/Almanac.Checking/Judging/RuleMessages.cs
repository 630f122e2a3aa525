using Almanac.Text;

namespace Almanac.Checking.Judging;

/// <summary>
/// The reasons the document rules give, in the language of the note they judge (a Chinese note
/// reads its reasons in Chinese), in one place. Figures are quoted as the note wrote them.
/// </summary>
internal static class RuleMessages
{
    // ---- the knowledge rule: a figure against the sourced facts of the store

    public static string KnowledgeContradicted(Language language, string who, string values, string claimed) => language == Language.Zh
        ? $"{who} 给出 {values}，而非 {claimed}"
        : $"{who} gives {values}, not {claimed}";

    public static string KnowledgeNotInPeriod(Language language, string who, string values, string period) => language == Language.Zh
        ? $"{who} 给出 {values}，不在 {period} 内"
        : $"{who} gives {values}, which is not in {period}";

    /// <summary>A fact named in a reason: <c>Zhipu AI's net loss [basis=adjusted] 24.656亿元 (2024) (cnyes)</c>.</summary>
    public static string KnowledgeFact(Language language, string entity, string metric, string? scope, string value, string publisher) => language == Language.Zh
        ? $"{entity}的{metric}{(scope is null ? string.Empty : $"［{scope}］")} {value}（{publisher}）"
        : $"{entity}'s {metric}{(scope is null ? string.Empty : $" [{scope}]")} {value} ({publisher})";

    public static string KnowledgeOtherReading(Language language, string who, string values, string claimed, string fact) => language == Language.Zh
        ? $"{who} 给出 {values}，但 {claimed} 与{fact}一致：该数值可能指的是后者，无法据此判定为错误"
        : $"{who} gives {values}, but {claimed} is {fact}: the figure may be of that measure, so this does not contradict it";

    public static string KnowledgeWhoseFigure(Language language, string claimed, string fact, bool otherEntity) => (language, otherEntity) switch
    {
        (Language.Zh, true) => $"；{claimed} 实为{fact}，疑似张冠李戴",
        (Language.Zh, false) => $"；{claimed} 实为{fact}，疑似时间错位",
        (_, true) => $"; {claimed} is {fact}: likely misattributed",
        _ => $"; {claimed} is {fact}: likely the figure of another period",
    };

    public static string KnowledgeNotOwned(Language language, string claimed, string fact) => language == Language.Zh
        ? $"知识库中没有该主体此时的这一数值，而 {claimed} 实为{fact}，疑似张冠李戴"
        : $"The knowledge base has no such figure of this entity for this moment, and {claimed} is {fact}: likely misattributed";

    public static string KnowledgeChangedSince(Language language, string thenWho, string thenValue, string period, string laterWho, string laterValue, string claimed) => language == Language.Zh
        ? $"{thenWho} 给出 {period} 时为 {thenValue}；{claimed} 是之后的数值（{laterWho}：{laterValue}），疑似时间错位"
        : $"{thenWho} gives {thenValue} at {period}; {claimed} is the later figure ({laterWho}: {laterValue}): likely the figure of another period";

    public static string KnowledgeUnreleasedPrice(Language language, string model, string claimed) => language == Language.Zh
        ? $"{model} 已发布预告但从未正式推出，没有公开价格：{claimed} 无从谈起"
        : $"{model} was announced but never released, so it has no public price: {claimed} cannot be its price";

    public static string KnowledgeUnreleasedDate(Language language, string model, string claimed) => language == Language.Zh
        ? $"{model} 已发布预告但从未正式推出：{claimed} 至多是其公布日期，而非发布日期"
        : $"{model} was announced but never released: {claimed} can at most be the day it was announced, not a release date";

    // ---- the document rules

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
