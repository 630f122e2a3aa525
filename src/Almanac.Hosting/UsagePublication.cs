using System.Globalization;
using System.Text;
using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Knowledge.Imports;
using Almanac.Periods;
using Almanac.Quantities;
using Almanac.Storage;
using Almanac.Usage;
using Almanac.Usage.Analyses;

namespace Almanac.Hosting;

/// <summary>What a published usage aggregate states: a share (percent) or the tokens themselves.</summary>
public enum PublishedMetric
{
    /// <summary><c>market-share</c>, in percent of the period's total on the basis.</summary>
    MarketShare,

    /// <summary><c>tokens-processed</c>: input plus output tokens (basis tokens only).</summary>
    TokensProcessed,
}

/// <summary><c>usage publish</c>: which aggregate becomes facts, over which window, cited to whom.</summary>
/// <param name="Organisation">Whose logs these are: the source's publisher.</param>
public sealed record UsagePublishRequest(PublishedMetric Metric, ShareDimension By, ShareBasis Basis, UsagePeriod Period, DayWindow Window, string Organisation);

/// <summary>What a publication stored: its source, the facts it holds, and the keys that name no entity of the store (left out).</summary>
public sealed record UsagePublishResult(Source Source, int Facts, ImportSummary Stored, IReadOnlyList<string> SkippedKeys);

/// <summary>
/// Turns usage aggregates into facts of the knowledge store, so the checker can hold an internal memo to the
/// logs ("Anthropic carried 41% of our tokens in March"). The facts are one import-like batch of the
/// <see cref="Dataset"/> dataset: one transaction, and the same aggregate published again adds nothing,
/// as its source (the logs' window and size) and its facts are the same.
/// </summary>
public static class UsagePublication
{
    public const string Dataset = "usage-logs";


    public const string DefaultOrganisation = "our organisation";

    public static string MetricId(PublishedMetric metric) => metric == PublishedMetric.MarketShare ? "market-share" : "tokens-processed";

    /// <summary>The scope's basis code for a share basis; null for the bases a published figure does not take (logged or listed spend alone).</summary>
    public static string? BasisCode(ShareBasis basis) => basis switch
    {
        ShareBasis.Tokens => "tokens",
        ShareBasis.Requests => "requests",
        ShareBasis.Spend => "spend",
        _ => null,
    };

    /// <summary>Builds the batch (nothing is stored); throws <see cref="ArgumentException"/> for a request that cannot be published.</summary>
    public static (ImportBatch Batch, IReadOnlyList<string> Skipped) Batch(IUsageEngine engine, IReadOnlyCollection<Entity> entities, UsagePublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(request);
        var basis = BasisCode(request.Basis) ?? throw new ArgumentException("a published figure's basis is tokens, requests or spend", nameof(request));
        if (request.Metric == PublishedMetric.TokensProcessed && request.Basis != ShareBasis.Tokens)
        {
            throw new ArgumentException("tokens-processed is published on the tokens basis only", nameof(request));
        }

        var organisation = string.IsNullOrWhiteSpace(request.Organisation) ? DefaultOrganisation : request.Organisation.Trim();
        var summary = engine.Summary(request.Window);
        if (summary.First is not { } first || summary.Last is not { } last)
        {
            throw new ArgumentException("the usage store has no events in that window", nameof(request));
        }

        var source = new Source(
            $"usage-logs-{Slug(organisation)}-{first:yyyyMMdd}-{last:yyyyMMdd}-{summary.Events}",
            organisation,
            $"Usage logs {UsageSourceLine.Day(first)} → {UsageSourceLine.Day(last)} ({summary.Events.ToString("N0", CultureInfo.InvariantCulture)} events, {summary.Requests.ToString("N0", CultureInfo.InvariantCulture)} requests)",
            new Uri($"urn:almanac:usage-logs:{Slug(organisation)}:{UsageSourceLine.Day(first)}:{UsageSourceLine.Day(last)}"),
            last,
            SourceKind.Primary);
        var known = entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var scope = Scope.Of([KeyValuePair.Create("market", OwnUsage.Market), KeyValuePair.Create("basis", basis)]);
        var metric = MetricId(request.Metric);
        var facts = new List<Fact>();
        var skipped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in engine.Share(new ShareQuery(request.By, request.Basis, request.Period, request.Window)))
        {
            if (!known.Contains(row.Key))
            {
                skipped.Add(row.Key);
                continue;
            }

            var (periodFirst, periodLast) = Days(row.Period, request.Period);
            var period = PeriodOf(row.Period, request.Period, Max(periodFirst, first), Min(periodLast, last), periodFirst, periodLast);
            var value = request.Metric == PublishedMetric.MarketShare
                ? Quantity.Of(Math.Round((decimal)row.Share * 100m, 2), Unit.Percent)
                : Quantity.Of((decimal)row.Value, Unit.Tokens);
            var total = row.Share > 0 ? row.Value / row.Share : 0;
            var note = $"{row.Value.ToString("N0", CultureInfo.InvariantCulture)} of {total.ToString("N0", CultureInfo.InvariantCulture)} {basis} in {row.Period} "
                + $"by {Code(request.By)}, from {summary.Events.ToString("N0", CultureInfo.InvariantCulture)} events logged {UsageSourceLine.Day(first)} → {UsageSourceLine.Day(last)}";
            facts.Add(new Fact(row.Key, metric, scope, period, FactValue.Of(value), Obtained.Reported, source.Id, null, Note: note, Origin: $"{Dataset} {row.Period} {row.Key}"));
        }

