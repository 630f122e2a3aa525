using System.Globalization;
using Almanac.Text;

namespace Almanac.Quantities;

/// <summary>
/// Writes quantities as the notes write them: <c>56.17亿美元</c> or <c>$5.62B</c>, <c>约11.9亿美元</c> or
/// <c>about $1.19B</c>, <c>128K tokens</c> or <c>12.8万 tokens</c>. With exact digits the text parses back to
/// the same quantity (<see cref="QuantityParser.Parse"/>).
/// </summary>
public static class QuantityFormatter
{
    private const string DigitsFormat = "#,0.############################";
    private const string PlainFormat = "0.############################";

    private static readonly (decimal Factor, string Suffix)[] EnglishMagnitudes =
        [(1e12m, "T"), (1e9m, "B"), (1e6m, "M"), (1e3m, "K")];

    private static readonly (decimal Factor, string Suffix)[] ChineseMagnitudes =
        [(1e12m, "万亿"), (1e8m, "亿"), (1e4m, "万")];

    private static readonly (decimal Factor, string Suffix)[] ByteUnits =
        [(1e15m, "PB"), (1e12m, "TB"), (1e9m, "GB"), (1e6m, "MB"), (1e3m, "KB")];

    /// <summary>Formats with the language's default significant digits, or every digit when <paramref name="exact"/>.</summary>
    public static string Format(Quantity quantity, Language language, bool exact = false) =>
        Format(quantity, language, exact ? QuantityFormatOptions.ExactDigits : QuantityFormatOptions.Default);

    public static string Format(Quantity quantity, Language language, QuantityFormatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Exact && quantity.Unit.Dimension == Dimension.Tokens && quantity.High is null && BinaryTokens(quantity.Value) is { } binary)
        {
            return Hedge(options.Compact ? binary : binary + " tokens", quantity.Qualifier, language);
        }

