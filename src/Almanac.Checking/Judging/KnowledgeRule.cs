using System.Globalization;
using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Quantities;

namespace Almanac.Checking.Judging;

/// <summary>
/// Judges a claim by the knowledge base: supported when every publisher's figure for the measure
/// agrees with it, disputed when some do and some do not, contradicted when none does. A
/// publisher's newer figure for a moment supersedes its older one; figures for different moments
/// within the claim's period each count, so a yearly claim may match any of them.
/// </summary>
internal sealed partial class KnowledgeRule : IClaimRule
{
    public string Family => "knowledge";

    public Judgement? Judge(Claim claim, JudgingContext context)
    {
        if (claim.EntityId is null || claim.MetricId is null || (claim.Quantity is null && claim.Date is null)
            || claim.Role == QuantityRole.Equivalent)
        {
            return null;
        }

        if (Unreleased(claim, context) is { } never)
        {
            return never;
        }

        var timing = context.Knowledge.TimingOf(claim.MetricId);
        var (matches, family) = Candidates(claim, timing, context);
        if (matches.Count == 0)
        {
            return Misattributed(claim, timing, context);
        }

        var compared = matches.Select(m => Compare(claim, m.Statement, m.Decisive, context)).ToList();

        // A claim within the spread of any other evaluator's or setting's run is that kind of figure:
        // no such run contradicts it.
        if (compared.Any(c => c.OtherSetting && !c.Decisive && c.Verdict == Agreement.Verdict.Disagree))
        {
            compared = compared.Select(c => c.OtherSetting ? c with { Decisive = false } : c).ToList();
        }
        var comparable = compared.Where(c => c.Verdict != Agreement.Verdict.Incomparable).ToList();
        if (comparable.Count == 0)
        {
            var first = compared[0];
            return new Judgement(
                claim,
                Verdict.Unverifiable,
                $"The knowledge base states this measure only in {first.Statement.Fact.Value.Unit.Code}, which cannot be compared with {claim.Text}{(first.Note is null ? string.Empty : ": " + first.Note)}",
                compared.Take(3).Select(c => FactEvidence(c, claim, context)).ToList());
        }

        var publishers = comparable
            .GroupBy(c => c.Statement.Source.Publisher, StringComparer.OrdinalIgnoreCase)
            .Select(Representative)
            .OrderBy(c => c.Statement.Source.Published)
            .ToList();
        var agreeing = publishers.Where(p => p.Verdict == Agreement.Verdict.Agree).ToList();
        var disagreeing = publishers.Where(p => p.Verdict == Agreement.Verdict.Disagree && p.Decisive && Disputes(p, agreeing, timing)).ToList();
        var elsewhen = publishers.Where(p => p.Verdict == Agreement.Verdict.Disagree && !p.Decisive).ToList();
        var evidence = publishers.Select(c => FactEvidence(c, claim, context)).ToList();
        var familyNote = family is null ? string.Empty : $" (a figure for the whole {family} family)";

        if (disagreeing.Count == 0 && agreeing.Count > 0)
        {
            var lead = agreeing[0];
            var when = FactMatching.Undated(claim, timing) ? $"; {claim.Text} gives no date, and this is the figure for {lead.Statement.Fact.Period}" : string.Empty;
            return new Judgement(claim, Verdict.Supported, $"{Who(agreeing)} gives {Value(lead, claim)}{familyNote}{Bound(claim, lead)}{when}", evidence);
        }

        if (disagreeing.Count == 0)
        {
            if (EarlierPrice(claim, context) is { } earlierPrice)
            {
                return earlierPrice;
            }

            var others = string.Join(" / ", elsewhen.Select(d => Value(d, claim)).Distinct(StringComparer.Ordinal));
            var why = FactMatching.Undated(claim, timing)
                ? $"{claim.Text} gives no date: {Who(elsewhen)} gives {others}, which may be of another date than the figure's"
                : timing.Kind == TemporalKind.Property || claim.Period is null
                    ? $"{Who(elsewhen)} gives {others}, measured by another evaluator or at another setting ({string.Join(", ", elsewhen.Select(e => e.Statement.Fact.Scope.Canonical).Distinct(StringComparer.Ordinal))}); not enough to contradict {claim.Text}"
                    : $"{Who(elsewhen)} gives {others}, stated for another moment than {claim.Period}; not enough to contradict {claim.Text}";
            return new Judgement(claim, Verdict.Unverifiable, why, evidence);
        }

        if (agreeing.Count > 0 && ChangedSince(claim, timing, agreeing, disagreeing) is { } then)
        {
            return new Judgement(
                claim,
                Verdict.Contradicted,
                RuleMessages.KnowledgeChangedSince(JudgingContext.LanguageOf(claim), Who([then]), Value(then, claim), claim.Period!.Value.ToString(), Who(agreeing), Value(agreeing[0], claim), claim.Text),
                evidence);
        }

        if (agreeing.Count > 0)
        {
            return new Judgement(
                claim,
                Verdict.Disputed,
                $"Sources disagree: {Who(agreeing)} gives {Value(agreeing[0], claim)}, {Who(disagreeing)} gives {string.Join(" / ", disagreeing.Select(d => Value(d, claim)))}",
                evidence);
        }

        var differing = string.Join(" / ", disagreeing.Select(d => Value(d, claim)).Distinct(StringComparer.Ordinal));
        if (family is not null)
        {
            return new Judgement(claim, Verdict.Unverifiable, $"{Who(disagreeing)} gives {differing} for the {family} family, not this model; not enough to contradict {claim.Text}", evidence);
        }

        if (disagreeing.All(d => d.Statement.Fact.Obtained == Obtained.Forecast))
        {
            return new Judgement(claim, Verdict.Unverifiable, $"Only other forecasts are known: {Who(disagreeing)} {differing}; one forecast does not contradict another", evidence);
        }

        if (EarlierPrice(claim, context) is { } earlier)
        {
            return earlier;
        }

        var language = JudgingContext.LanguageOf(claim);
        var reading = OtherReading(claim, timing, context);
        if (reading is { Excuses: true })
        {
            return new Judgement(
                claim,
                Verdict.Unverifiable,
                RuleMessages.KnowledgeOtherReading(language, Who(disagreeing), differing, claim.Text, Describe(reading, claim, context)),
                [.. evidence, FactEvidence(reading.Match, claim, context)]);
        }

        var reason = claim.Date is { } date
            ? RuleMessages.KnowledgeNotInPeriod(language, Who(disagreeing), differing, date.ToString())
            : RuleMessages.KnowledgeContradicted(language, Who(disagreeing), differing, claim.Text);
        if (reading is not null)
        {
            reason += RuleMessages.KnowledgeWhoseFigure(language, claim.Text, Describe(reading, claim, context), reading.Kind == ReadingKind.OtherEntity);
            evidence = [.. evidence, FactEvidence(reading.Match, claim, context)];
        }

        return new Judgement(claim, Verdict.Contradicted, reason, evidence);
    }

