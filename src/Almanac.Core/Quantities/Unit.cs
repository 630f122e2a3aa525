using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Almanac.Quantities;

/// <summary>
/// A unit of measure, identified by its code (<c>USD</c>, <c>tokens</c>, <c>USD/1M tokens</c>).
/// Currencies are units of their own: CNY is not USD until a dated exchange-rate fact says so.
/// </summary>
public readonly record struct Unit
{
    private Unit(string code, Dimension dimension, string? currency)
    {
        Code = code;
        Dimension = dimension;
        Currency = currency;
    }

    /// <summary>The canonical code, as written in data files and JSON.</summary>
    public string Code { get; }

    public Dimension Dimension { get; }

    /// <summary>The ISO 4217 currency for currency and price units; otherwise null.</summary>
    public string? Currency { get; }

    public static Unit Usd { get; } = new("USD", Dimension.Currency, "USD");
    public static Unit Cny { get; } = new("CNY", Dimension.Currency, "CNY");
    public static Unit Eur { get; } = new("EUR", Dimension.Currency, "EUR");
    public static Unit Count { get; } = new("count", Dimension.Count, null);
    public static Unit Tokens { get; } = new("tokens", Dimension.Tokens, null);
    public static Unit Parameters { get; } = new("parameters", Dimension.Parameters, null);
    public static Unit Percent { get; } = new("percent", Dimension.Percent, null);
    public static Unit PercentagePoints { get; } = new("pp", Dimension.PercentagePoints, null);
    public static Unit Multiple { get; } = new("x", Dimension.Multiple, null);
    public static Unit Flop { get; } = new("FLOP", Dimension.Flop, null);
    public static Unit TokensPerSecond { get; } = new("tokens/s", Dimension.Throughput, null);
    public static Unit Seconds { get; } = new("s", Dimension.Duration, null);
    public static Unit UsdPerMillionTokens { get; } = new("USD/1M tokens", Dimension.PricePerMillionTokens, "USD");
    public static Unit CnyPerMillionTokens { get; } = new("CNY/1M tokens", Dimension.PricePerMillionTokens, "CNY");
    public static Unit EurPerMillionTokens { get; } = new("EUR/1M tokens", Dimension.PricePerMillionTokens, "EUR");
    public static Unit Score { get; } = new("score", Dimension.Score, null);
    public static Unit Bytes { get; } = new("bytes", Dimension.Bytes, null);
    public static Unit Words { get; } = new("words", Dimension.Words, null);
    public static Unit CnyPerUsd { get; } = new("CNY/USD", Dimension.ExchangeRate, null);
    public static Unit UsdPerEur { get; } = new("USD/EUR", Dimension.ExchangeRate, null);
    public static Unit Date { get; } = new("date", Dimension.Date, null);
    public static Unit Text { get; } = new("text", Dimension.Text, null);

    /// <summary>Every unit Almanac knows, by code.</summary>
    public static IReadOnlyCollection<Unit> All => ByCode.Values;

    private static readonly FrozenDictionary<string, Unit> ByCode = new[]
    {
        Usd, Cny, Eur, Count, Tokens, Parameters, Percent, PercentagePoints, Multiple, Flop,
        TokensPerSecond, Seconds, UsdPerMillionTokens, CnyPerMillionTokens, EurPerMillionTokens,
        Score, Bytes, Words, CnyPerUsd, UsdPerEur, Date, Text,
    }.ToFrozenDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a unit by its canonical code (case-insensitive).</summary>
    public static bool TryFromCode(string code, [NotNullWhen(true)] out Unit? unit)
    {
        if (ByCode.TryGetValue(code.Trim(), out var found))
        {
            unit = found;
            return true;
        }

        unit = null;
        return false;
    }

    /// <summary>The currency unit for an ISO 4217 code, if Almanac knows it.</summary>
    public static Unit? ForCurrency(string iso) => TryFromCode(iso, out var u) && u.Value.Dimension == Dimension.Currency ? u : null;

    /// <summary>The price-per-1M-tokens unit in a currency.</summary>
    public static Unit? PricePerMillionTokensIn(string iso) =>
        TryFromCode(iso + "/1M tokens", out var u) ? u : null;

    public override string ToString() => Code;
}