        var digits = options.Exact ? (int?)null : options.SignificantDigits ?? (language == Language.Zh ? 4 : 3);
        var low = Round(quantity.Value, digits);
        var high = quantity.High is { } h ? Round(h, digits) : (decimal?)null;
        var body = Body(quantity.Unit, low, high, language, options.Compact);
        return Hedge(body, quantity.Qualifier, language);
    }

    /// <summary>
    /// A token count in binary multiples as people write context windows: 4,096 as <c>4K</c>, 65,536 as <c>64K</c>,
    /// 1,048,576 as <c>1M</c> (not 4.096K, 65.54K, 1.049M); null for a count that is no whole number of 1,024 tokens
    /// (200,000 stays 200K). Display only: with exact digits the count is written in full, so it parses back.
    /// </summary>
    private static string? BinaryTokens(decimal value)
    {
        const decimal Kibi = 1024m, Mebi = 1024m * 1024m;
        if (value < Kibi || value % Kibi != 0 || value % 1000m == 0)
        {
            return null;
        }

        // In mebi when that is a whole number or one with a single decimal (1.5M); else in kibi (160K, 1536K is 1.5M).
        var mebi = value / Mebi;
        if (value >= Mebi && mebi * 10 == decimal.Truncate(mebi * 10))
        {
            return DecimalMath.Normalize(mebi).ToString(PlainFormat, CultureInfo.InvariantCulture) + "M";
        }

        return (value / Kibi).ToString(PlainFormat, CultureInfo.InvariantCulture) + "K";
    }

    /// <summary>The qualifier as a word of the language: 约/about, 超过/more than, （推测）/(speculated)…</summary>
    public static string QualifierWord(Qualifier qualifier, Language language) => (qualifier, language) switch
    {
        (Qualifier.Exact, _) => string.Empty,
        (Qualifier.About, Language.Zh) => "约",
        (Qualifier.MoreThan, Language.Zh) => "超过",
        (Qualifier.AtLeast, Language.Zh) => "至少",
        (Qualifier.Nearly, Language.Zh) => "近",
        (Qualifier.LessThan, Language.Zh) => "不足",
        (Qualifier.AtMost, Language.Zh) => "最高",
        (Qualifier.Estimated, Language.Zh) => "估计",
        (Qualifier.Forecast, Language.Zh) => "预计",
        (Qualifier.Speculative, Language.Zh) => "推测",
        (Qualifier.About, _) => "about",
        (Qualifier.MoreThan, _) => "more than",
        (Qualifier.AtLeast, _) => "at least",
        (Qualifier.Nearly, _) => "nearly",
        (Qualifier.LessThan, _) => "less than",
        (Qualifier.AtMost, _) => "up to",
        (Qualifier.Estimated, _) => "estimated",
        (Qualifier.Forecast, _) => "expected",
        (Qualifier.Speculative, _) => "speculated",
        _ => qualifier.ToCode(),
    };

    private static string Hedge(string body, Qualifier qualifier, Language language)
    {
        var word = QualifierWord(qualifier, language);
        return qualifier switch
        {
            Qualifier.Exact => body,
            Qualifier.Speculative => language == Language.Zh ? $"{body}（{word}）" : $"{body} ({word})",
            _ => language == Language.Zh ? word + body : $"{word} {body}",
        };
    }

    private static decimal Round(decimal value, int? digits) =>
        digits is { } d ? DecimalMath.RoundSignificant(value, d) : DecimalMath.Normalize(value);

    private static string Body(Unit unit, decimal low, decimal? high, Language language, bool compact)
    {
        var zh = language == Language.Zh;
        var top = Math.Abs(high ?? low);
        switch (unit.Dimension)
        {
            case Dimension.Currency:
            {
                var (factor, suffix) = zh ? Pick(ChineseMagnitudes, top) : Pick(EnglishMagnitudes, top, minimum: 1e6m);
                var number = Numbers(low, high, factor) + suffix;
                return zh ? number + ChineseCurrency(unit) : Symbol(unit) + number;
            }

            case Dimension.PricePerMillionTokens:
            {
                var number = Numbers(low, high, 1m);
                var currency = Unit.ForCurrency(unit.Currency!)!.Value;
                return zh ? $"{number}{ChineseCurrency(currency)}/百万tokens" : $"{Symbol(currency)}{number}/1M tokens";
            }

            case Dimension.Count:
            case Dimension.Tokens:
            case Dimension.Parameters:
            case Dimension.Words:
            {
                var minimum = unit.Dimension == Dimension.Count ? 1e6m : 1e3m;
                var (factor, suffix) = zh ? Pick(ChineseMagnitudes, top) : Pick(EnglishMagnitudes, top, minimum);
                var number = Numbers(low, high, factor) + suffix;
                if (compact || unit.Dimension == Dimension.Count)
                {
                    return number;
                }

                return (unit.Dimension, zh) switch
                {
                    (Dimension.Tokens, true) => number + " tokens",
                    (Dimension.Tokens, false) => number + " tokens",
                    (Dimension.Parameters, true) => number + "参数",
                    (Dimension.Parameters, false) => number + " parameters",
                    (Dimension.Words, true) => number + "词",
                    _ => number + " words",
                };
            }

            case Dimension.Percent:
                return Numbers(low, high, 1m) + "%";
            case Dimension.PercentagePoints:
                return Numbers(low, high, 1m) + (zh ? "个百分点" : " pp");
            case Dimension.Multiple:
                return Numbers(low, high, 1m) + (zh ? "倍" : "x");
            case Dimension.Duration:
                return Numbers(low, high, 1m) + (zh ? "秒" : " s");
            case Dimension.Throughput:
                return Numbers(low, high, 1m) + (zh ? " tokens/秒" : " tokens/s");
            case Dimension.Bytes:
            {
                var (factor, suffix) = Pick(ByteUnits, top);
                return Numbers(low, high, factor) + (suffix.Length == 0 ? " bytes" : suffix);
            }

            case Dimension.Flop:
                return (high is { } hf ? Scientific(low) + "-" + Scientific(hf) : Scientific(low)) + " FLOP";
            default:
                return $"{Numbers(low, high, 1m)} {unit.Code}";
        }
    }

    private static (decimal Factor, string Suffix) Pick((decimal Factor, string Suffix)[] magnitudes, decimal value, decimal minimum = 0m)
    {
        foreach (var (factor, suffix) in magnitudes)
        {
            if (value >= factor && factor >= minimum)
            {
                return (factor, suffix);
            }
        }

        return (1m, string.Empty);
    }

    private static string Numbers(decimal low, decimal? high, decimal factor) =>
        high is { } h ? $"{Digits(low / factor, factor)}-{Digits(h / factor, factor)}" : Digits(low / factor, factor);

    /// <summary>
    /// Plain numbers group thousands (<c>3,843</c>); before a magnitude only from five digits on
    /// (<c>1370亿</c>, <c>12,345亿</c>), as the notes mostly write them.
    /// </summary>
    private static string Digits(decimal value, decimal factor = 1m)
    {
        value = DecimalMath.Normalize(value);
        var format = factor == 1m || Math.Abs(value) >= 10_000m ? DigitsFormat : PlainFormat;
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string Scientific(decimal value)
    {
        if (Math.Abs(value) < 1e6m)
        {
            return Digits(value);
        }

        var exponent = DecimalMath.Exponent(value);
        var mantissa = DecimalMath.Normalize(value / DecimalMath.Pow10(exponent));
        return mantissa.ToString(CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private static string Symbol(Unit currency) => currency.Currency switch
    {
        "USD" => "$",
        "EUR" => "€",
        "CNY" => "¥",
        var iso => iso + " ",
    };

    private static string ChineseCurrency(Unit currency) => currency.Currency switch
    {
        "USD" => "美元",
        "EUR" => "欧元",
        "CNY" => "元",
        var iso => " " + iso,
    };
}
