using Almanac.Quantities;
using Almanac.Text;

namespace Almanac.Knowledge;

/// <summary>Codes of <see cref="Dimension"/> as written in <c>data/metrics.yaml</c>.</summary>
public static class DimensionCodes
{
    private static readonly CodeTable<Dimension> Codes = new(
        (Dimension.Currency, "currency"),
        (Dimension.Count, "count"),
        (Dimension.Tokens, "tokens"),
        (Dimension.Parameters, "parameters"),
        (Dimension.Percent, "percent"),
        (Dimension.PercentagePoints, "percentage-points"),
        (Dimension.Multiple, "multiple"),
        (Dimension.Flop, "flop"),
        (Dimension.Throughput, "throughput"),
        (Dimension.Duration, "duration"),
        (Dimension.PricePerMillionTokens, "price-per-mtok"),
        (Dimension.Score, "score"),
        (Dimension.Bytes, "bytes"),
        (Dimension.Words, "words"),
        (Dimension.ExchangeRate, "exchange-rate"),
        (Dimension.Date, "date"),
        (Dimension.Text, "text"));

    public static string ToCode(this Dimension dimension) => Codes.ToCode(dimension);

    public static bool TryParse(string code, out Dimension dimension) => Codes.TryParse(code, out dimension);

    public static IEnumerable<string> All => Codes.All;
}
