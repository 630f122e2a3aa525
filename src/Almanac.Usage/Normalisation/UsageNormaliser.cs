using Almanac.Catalogue;
using Almanac.Knowledge;

namespace Almanac.Usage.Normalisation;

/// <summary>
/// Lands each event's model string on a canonical model of the knowledge store and re-costs it at the
/// list price of its day. The model is found by the catalogue's own resolution (<see cref="ModelResolver"/>,
/// the rules of <c>docs/entity-resolution.md</c>) run against every entity of the store, curated and
/// imported, so an alias any dataset taught it (<c>gpt-4o-2024-08-06</c>, <c>anthropic.claude-…-v1:0</c>)
/// lands here too; each distinct string is resolved once. A provider prefix (<c>azure/</c>, <c>bedrock/</c>)
/// gives who served the call; the developer is the model's. A string that lands on no stored model is
/// kept as written, with no model id, and counted in <see cref="Unresolved"/>. Built once per ingest.
/// </summary>
public sealed class UsageNormaliser
{
    private readonly ModelResolver _resolver;
    private readonly Dictionary<string, Entity> _models;
    private readonly ListPrices _prices;
    private readonly Dictionary<string, Landing> _landings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Events, long Requests)> _unresolved = new(StringComparer.Ordinal);

    public UsageNormaliser(IEnumerable<Entity> entities, PriceHistory prices)
    {
        var all = entities.ToList();
        _resolver = new ModelResolver(all);
        _models = all.Where(e => e.Kind == EntityKind.Model).ToDictionary(e => e.Id, StringComparer.Ordinal);
        _prices = new ListPrices(prices);
    }

    /// <summary>Model strings met in this ingest that landed on no stored model, with the events and calls that carried each.</summary>
    public IReadOnlyDictionary<string, (long Events, long Requests)> Unresolved => _unresolved;

    public UsageEvent Normalise(UsageEvent e)
    {
        var landing = Land(e.ModelRaw);
        if (landing.ModelId.Length == 0 && e.ModelRaw.Length > 0)
        {
            var (events, requests) = _unresolved.GetValueOrDefault(e.ModelRaw);
            _unresolved[e.ModelRaw] = (events + 1, requests + e.Requests);
        }

        var provider = landing.Provider ?? (e.Provider.Length > 0 ? ProviderNames.Code(e.Provider) : string.Empty);
        double? listed = null;
        if (landing.ModelId.Length > 0 && (e.InputTokens > 0 || e.OutputTokens > 0))
        {
            var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(e.StartMs).UtcDateTime);
            listed = _prices.On(landing.ModelId, day)?.Cost(e.InputTokens, e.OutputTokens, e.CacheReadTokens);
        }

        return e with { ModelId = landing.ModelId, DeveloperId = landing.Developer, Provider = provider, CostListed = listed };
    }

    /// <summary>
    /// Where a model string lands (its model, developer, and the provider its prefix names, null when none),
    /// for an engine that normalises a file's events in its own SQL: it asks once per distinct string.
    /// </summary>
    public (string ModelId, string Developer, string? Provider) LandingOf(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var landing = Land(raw);
        return (landing.ModelId, landing.Developer, landing.Provider);
    }

    /// <summary>The list prices of a model on a day, for an engine re-costing in its own SQL; null when none is known.</summary>
    public TokenPrices? PricesOn(string modelId, DateOnly day) => _prices.On(modelId, day);

    /// <summary>Counts events an engine normalised itself whose model string landed on no model, as <see cref="Normalise"/> counts its own.</summary>
    public void CountUnresolved(string raw, long events, long requests)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var (before, calls) = _unresolved.GetValueOrDefault(raw);
        _unresolved[raw] = (before + events, calls + requests);
    }

    private Landing Land(string raw)
    {
        if (_landings.TryGetValue(raw, out var landing))
        {
            return landing;
        }

        var (provider, model) = ProviderNames.Split(raw.Trim());
        landing = new Landing(string.Empty, string.Empty, provider);
        if (model.Length > 0)
        {
            var record = new DatasetRecord(model, model, null, provider, null, [], string.Empty);
            var resolution = _resolver.Resolve([new SourcedRecord("usage", record)]).Records[0];
            if (resolution.ModelId is { } id && _models.TryGetValue(id, out var entity))
            {
                landing = new Landing(id, entity.Developer ?? resolution.Developer ?? string.Empty, provider);
            }
        }

        _landings[raw] = landing;
        return landing;
    }

    private sealed record Landing(string ModelId, string Developer, string? Provider);
}
