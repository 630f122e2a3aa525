using Almanac.Knowledge;
using Almanac.Text;

namespace Almanac.Checking.Judging;

/// <summary>
/// (a) A part stated larger than its whole at the same moment, for relations declared in data
/// only: a metric within another (<see cref="Metric.Within"/>: weekly within monthly active
/// users), and for a metric that sums over its parts (<see cref="Metric.Additive"/>) an entity
/// within the one it belongs to (a model within its family or developer, a market within its
/// parent market), a region within the region containing it, a segment within its market. Never
/// across metrics that are not declared related. Amounts in other currencies are compared only
/// through a dated exchange rate; a part that merely may be larger (超过 X) is not flagged. The
/// part is flagged, unless the knowledge base backs it and not the whole. Within one line, an
/// amount the note calls the total ("累计融资约2.5亿美元", "$2.5B in total") is a whole of the other
/// amounts of its measure and moment listed before it (amounts read as the note means them, "3亿" a
/// round 3亿: <see cref="Figures.AsRead"/>), and an amount introduced as its part ("of which",
/// "其中") is a part of the amount before it even when neither was read as a metric: of such a
/// pair the later statement, departing from the first, is flagged.
/// </summary>
internal sealed class PartWholeRule : IDocumentRule
{
    public string Family => "part-over-whole";

    public IEnumerable<Finding> Find(IReadOnlyList<Claim> claims, JudgingContext context)
    {
        foreach (var line in Figures.Lines(claims))
        {
            foreach (var finding in InLine(claims, line, context))
            {
                yield return finding;
            }
        }

        for (var p = 0; p < claims.Count; p++)
        {
            var part = claims[p];
            if (!Figures.IsLevel(part) || part.EntityId is null || context.Metric(part.MetricId) is not { } metric
                || Measures.Moment(part, metric) is not { } moment)
            {
                continue;
            }

            foreach (var (wholes, relation) in Wholes(part, metric, context))
            {
                foreach (var w in wholes)
                {
                    var whole = claims[w];
                    if (w == p || !Figures.IsLevel(whole) || Measures.Moment(whole, context.Metric(whole.MetricId)) != moment
                        || Figures.IntervalIn(whole, part.Quantity!.Value.Unit, context) is not { } wholeInterval
                        || Figures.Interval(part).Low <= wholeInterval.High)
                    {
                        continue;
                    }

                    var wrong = context.SupportedByKnowledge(part) && !context.SupportedByKnowledge(whole) ? w : p;
                    var language = JudgingContext.LanguageOf(part);
                    yield return new Finding(
                        [wrong],
                        RuleMessages.PartOverWhole(language, relation(language), part, whole),
                        [new Evidence("arithmetic", $"{part.Text} > {whole.Text}"), Figures.Cite(part), Figures.Cite(whole)]);
                }
            }
        }
    }

    /// <summary>
    /// Totals and parts stated in one line: an amount the note calls the total
    /// (<see cref="RuleWords.TotalBefore"/>, <see cref="RuleWords.TotalAfter"/>) against the amounts
    /// of its measure listed before it, the total flagged; an amount introduced as a part
    /// (<see cref="RuleWords.PartOf"/>) against the amount just before it, the part flagged.
    /// </summary>
    private static IEnumerable<Finding> InLine(IReadOnlyList<Claim> claims, List<(int Index, string Before, string After)> line, JudgingContext context)
    {
        var words = RuleWords.Shared;
        var figures = line.Where(f => Figures.IsLevel(claims[f.Index]) && claims[f.Index].EntityId is not null && claims[f.Index].Role == Almanac.Quantities.QuantityRole.Standalone).ToList();
        for (var t = 0; t < figures.Count; t++)
        {
            var total = claims[figures[t].Index];
            var isTotal = RuleWords.AnyIn(words.TotalBefore, Figures.JustBefore(figures[t].Before)) || RuleWords.AnyIn(words.TotalAfter, Figures.JustAfter(figures[t].After));
            for (var p = 0; p < figures.Count; p++)
            {
                var part = claims[figures[p].Index];
                var byTotal = isTotal && p < t && part.MetricId is not null && part.MetricId == total.MetricId && part.Scope.Equals(total.Scope);
                var byPart = p == t + 1 && part.MetricId == total.MetricId && part.Scope.Equals(total.Scope) && RuleWords.AnyIn(words.PartOf, figures[p].Before);
                if (!(byTotal || byPart) || part.EntityId != total.EntityId
                    || part.Quantity!.Value.Unit.Dimension != total.Quantity!.Value.Unit.Dimension
                    || !(part.Period is null || total.Period is null || Figures.Same(part.Period, total.Period))
                    || Figures.AsReadIn(total, part.Quantity!.Value.Unit, context) is not { } whole || Figures.AsRead(part).Low <= whole.High)
                {
                    continue;
                }

                // The statement that departs from the other: the total summing what came before, the part read after its total.
                var (suspect, other) = byTotal ? (figures[t].Index, figures[p].Index) : (figures[p].Index, figures[t].Index);
                var wrong = context.SupportedByKnowledge(claims[suspect]) && !context.SupportedByKnowledge(claims[other]) ? other : suspect;
                var language = JudgingContext.LanguageOf(total);
                yield return new Finding(
                    [wrong],
                    RuleMessages.TotalBelowPart(language, total, part),
                    [new Evidence("arithmetic", $"{part.Text} > {total.Text}"), Figures.Cite(total), Figures.Cite(part)]);
            }
        }
    }

    /// <summary>The figures that are a whole of <paramref name="part"/>, each set with how it contains the part.</summary>
    private static IEnumerable<(IReadOnlyList<int> Wholes, Func<Language, string> Relation)> Wholes(Claim part, Metric metric, JudgingContext context)
    {
        var measures = context.Measures;
        var entity = part.EntityId!;
        foreach (var whole in metric.Within)
        {
            yield return (measures.Of(entity, whole, part.Scope), l => l == Language.Zh
                ? $"{Name(context.Metric(part.MetricId), l)}不超过{Name(context.Metric(whole), l)}"
                : $"{part.MetricId} above {whole}");
        }

        if (!metric.Additive)
        {
            yield break;
        }

        foreach (var ancestor in context.Ancestors(entity))
        {
            yield return (measures.Of(ancestor, metric.Id, part.Scope), l => l == Language.Zh
                ? $"{entity} 属于 {ancestor}"
                : $"{entity} is a part of {ancestor}");
        }

        if (part.Scope["region"] is { } region)
        {
            foreach (var wider in context.Ancestors(region).Where(r => context.Entity(r) is { Kind: EntityKind.Region }))
            {
                yield return (measures.Of(entity, metric.Id, With(part.Scope, "region", wider)), l => l == Language.Zh
                    ? $"{region} 属于 {wider}"
                    : $"a region ({region}) above {wider}");
            }
        }

        if (part.Scope["segment"] is { } segment)
        {
            yield return (measures.Of(entity, metric.Id, With(part.Scope, "segment", null)), l => l == Language.Zh
                ? $"细分 {segment} 属于整体市场"
                : $"a segment ({segment}) above its market");
        }
    }

    private static string Name(Metric? metric, Language language) =>
        (language == Language.Zh ? metric?.Name.Zh : null) ?? metric?.Name.En ?? string.Empty;

    private static Scope With(Scope scope, string key, string? value)
    {
        var values = scope.Values.Where(kv => kv.Key != key).ToList();
        if (value is not null)
        {
            values.Add(new(key, value));
        }

        return Scope.Of(values);
    }
}
