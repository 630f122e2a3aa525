using Almanac.Knowledge;

namespace Almanac.Catalogue;

/// <summary>One figure of a catalogue row and where it came from.</summary>
public sealed record SourcedValue(FactValue Value, Source Source, string? Dataset, string? Record);

/// <summary>One canonical model as a user browses it, each figure with its source.</summary>
public sealed record CatalogueRow(
    Entity Model,
    string? DeveloperName,
    SourcedValue? ReleaseDate,
    SourcedValue? OpenWeights,
    SourcedValue? ContextWindow,
    SourcedValue? InputPrice,
    SourcedValue? OutputPrice,
    SourcedValue? Parameters,
    SourcedValue? ActiveParameters,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Publishers)
{
    public bool? IsOpenWeights => OpenWeights?.Value.Text is { } text ? string.Equals(text, "yes", StringComparison.OrdinalIgnoreCase) : null;

    public decimal? Context => ContextWindow?.Value.Quantity?.Value;

    public decimal? Input => InputPrice?.Value.Quantity?.Value;

    public decimal? ParameterCount => Parameters?.Value.Quantity?.Value;

    public DateOnly? Released => ReleaseDate?.Value.Date;
}

/// <summary>A fact about a model with its source, as the catalogue reads it.</summary>
public sealed record CatalogueFact(Fact Fact, Source Source, string? Dataset);

/// <summary>
/// Builds the catalogue: one row per canonical model. Curated facts win over imported ones; among
/// imported ones the newest snapshot wins; prices are the first-party provider's list prices.
/// </summary>
public static class ModelCatalogue
{
    public static readonly IReadOnlyCollection<string> Metrics =
        ["release-date", "open-weights", "context-window", "price-input", "price-output", "parameters-total", "parameters-active"];

    /// <param name="asOf">The catalogue as it stood on this day: only sources published by then, and of each dataset only
    /// its latest snapshot on or before the day (a model that snapshot no longer lists has no figure from it), never a later one.</param>
    public static IReadOnlyList<CatalogueRow> Build(IEnumerable<Entity> entities, IEnumerable<CatalogueFact> facts, DateOnly? asOf = null)
    {
        var byId = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        if (asOf is { } day)
        {
            facts = AsOf(facts, day);
        }

        return facts
            .Where(f => byId.TryGetValue(f.Fact.EntityId, out var e) && e.Kind == EntityKind.Model)
            .GroupBy(f => f.Fact.EntityId, StringComparer.Ordinal)
            .Select(g => Row(byId[g.Key], g.ToList(), byId))
            .ToList();
    }

    /// <summary>The facts that stood on <paramref name="day"/>: curated ones published by then, and each dataset's latest snapshot on or before it.</summary>
    public static IReadOnlyList<CatalogueFact> AsOf(IEnumerable<CatalogueFact> facts, DateOnly day)
    {
        var published = facts.Where(f => f.Source.Published <= day).ToList();
        var latest = published.Where(f => f.Dataset is not null)
            .GroupBy(f => f.Dataset!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Select(f => f.Source).OrderByDescending(s => s.Published).ThenByDescending(s => s.Id, StringComparer.Ordinal).First().Id,
                StringComparer.Ordinal);
        return published.Where(f => f.Dataset is null || latest[f.Dataset] == f.Source.Id).ToList();
    }

    private static CatalogueRow Row(Entity model, List<CatalogueFact> facts, Dictionary<string, Entity> entities)
    {
        SourcedValue? Pick(string metric, bool firstPartyOnly = false) =>
            facts
                .Where(f => f.Fact.MetricId == metric)
                .Where(f => PlausibleValues.Implausible(metric, f.Fact.Value) is null)
                .Where(f => !firstPartyOnly || f.Fact.Scope["offering"] is null or "first-party")
                .OrderBy(f => f.Dataset is null ? 0 : 1)
                .ThenByDescending(f => f.Fact.Scope["offering"] == "first-party")
                .ThenByDescending(f => f.Source.Published)
                .ThenBy(f => f.Dataset, StringComparer.Ordinal)
                .Select(f => new SourcedValue(f.Fact.Value, f.Source, f.Dataset, f.Fact.Origin))
                .FirstOrDefault();

        var developer = model.Developer is { } d && entities.TryGetValue(d, out var org) ? org.Name.En : model.Developer;
        return new CatalogueRow(
            model,
            developer,
            Pick("release-date"),
            Pick("open-weights"),
            Pick("context-window"),
            Pick("price-input", firstPartyOnly: true),
            Pick("price-output", firstPartyOnly: true),
            Pick("parameters-total"),
            Pick("parameters-active"),
            facts.Select(f => f.Fact.Scope["provider"]).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            facts.Select(f => f.Source.Publisher).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }
}

/// <summary>What <c>almanac models</c> keeps and how it orders.</summary>
public sealed record CatalogueFilter(
    string? Provider = null,
    bool? OpenWeights = null,
    decimal? MinContext = null,
    decimal? MaxInputPrice = null,
    DateOnly? ReleasedAfter = null)
{
    public IEnumerable<CatalogueRow> Apply(IEnumerable<CatalogueRow> rows) => rows.Where(Keeps);

    private bool Keeps(CatalogueRow row) =>
        (Provider is null || row.Model.Developer == Provider || row.Providers.Contains(Provider, StringComparer.Ordinal))
        && (OpenWeights is null || row.IsOpenWeights == OpenWeights)
        && (MinContext is null || row.Context >= MinContext)
        && (MaxInputPrice is null || row.Input <= MaxInputPrice)
        && (ReleasedAfter is null || row.Released > ReleasedAfter);
}

/// <summary>The orders <c>almanac models</c> offers.</summary>
public static class CatalogueOrder
{
    /// <summary>The sort names, the default first.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["release", "name", "context", "price", "parameters"];

    /// <summary>Newest first by default; largest first for context and parameters; cheapest first for price; rows without the value last.</summary>
    public static IEnumerable<CatalogueRow> Apply(IEnumerable<CatalogueRow> rows, string sort) => sort switch
    {
        "name" => rows.OrderBy(r => r.Model.Name.En, StringComparer.OrdinalIgnoreCase),
        "context" => rows.OrderByDescending(r => r.Context ?? -1),
        "price" => rows.OrderBy(r => r.Input ?? decimal.MaxValue),
        "parameters" => rows.OrderByDescending(r => r.ParameterCount ?? -1),
        _ => rows.OrderByDescending(r => r.Released ?? DateOnly.MinValue).ThenBy(r => r.Model.Id, StringComparer.Ordinal),
    };
}
