using System.Globalization;
using Almanac.Catalogue;
using Almanac.Storage;

namespace Almanac.Hosting;

/// <summary>
/// The price history of one model as <c>almanac prices</c> and <c>/api/models/{id}/prices</c> give it: the
/// same rows, the same JSON fields and the same CSV columns in both.
/// </summary>
public static class PriceList
{
    /// <summary>The history of every model's dataset prices in the store.</summary>
    public static PriceHistory History(IKnowledgeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var facts = store.Facts(new FactQuery(MetricIds: PriceHistory.Metrics, EntityKind: Almanac.Knowledge.EntityKind.Model));
        return PriceHistory.Build(facts.Select(f => new CatalogueFact(f.Fact, f.Source, f.Dataset)));
    }

    /// <summary>The periods of a model, of one provider when <paramref name="provider"/> is given, oldest first within each offering.</summary>
    public static IReadOnlyList<PricePeriod> Rows(PriceHistory history, string modelId, string? provider) =>
        history.Of(modelId).Where(p => provider is null || string.Equals(p.Provider, provider, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The JSON shape of one row.</summary>
    public static PriceRow Json(PricePeriod p) => new(
        Day(p.From),
        p.To is { } to ? Day(to) : null,
        p.Provider,
        p.Scope["offering"],
        p.Scope["variant"],
        p.Dataset,
        p.Input,
        p.Output,
        p.CacheRead,
        PriceSnapshot.From(p.FirstSource),
        PriceSnapshot.From(p.LastSource));

    public static void Csv(IEnumerable<PricePeriod> rows, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Hosting.Csv.WriteRow(output, ["from", "to", "provider", "offering", "variant", "dataset", "input", "output", "cache_read", "first_source", "first_source_date", "last_source", "last_source_date"]);
        foreach (var p in rows)
        {
            Hosting.Csv.WriteRow(output, [
                Day(p.From), p.To is { } to ? Day(to) : null, p.Provider, p.Scope["offering"], p.Scope["variant"], p.Dataset,
                Text(p.Input), Text(p.Output), Text(p.CacheRead),
                p.FirstSource.Title, Day(p.FirstSource.Published), p.LastSource.Title, Day(p.LastSource.Published),
            ]);
        }
    }

    /// <summary>Prices as a cell: <c>3</c>, or <c>2.5 / 5</c> for several in force at once; empty for none.</summary>
    public static string Text(IReadOnlyList<decimal> values) => string.Join(" / ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// One price of a model and the period it held (USD per 1M tokens). Each price is a list: one value, several where
/// records of the model under one offering showed different prices at once (dated snapshots), none where not listed.
/// </summary>
/// <param name="To">The day of the first snapshot that no longer showed the price; null while still in force at the last snapshot.</param>
public sealed record PriceRow(
    string From,
    string? To,
    string? Provider,
    string? Offering,
    string? Variant,
    string Dataset,
    IReadOnlyList<decimal> Input,
    IReadOnlyList<decimal> Output,
    IReadOnlyList<decimal> CacheRead,
    PriceSnapshot FirstSource,
    PriceSnapshot LastSource);

/// <summary>A dataset snapshot that showed a price.</summary>
public sealed record PriceSnapshot(string Id, string Title, string Url, string Date)
{
    public static PriceSnapshot From(Almanac.Knowledge.Source source) =>
        new(source.Id, source.Title, source.Url.ToString(), PriceList.Day(source.Published));
}