    /// <summary>
    /// A model its developer announced but never made available (<see cref="Entity.Unreleased"/>) has no public
    /// price: a price for it is contradicted. A release date for it is never supported (the date may be the
    /// day it was announced, so it is not flagged either).
    /// </summary>
    private static Judgement? Unreleased(Claim claim, JudgingContext context)
    {
        if (context.Entity(claim.EntityId) is not { Status: Entity.Unreleased } model)
        {
            return null;
        }

        var language = JudgingContext.LanguageOf(claim);
        var name = (language == Text.Language.Zh ? model.Name.Zh : null) ?? model.Name.En;
        if (PriceHistory.Metrics.Contains(claim.MetricId!))
        {
            return new Judgement(claim, Verdict.Contradicted, RuleMessages.KnowledgeUnreleasedPrice(language, name, claim.Text), []);
        }

        return claim.MetricId == ReleaseDateMetric
            ? new Judgement(claim, Verdict.Unverifiable, RuleMessages.KnowledgeUnreleasedDate(language, name, claim.Text), [])
            : null;
    }

    private const string ReleaseDateMetric = "release-date";

    /// <summary>
    /// Whether a source's differing figure disputes the agreeing ones: for a stock, only a figure for the
    /// same moment does (a claim for 2025 may match the March figure while the October one differs); for
    /// a property, a dataset's row does not dispute a curated, quoted fact that agrees (datasets merge a
    /// model's dated snapshots and list a provider's limits as the model's).
    /// </summary>
    private static bool Disputes(Compared differing, List<Compared> agreeing, MetricTiming timing)
    {
        if (agreeing.Count == 0)
        {
            return true;
        }

        return timing.Kind switch
        {
            TemporalKind.Stock => agreeing.Any(a => a.Statement.Fact.Period.Overlaps(differing.Statement.Fact.Period)),
            TemporalKind.Property => differing.Statement.Dataset is null || agreeing.All(a => a.Statement.Dataset is not null),
            _ => true,
        };
    }

