namespace Almanac.Usage;

/// <summary>How figures of an organisation's own usage are told from a market survey's in the knowledge store.</summary>
public static class OwnUsage
{
    /// <summary>The market entity (data/entities/markets.yaml) of figures about the organisation's own usage (<c>usage publish</c>).</summary>
    public const string Market = "own-llm-usage";
}