        var batch = new ImportBatch(Dataset, source.Id, [source], [], [], facts, [], []);
        return (batch, skipped.ToList());
    }

    /// <summary>Builds the batch and stores it in one transaction.</summary>
    public static UsagePublishResult Publish(IUsageEngine engine, IKnowledgeStore store, UsagePublishRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (batch, skipped) = Batch(engine, store.Entities(), request);
        var stored = store.Import(batch, now);
        return new UsagePublishResult(batch.Sources[0], batch.Facts.Count, stored, skipped);
    }

    /// <summary>The releases of the catalogue's models that name a developer, for the adoption analysis.</summary>
    public static IReadOnlyList<ModelRelease> Releases(IKnowledgeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var facts = store.Facts(new FactQuery(MetricIds: ModelCatalogue.Metrics, EntityKind: EntityKind.Model));
        return Releases(ModelCatalogue.Build(store.Entities(), facts.Select(f => new CatalogueFact(f.Fact, f.Source, f.Dataset))));
    }

    /// <summary>The releases of catalogue rows that give a release date and a developer.</summary>
    public static IReadOnlyList<ModelRelease> Releases(IEnumerable<CatalogueRow> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue
            .Where(r => r.Released is not null && !string.IsNullOrEmpty(r.Model.Developer))
            .Select(r => new ModelRelease(r.Model.Id, r.Model.Developer!, r.Released!.Value))
            .OrderBy(r => r.Released).ThenBy(r => r.ModelId, StringComparer.Ordinal)
            .ToList();
    }

    // A period the logs cover whole keeps its calendar form (2026-03); one they cover in part is the days they cover.
    private static Period PeriodOf(string text, UsagePeriod kind, DateOnly from, DateOnly to, DateOnly periodFirst, DateOnly periodLast)
    {
        if (from != periodFirst || to != periodLast)
        {
            return from == to ? Period.Day(from) : Period.Between(Period.Day(from), Period.Day(to));
        }

        return kind switch
        {
            UsagePeriod.Month => Period.Month(periodFirst.Year, periodFirst.Month),
            UsagePeriod.Day => Period.Day(periodFirst),
            _ => Period.Between(Period.Day(periodFirst), Period.Day(periodLast)),
        };
    }

    private static (DateOnly First, DateOnly Last) Days(string period, UsagePeriod kind)
    {
        if (kind == UsagePeriod.Month)
        {
            var month = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return (month, month.AddMonths(1).AddDays(-1));
        }

        var day = DateOnly.ParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (day, kind == UsagePeriod.Week ? day.AddDays(6) : day);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Code<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-') is { Length: > 0 } s ? s : "organisation";
    }
}
