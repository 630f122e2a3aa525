using Almanac.Catalogue;
using System.Runtime.CompilerServices;
using Almanac.Knowledge;

namespace Almanac.Checking.Judging;

/// <summary>
/// What a figure the knowledge base contradicts may be instead. Before flagging it, the rule looks
/// for a fact the figure does agree with: a narrower measure of the same entity (the adjusted net
/// loss beside the net loss), another measure of it at the same moment (the active parameters read
/// as the total, a valuation read as the round's amount), or the same measure at another period the
/// sentence itself names (one of several years listed). Any of these means the claim was likely read
/// with the wrong measure or period, so it is not flagged. A figure that is the same measure at a
/// period the sentence does not name (a period slip) or another entity's figure for the same measure
/// and moment (a misattribution) stays flagged, and the reason says whose figure it is.
/// </summary>
internal sealed partial class KnowledgeRule
{
    private enum ReadingKind
    {
        /// <summary>The same measure with a scope the claim leaves unsaid (adjusted, native, a segment).</summary>
        NarrowerScope,

        /// <summary>Another measure of the same entity at the same moment, of the same dimension.</summary>
        OtherMetric,

        /// <summary>The same measure for another period that the claim's own sentence names.</summary>
        NamedPeriod,

        /// <summary>The same measure for another period the sentence does not name: a period slip.</summary>
        OtherPeriod,

        /// <summary>Another entity's figure for the same measure and moment: a misattribution.</summary>
        OtherEntity,
    }

    private sealed record Reading(ReadingKind Kind, Compared Match)
    {
        /// <summary>Whether this reading explains the figure away, so that it must not be flagged.</summary>
        public bool Excuses => Kind is ReadingKind.NarrowerScope or ReadingKind.OtherMetric or ReadingKind.NamedPeriod;
    }

    /// <summary>The facts of each metric across entities, built once per knowledge (for misattribution).</summary>
    private static readonly ConditionalWeakTable<CheckKnowledge, Dictionary<string, List<Statement>>> ByMetric = new();

    /// <summary>The first reading that excuses the figure, else one that names whose or when it is, else null.</summary>
    private static Reading? OtherReading(Claim claim, MetricTiming timing, JudgingContext context)
    {
        // A bound (more than, less than) agrees with too much to say what else a figure is.
        if (claim.Quantity is not { } quantity || !IsPoint(quantity.Qualifier))
        {
            return null;
        }

        // A price's offerings (developer, reseller, batch) are told apart by the price history, not here.
        var isPrice = PriceHistory.Metrics.Contains(claim.MetricId!);

        var about = context.About(claim.EntityId!);
        var metricId = claim.MetricId!;
        var dimension = context.Metric(metricId)?.Dimension;

        // The same measure with more said about it than the claim says.
        // A provider's or a plan's limit is not a narrower measure of the model's own: only a key that
        // names another measure (a basis, a segment, a variant) is.
        var narrower = about.Where(s => !isPrice && s.Fact.MetricId == metricId
            && s.Fact.Scope.Values.Keys.Any(key => claim.Scope[key] is null && key is not ("provider" or "offering"))
            && s.Fact.Scope["offering"] is not ("reseller" or "plan")
            && !FactMatching.ScopeMatches(claim.Scope, s.Fact.Scope, metricId, timing) && Covers(claim.Scope, s.Fact.Scope, timing));
        if (Agreeing(claim, FactMatching.AtMoment(claim, Quantified(narrower), timing), context) is { } byScope)
        {
            return new Reading(ReadingKind.NarrowerScope, byScope);
        }

        // Another measure stated with this one about one thing: a model's sizes (active read as total), a
        // round's figures (its valuation read as its amount). Two of a company's yearly figures that happen
        // to be equal (revenue, loss) are no such reading; prices aside: input and output swapped is an error.
        var together = timing.Kind == TemporalKind.Property || FactMatching.Pinned(claim);
        if (dimension is not null && together && !isPrice)
        {
            foreach (var other in about.Where(s => s.Fact.MetricId != metricId && !PriceHistory.Metrics.Contains(s.Fact.MetricId)
                && (context.Knowledge.TimingOf(s.Fact.MetricId).Kind == TemporalKind.Property) == (timing.Kind == TemporalKind.Property))
                .GroupBy(s => s.Fact.MetricId, StringComparer.Ordinal))
            {
                if (context.Metric(other.Key) is not { } metric || metric.Dimension != dimension)
                {
                    continue;
                }

                var otherTiming = context.Knowledge.TimingOf(other.Key);
                var compatible = other.Where(s => Covers(claim.Scope, s.Fact.Scope, otherTiming));
                if (Agreeing(claim, FactMatching.AtMoment(claim, Quantified(compatible), otherTiming), context) is { } byMetric)
                {
                    return new Reading(ReadingKind.OtherMetric, byMetric);
                }
            }
        }

        // The same measure at another period.
        if (claim.Period is { } period && timing.Kind != TemporalKind.Property)
        {
            var elsewhen = about.Where(s => s.Fact.MetricId == metricId && !s.Fact.Period.Overlaps(period)
                && s.Fact.Obtained != Obtained.Forecast && FactMatching.ScopeMatches(claim.Scope, s.Fact.Scope, metricId, timing));
            if (Agreeing(claim, Quantified(elsewhen).Select(s => (s, true)), context) is { } byPeriod)
            {
                return new Reading(Names(claim, byPeriod.Statement.Fact.Period) ? ReadingKind.NamedPeriod : ReadingKind.OtherPeriod, byPeriod);
            }
        }

        return OtherEntityReading(claim, timing, context);
    }

