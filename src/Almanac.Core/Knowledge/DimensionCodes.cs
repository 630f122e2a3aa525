using Almanac.Quantities;

namespace Almanac.Knowledge;

/// <summary>Codes of <see cref="Dimension"/> as written in <c>data/metrics.yaml</c>.</summary>
public static class DimensionCodes
{
    private static readonly (Dimension Dimension, string Code)[] Codes =
    [
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
        (Dimension.Text, "text"),
    ];

    public static string ToCode(this Dimension dimension) => Codes.First(c => c.Dimension == dimension).Code;

    public static bool TryParse(string code, out Dimension dimension)
    {
        foreach (var (d, c) in Codes)
        {
            if (string.Equals(c, code, StringComparison.OrdinalIgnoreCase))
            {
                dimension = d;
                return true;
            }
        }

        dimension = default;
        return false;
    }

    public static IEnumerable<string> All => Codes.Select(c => c.Code);
}
