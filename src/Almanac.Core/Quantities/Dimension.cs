namespace Almanac.Quantities;

/// <summary>What a quantity measures. Quantities of different dimensions never compare.</summary>
public enum Dimension
{
    Currency,
    Count,
    Tokens,
    Parameters,
    Percent,
    PercentagePoints,
    Multiple,
    Flop,
    Throughput,
    Duration,
    PricePerMillionTokens,
    Score,
    Bytes,
    Words,
    ExchangeRate,
    Date,
    Text,
}