    /// <summary>Another entity's figure for the same measure and moment, agreeing with the claim: a misattribution.</summary>
    private static Reading? OtherEntityReading(Claim claim, MetricTiming timing, JudgingContext context)
    {
        var metricId = claim.MetricId!;
        var index = ByMetric.GetValue(context.Knowledge, k => k.Statements
            .GroupBy(s => s.Fact.MetricId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));
        // A part's or a whole's figure (a model's and its family's) is no other entity's.
        var related = context.Ancestors(claim.EntityId!).ToHashSet(StringComparer.Ordinal);
        var others = (index.GetValueOrDefault(metricId) ?? [])
            .Where(s => s.Fact.EntityId != claim.EntityId && !related.Contains(s.Fact.EntityId)
                && (context.AsOf is not { } day || s.Source.Published <= day)
                && FactMatching.ScopeMatches(claim.Scope, s.Fact.Scope, metricId, timing));
        var atMoment = FactMatching.AtMoment(claim, Quantified(others), timing)
            .Where(m => m.Decisive && !context.Ancestors(m.Statement.Fact.EntityId).Contains(claim.EntityId, StringComparer.Ordinal));
        return Agreeing(claim, atMoment, context) is { } byEntity ? new Reading(ReadingKind.OtherEntity, byEntity) : null;
    }

    /// <summary>
    /// A figure no fact of its own entity covers at its moment that is another entity's figure for the same measure
    /// and moment ($6.6B raised in October 2024 said of Anthropic, OpenAI's round): contradicted as misattributed.
    /// Only an amount (money, a count) written with several significant digits, of a dated stock or flow, and of an
    /// entity of the same kind that the store knows this measure of at other moments (a publisher named as the
    /// sentence's subject, "路透社报道的年化收入", has no revenue of its own to be confused with): shares, scores and
    /// properties (a 128K window) are shared by chance too often.
    /// </summary>
    private static Judgement? Misattributed(Claim claim, MetricTiming timing, JudgingContext context)
    {
        if (claim.Period is null || timing.Kind == TemporalKind.Property || claim.Quantity is not { } quantity || !IsPoint(quantity.Qualifier)
            || !context.About(claim.EntityId!).Any(s => string.Equals(s.Fact.MetricId, claim.MetricId, StringComparison.Ordinal))
            || quantity.Unit.Dimension is not (Quantities.Dimension.Currency or Quantities.Dimension.Count)
            || Figures.Digits(claim) is not { Length: >= MinAttributedDigits }
            || OtherEntityReading(claim, timing, context) is not { } reading
            || context.Entity(claim.EntityId!)?.Kind is not { } kind || context.Entity(reading.Match.Statement.Fact.EntityId)?.Kind != kind)
        {
            return null;
        }

        var language = JudgingContext.LanguageOf(claim);
        return new Judgement(
            claim,
            Verdict.Contradicted,
            RuleMessages.KnowledgeNotOwned(language, claim.Text, Describe(reading, claim, context)),
            [FactEvidence(reading.Match, claim, context)]);
    }

    /// <summary>Significant digits a figure must have to be told as another entity's: "$6B" is many companies' round.</summary>
    private const int MinAttributedDigits = 2;

    private static IEnumerable<Statement> Quantified(IEnumerable<Statement> statements) =>
        statements.Where(s => s.Fact.Value.Quantity is not null);

    // A source's bound (more than 400M) agrees with too much to say whose or when a figure is.
    private static Compared? Agreeing(Claim claim, IEnumerable<(Statement Statement, bool Decisive)> facts, JudgingContext context) =>
        facts.Where(f => IsPoint(f.Statement.Fact.Value.Quantity!.Value.Qualifier))
            .Select(f => Compare(claim, f.Statement, true, context)).FirstOrDefault(c => c.Verdict == Agreement.Verdict.Agree);

    private static bool IsPoint(Quantities.Qualifier qualifier) =>
        qualifier is Quantities.Qualifier.Exact or Quantities.Qualifier.About or Quantities.Qualifier.Nearly;

    /// <summary>Whether a fact's scope says at least what the claim's does (a property's place aside).</summary>
    private static bool Covers(Scope claim, Scope fact, MetricTiming timing) =>
        claim.Values.All(kv => (timing.Kind == TemporalKind.Property && kv.Key is "region" or "market" or "segment")
            || string.Equals(fact[kv.Key], kv.Value, StringComparison.Ordinal));

    /// <summary>
    /// Whether the claim's sentence names a period of another year than the claim's (a list such as
    /// "2022年、2023年、2024年收入分别为…" gives each figure its own year): which one the figure is for is
    /// then a matter of reading, not of fact.
    /// </summary>
    private static bool Names(Claim claim, Periods.Period other)
    {
        var year = other.Start.Year;
        return claim.Period is { } own && (year < own.Start.Year || year > own.End.Year)
            && claim.Sentence.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>The fact a reading found, named for a reason: whose measure, of what scope, for when, by whom.</summary>
    private static string Describe(Reading reading, Claim claim, JudgingContext context)
    {
        var fact = reading.Match.Statement.Fact;
        var language = JudgingContext.LanguageOf(claim);
        var entity = context.Entity(fact.EntityId);
        var metric = context.Metric(fact.MetricId);
        var entityName = (language == Text.Language.Zh ? entity?.Name.Zh : null) ?? entity?.Name.En ?? fact.EntityId;
        var metricName = (language == Text.Language.Zh ? metric?.Name.Zh : null) ?? metric?.Name.En ?? fact.MetricId;
        return RuleMessages.KnowledgeFact(language, entityName, metricName, fact.Scope.IsEmpty ? null : fact.Scope.Canonical, Value(reading.Match, claim), reading.Match.Statement.Source.Publisher);
    }
}
