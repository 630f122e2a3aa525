using Almanac.Text;

namespace Almanac.Knowledge;

/// <summary>What kind of thing an <see cref="Entity"/> is.</summary>
public enum EntityKind
{
    Organisation,
    ModelFamily,
    Model,
    Product,
    Platform,
    Market,
    Region,
    Segment,
    CurrencyPair,

    /// <summary>A benchmark or leaderboard models are scored on (GPQA Diamond, LMArena's text arena).</summary>
    Benchmark,
}

/// <summary>Codes of <see cref="EntityKind"/> as written in data files.</summary>
public static class EntityKindCodes
{
    private static readonly CodeTable<EntityKind> Codes = new(
        (EntityKind.Organisation, "organisation"),
        (EntityKind.ModelFamily, "model-family"),
        (EntityKind.Model, "model"),
        (EntityKind.Product, "product"),
        (EntityKind.Platform, "platform"),
        (EntityKind.Market, "market"),
        (EntityKind.Region, "region"),
        (EntityKind.Segment, "segment"),
        (EntityKind.CurrencyPair, "currency-pair"),
        (EntityKind.Benchmark, "benchmark"));

    public static string ToCode(this EntityKind kind) => Codes.ToCode(kind);

    public static bool TryParse(string code, out EntityKind kind) => Codes.TryParse(code, out kind);

    public static IEnumerable<string> All => Codes.All;
}