    /// <summary>
    /// A property a model gained later (Claude Sonnet 4's 1M-token window came in August 2025, months after
    /// its 200K launch): a claim dated before the change that states the later value is a period slip, when a
    /// source stated the earlier value at the claim's moment and every agreeing curated source is dated after it.
    /// Datasets alone do not date a change (their rows carry a snapshot's date, not the change's).
    /// </summary>
    private static Compared? ChangedSince(Claim claim, MetricTiming timing, List<Compared> agreeing, List<Compared> disagreeing)
    {
        if (timing.Kind != TemporalKind.Property || claim.Period is not { } period
            || !agreeing.Any(a => a.Statement.Dataset is null)
            || !agreeing.All(a => a.Statement.Fact.Period.Start > period.End))
        {
            return null;
        }

        return disagreeing.FirstOrDefault(d => d.Statement.Dataset is null && d.Statement.Fact.Period.Overlaps(period));
    }

    private static (List<(Statement Statement, bool Decisive)> Matches, string? Family) Candidates(Claim claim, MetricTiming timing, JudgingContext context)
    {
        var own = Matching(claim, claim.EntityId!, timing, context);
        if (own.Count > 0 || !FactMatching.FamilyProperties.Contains(claim.MetricId!))
        {
            return (own, null);
        }

        if (context.Entity(claim.EntityId) is { Parent: { } parentId } && context.Entity(parentId) is { Kind: EntityKind.ModelFamily } parent)
        {
            var inherited = Matching(claim, parent.Id, timing, context);
            return (inherited, inherited.Count > 0 ? parent.Name.En : null);
        }

        return (own, null);
    }

    private static List<(Statement Statement, bool Decisive)> Matching(Claim claim, string entityId, MetricTiming timing, JudgingContext context)
    {
        var isPrice = PriceHistory.Metrics.Contains(claim.MetricId!);
        var sameMeasure = context.About(entityId)
            .Where(s => s.Fact.MetricId == claim.MetricId
                && !(isPrice && s.Dataset is not null)
                && FactMatching.ScopeMatches(claim.Scope, s.Fact.Scope, claim.MetricId, timing)
                && (claim.Date is null ? s.Fact.Value.Quantity is not null : s.Fact.Value.Date is not null));
        var matching = FactMatching.AtMoment(claim, sameMeasure, timing);
        if (isPrice)
        {
            // A dataset's prices are compared as its snapshots show them in force at the claim's date;
            // an undated claim (no as-of date either) only with the prices in force at the last snapshot,
            // which may support it but not contradict it: it may be a price of another time.
            var decisive = claim.Period is not null || context.AsOf is not null;
            matching.AddRange(PriceStatements(claim, entityId, context, PriceMatching.InForce(claim, context, context.Prices.Of(entityId))).Select(s => (s, decisive)));
            matching.AddRange(PriceStatements(claim, entityId, context, PriceMatching.SoonAfter(claim, context.Prices.Of(entityId), timing.WindowDays)).Select(s => (s, false)));
        }

        return matching;
    }

