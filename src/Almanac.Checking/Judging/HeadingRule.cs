using Almanac.Periods;

namespace Almanac.Checking.Judging;

/// <summary>
/// (d) A heading that states a figure ("Anthropic: $5B run-rate") against the same measure stated
/// in the section below it. A heading sums its section up, so it is flagged only when no figure of
/// the same entity, metric and scope in the section allows its value (one dated to the heading's
/// period, when the heading gives one). A heading with two figures of one measure (a change from
/// one to the other) is left alone. A heading dated only to the note's whole span (2023–2026) is
/// about its section's figures of any date. Figures are read as the note means them: a round
/// "one billion" is a billion, not anything from 0.5 to 1.5 billion (<see cref="Figures.AsRead"/>).
/// </summary>
internal sealed class HeadingRule : IDocumentRule
{
    public string Family => "heading-vs-content";

    private const string PathSeparator = " › ";

    public IEnumerable<Finding> Find(IReadOnlyList<Claim> claims, JudgingContext context)
    {
        foreach (var h in context.Measures.Headings.Order())
        {
            var heading = claims[h];
            if (heading.EntityId is null || heading.MetricId is null || heading.Quantity is null || heading.Role != Almanac.Quantities.QuantityRole.Standalone)
            {
                continue;
            }

            var measure = context.Measures.Of(heading.EntityId, heading.MetricId, heading.Scope);
            if (measure.Count < 2 || measure.Count(k => claims[k].Span.Line == heading.Span.Line) > 1)
            {
                continue;
            }

            var title = heading.Sentence.Trim();
            var dated = heading.Period is { Kind: not PeriodKind.Range } ? heading.Period : null;
            var body = measure
                .Where(k => claims[k].Span.Line > heading.Span.Line && Under(claims[k], title)
                    && (dated is null || Figures.Same(claims[k].Period, dated)))
                .ToList();
            if (body.Count == 0)
            {
                continue;
            }

            var stated = Figures.AsRead(heading);
            var below = body.Select(k => Figures.AsReadIn(claims[k], heading.Quantity.Value.Unit, context)).ToList();
            if (below.Any(b => b is null || Figures.Overlap(stated, b.Value)))
            {
                continue;
            }

            var language = JudgingContext.LanguageOf(heading);
            var first = claims[body[0]];
            yield return new Finding(
                [h],
                RuleMessages.HeadingVsContent(language, RuleMessages.Measure(language, heading, context), heading, first),
                [Figures.Cite(heading), .. body.Select(k => Figures.Cite(claims[k]))]);
        }
    }

    /// <summary>Whether a figure sits in the section of the heading titled <paramref name="title"/>.</summary>
    private static bool Under(Claim claim, string title) =>
        claim.Context.Split(PathSeparator).Any(part => part.Trim() == title || (title.Length > 3 && part.Contains(title, StringComparison.Ordinal)));
}
