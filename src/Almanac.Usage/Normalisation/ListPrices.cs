using Almanac.Catalogue;

namespace Almanac.Usage.Normalisation;

/// <summary>A model's list prices on one day, USD per 1M tokens; cache read null when not listed.</summary>
public readonly record struct TokenPrices(decimal Input, decimal Output, decimal? CacheRead)
{
    /// <summary>
    /// The cost of one call: uncached input at the input price, cache-read input at the cache-read price
    /// (the input price where none is listed), output at the output price. Input tokens include the
    /// cached ones, as the GenAI conventions and OpenAI count them; reasoning tokens are output tokens.
    /// </summary>
    public double Cost(long inputTokens, long outputTokens, long cacheReadTokens)
    {
        var cached = Math.Min(cacheReadTokens, inputTokens);
        var uncached = inputTokens - cached;
        var usd = (uncached * Input) + (cached * (CacheRead ?? Input)) + (outputTokens * Output);
        return (double)(usd / 1_000_000m);
    }
}

/// <summary>
/// The price each model had on each day, from the catalogue's price history: the first-party offering's
/// price in force that day; where none was in force (a day before the first snapshot, or after the last
/// listed it), the latest first-party price known; else the latest price of any offering. Where an offering
/// showed several prices at once (dated snapshots), the lowest. Looked up once per model and day.
/// </summary>
public sealed class ListPrices(PriceHistory history)
{
    private readonly Dictionary<(string Model, int Day), TokenPrices?> _cache = [];

    public TokenPrices? On(string modelId, DateOnly day)
    {
        var key = (modelId, day.DayNumber);
        if (!_cache.TryGetValue(key, out var prices))
        {
            _cache[key] = prices = Find(modelId, day);
        }

        return prices;
    }

    private TokenPrices? Find(string modelId, DateOnly day)
    {
        var priced = history.Of(modelId).Where(p => p.Input.Count > 0 && p.Output.Count > 0).ToList();
        if (priced.Count == 0)
        {
            return null;
        }

        var firstParty = priced.Where(p => p.Scope["offering"] == "first-party").ToList();
        var chosen = firstParty.FirstOrDefault(p => p.InForceOn(day))
            ?? firstParty.OrderByDescending(p => p.From).FirstOrDefault()
            ?? priced.OrderByDescending(p => p.From).First();
        return new TokenPrices(chosen.Input.Min(), chosen.Output.Min(), chosen.CacheRead.Count > 0 ? chosen.CacheRead.Min() : null);
    }
}