    /// <summary>The facts behind some price periods: those of each period's first snapshot.</summary>
    private static IEnumerable<Statement> PriceStatements(Claim claim, string entityId, JudgingContext context, IEnumerable<PricePeriod> periods)
    {
        var about = context.About(entityId);
        foreach (var period in periods)
        {
            foreach (var statement in about.Where(s => s.Fact.MetricId == claim.MetricId && s.Source.Id == period.FirstSource.Id && s.Fact.Scope.Equals(period.Scope)))
            {
                yield return statement;
            }
        }
    }

    /// <summary>
    /// An undated price that no price in force supports may be one a provider charged before: not
    /// contradicted, and said so with the day it ended.
    /// </summary>
    private static Judgement? EarlierPrice(Claim claim, JudgingContext context)
    {
        if (claim.Period is not null || claim.Quantity is null || !PriceHistory.Metrics.Contains(claim.MetricId!))
        {
            return null;
        }

        foreach (var period in PriceMatching.Earlier(claim, context, context.Prices.Of(claim.EntityId!)))
        {
            var agreeing = PriceStatements(claim, claim.EntityId!, context, [period])
                .Select(s => Compare(claim, s, true, context))
                .FirstOrDefault(c => c.Verdict == Agreement.Verdict.Agree);
            if (agreeing is not null)
            {
                var now = PriceMatching.InForce(claim, context, context.Prices.Of(claim.EntityId!))
                    .SelectMany(p => p.Of(claim.MetricId!)).Distinct().Select(v => v.ToString(CultureInfo.InvariantCulture));
                return new Judgement(
                    claim,
                    Verdict.Supported,
                    $"{agreeing.Statement.Source.Publisher} gives {Figures.Write(agreeing.Statement.Fact.Value.Quantity!.Value, claim)}, which was the price until {period.To:yyyy-MM-dd} (then {string.Join(" / ", now)} USD per 1M tokens)",
                    [FactEvidence(agreeing, claim, context)]);
            }
        }

        return null;
    }

    /// <summary>
    /// A publisher's say on the measure: for each moment it speaks of, its latest publication; it
    /// agrees with the claim if any of those agrees.
    /// </summary>
    private static Compared Representative(IEnumerable<Compared> byPublisher)
    {
        // Each scope is its own measurement (a benchmark run with and without extended thinking):
        // a publisher's newer figure supersedes only its older figure for the same one.
        var latest = byPublisher
            .GroupBy(c => (c.Statement.Fact.Period, c.Statement.Fact.Scope))
            .Select(g => g.OrderByDescending(c => c.Statement.Source.Published).First())
            .OrderByDescending(c => c.Decisive)
            .ThenByDescending(c => c.Statement.Source.Published)
            .ThenByDescending(c => c.Statement.Fact.Period.End)
            .ToList();
        return latest.FirstOrDefault(c => c.Verdict == Agreement.Verdict.Agree) ?? latest[0];
    }

    private static Compared Compare(Claim claim, Statement statement, bool decisive, JudgingContext context)
    {
        var fact = statement.Fact;
        if (claim.Date is { } period)
        {
            return fact.Value.Date is { } day
                ? new Compared(statement, period.Start <= day && day <= period.End ? Agreement.Verdict.Agree : Agreement.Verdict.Disagree, null, decisive)
                : new Compared(statement, Agreement.Verdict.Incomparable, null, decisive);
        }

        var factQuantity = fact.Value.Quantity!.Value;
        var claimQuantity = claim.Quantity!.Value;
        var factInterval = Agreement.Interval(factQuantity);
        string? note = null;
        (decimal Low, decimal High) claimInterval;

        // A bare number (540B, 8,192) is a count until its column says what is counted: the metric does.
        // A bare count a hundredfold off the fact it is read against is not a slip of it but another
        // measure read into the column: 123B beside a 128K context window is the row's parameters.
        if (claimQuantity.Unit == Unit.Count
            && factQuantity.Unit.Dimension is Dimension.Parameters or Dimension.Tokens or Dimension.Words or Dimension.Count
            && factQuantity.Value != 0 && claimQuantity.Value != 0
            && Math.Abs(claimQuantity.Value / factQuantity.Value) is > OrderSpan or < 1m / OrderSpan)
        {
            return new Compared(statement, Agreement.Verdict.Incomparable, $"{claim.Text} is not of the order of the {fact.MetricId} figures, so it counts something else", decisive);
        }

        if (claimQuantity.Unit == Unit.Count && factQuantity.Unit.Dimension is Dimension.Parameters or Dimension.Tokens or Dimension.Words)
        {
            claimInterval = Figures.Interval(claim);
        }
        else if (claimQuantity.Unit == factQuantity.Unit)
        {
            claimInterval = Figures.Interval(claim);
        }
        else if (claimQuantity.Unit.Dimension == Dimension.Currency && factQuantity.Unit.Dimension == Dimension.Currency)
        {
            if (claimQuantity.Value == 0)
            {
                return new Compared(statement, Agreement.Verdict.Incomparable, "a zero amount", decisive);
            }

            if (!context.Currencies.TryConvert(claimQuantity, factQuantity.Unit.Currency!, claim.Period ?? fact.Period, out var conversion, out var why))
            {
                return new Compared(statement, Agreement.Verdict.Incomparable, why, decisive);
            }

            var factor = conversion.Amount.Value / claimQuantity.Value;
            var (low, high) = Figures.Interval(claim);
            claimInterval = (Figures.Scale(low, factor), Figures.Scale(high, factor));
            note = $"{claim.Text} is {Figures.Write(conversion.Amount, claim)} at {RateText(conversion.Rate, context)}";
        }
        else
        {
            return new Compared(statement, Agreement.Verdict.Incomparable, null, decisive);
        }

        // A model's size is named by its truncated count (Qwen2.5-72B has 72.7B parameters, Llama 3.1 70B
        // 70.6B): a size written to the nearest billion also allows anything up to the next one.
        if (factQuantity.Unit.Dimension == Dimension.Parameters && Figures.HalfStep(claim) is > 0 and var half && claimInterval.High != decimal.MaxValue)
        {
            claimInterval = (claimInterval.Low, claimInterval.High + half);
        }

        var agree = Figures.Overlap(claimInterval, factInterval)
            || (IsTokenLimit(claim, factQuantity, context) && BinaryFactors.Any(f => Figures.Overlap((Figures.Scale(claimInterval.Low, f), Figures.Scale(claimInterval.High, f)), factInterval)));

        // A run by another evaluator or at another setting than the claim names is another measurement:
        // it contradicts the claim only when further from it than such runs differ among themselves.
        var otherSetting = FactMatching.OtherSetting(claim.Scope, fact.Scope, claim.MetricId!);
        if (!agree && decisive && otherSetting)
        {
            var gap = Math.Max(factInterval.Low - claimInterval.High, claimInterval.Low - factInterval.High);
            decisive = factQuantity.Unit == Unit.Percent && gap > SettingSpreadPoints;
        }

        // A provider's token limit is what it serves, a lower bound of the model's own: a dataset row
        // below the claim (DeepSeek's API at 64K for a 128K model) does not contradict it, unless the
        // claim is more than a provider's usual cap (an eighth of the window) above it.
        if (!agree && decisive && statement.Dataset is not null && fact.Scope["provider"] is not null && claim.Scope["provider"] is null
            && IsTokenLimit(claim, factQuantity, context) && claimInterval.Low > factInterval.High
            && claimInterval.Low <= factInterval.High * ServedLimitSpan)
        {
            decisive = false;
        }

        return new Compared(statement, agree ? Agreement.Verdict.Agree : Agreement.Verdict.Disagree, note, decisive, otherSetting);
    }

    /// <summary>
    /// Token limits are written in binary or decimal thousands interchangeably: 32K is 32,000 or
    /// 32,768, 1M is 1,000,000 or 1,048,576, on either side of the comparison.
    /// </summary>
    /// <summary>
    /// How far, in percentage points, runs of one benchmark by different evaluators or at different
    /// settings lie apart: Llama 3.3 70B's MMLU is 79.1% in Stanford CRFM's HELM and 86.3% in the
    /// Phi-4 report. A claim further than this from every run is not another run's figure.
    /// </summary>
    private const decimal SettingSpreadPoints = 10m;

    /// <summary>How far below a model's token limit a provider may serve it: providers cap at a half, a quarter or an eighth.</summary>
    private const decimal ServedLimitSpan = 8m;

    /// <summary>How far a count may be from the fact it is read against and still be a figure of it (a tenfold slip is an error; a hundredfold one is another measure).</summary>
    private const decimal OrderSpan = 100m;

    private static readonly decimal[] BinaryFactors = [1.024m, 1m / 1.024m, 1.048576m, 1m / 1.048576m];

    private static bool IsTokenLimit(Claim claim, Quantity fact, JudgingContext context) =>
        fact.Unit.Dimension == Dimension.Tokens && context.Knowledge.TimingOf(claim.MetricId!).Kind == TemporalKind.Property;

    private static string RateText(Fact? rate, JudgingContext context)
    {
        if (rate is null)
        {
            return "no conversion";
        }

        var source = context.RateSource(rate);
        var who = source is null ? rate.SourceId : $"{source.Publisher}, {source.Published:yyyy-MM-dd}";
        return $"{rate.Value.Quantity!.Value.Value.ToString(CultureInfo.InvariantCulture)} {rate.Value.Unit.Code} for {rate.Period} ({who})";
    }

    private static string Who(IEnumerable<Compared> compared) =>
        string.Join(", ", compared.Select(c => c.Statement.Source.Publisher).Distinct(StringComparer.OrdinalIgnoreCase));

    private static string Value(Compared compared, Claim claim)
    {
        var fact = compared.Statement.Fact;
        var value = fact.Value.Date is { } day
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Figures.Write(fact.Value.Quantity!.Value, claim);
        return $"{value} ({fact.Period})";
    }

    /// <summary>A claim such as <c>不足9%</c> against a source's 9%: agreement at the bound, said so.</summary>
    private static string Bound(Claim claim, Compared lead)
    {
        if (claim.Quantity is not { } q || lead.Statement.Fact.Value.Quantity is not { } f || f.Value != (q.High ?? q.Value))
        {
            return string.Empty;
        }

        return q.Qualifier switch
        {
            Qualifier.LessThan or Qualifier.Nearly => $"; {claim.Text} is at the bound: the source's rounded {Figures.Write(f, claim)} allows a value just below it",
            Qualifier.MoreThan => $"; {claim.Text} is at the bound: the source's rounded {Figures.Write(f, claim)} allows a value just above it",
            _ => string.Empty,
        };
    }

    private static Evidence FactEvidence(Compared compared, Claim claim, JudgingContext context)
    {
        var (fact, source) = (compared.Statement.Fact, compared.Statement.Source);
        var name = context.Entity(fact.EntityId)?.Name.En ?? fact.EntityId;
        var scope = fact.Scope.IsEmpty ? string.Empty : $" [{fact.Scope}]";
        var quote = string.IsNullOrWhiteSpace(fact.Quote) ? string.Empty : $": \"{fact.Quote}\"";
        var note = compared.Note is null ? string.Empty : $"; {compared.Note}";
        return new Evidence(
            "fact",
            $"{name} {fact.MetricId}{scope} {Value(compared, claim)}, {fact.Obtained.ToCode()}{quote}{note}",
            $"{source.Publisher}, {source.Published:yyyy-MM-dd}",
            source.Url.ToString());
    }

    /// <param name="Decisive">Whether the fact is at the claim's moment, so that it may contradict the claim, not only support it.</param>
    /// <param name="OtherSetting">Whether the fact is a run by an evaluator or at a setting the claim does not name.</param>
    private sealed record Compared(Statement Statement, Agreement.Verdict Verdict, string? Note, bool Decisive, bool OtherSetting = false);
}
