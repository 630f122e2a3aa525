using System.Globalization;
using Almanac.Knowledge;

namespace Almanac.Catalogue;

/// <summary>A value a dataset wrote that cannot be a fact (a placeholder, an impossible figure), left out and counted.</summary>
/// <param name="Location">Where the record was read (a JSON path or a CSV line).</param>
/// <param name="Reason">Why the value was left out, in words.</param>
public sealed record DroppedValue(string Location, string MetricId, string Value, string Reason);

/// <summary>
/// The values a model record can hold: the public datasets write placeholders where they know nothing
/// (a context window of 0 for an image model, 99,999,999 for "unlimited") and the odd slip (a price per
/// token written where a price per 1M tokens belongs). Readers leave such values out rather than turn them
/// into facts, and the catalogue ignores any that an older import stored.
/// </summary>
public static class PlausibleValues
{
    /// <summary>
    /// The largest context window a developer states for a model: Llama 4 Scout's 10M tokens (10,485,760 on
    /// some hosts). A larger figure in the datasets is a slip (20,000,000 for a model its developer gives 2M).
    /// </summary>
    public const decimal MaxContextTokens = 10_485_760m;

    /// <summary>
    /// The dearest list price per 1M tokens in the datasets is o1-pro's $600 for output; prices above $1,000
    /// are per-token or per-thousand figures written as per-million (W&amp;B's $15,000 for gpt-oss-120b).
    /// </summary>
    public const decimal MaxPricePerMillionTokens = 1_000m;

    private static readonly HashSet<string> TokenLimits = new(StringComparer.Ordinal) { "context-window", "max-output-tokens" };

    private static readonly HashSet<string> Prices = new(StringComparer.Ordinal) { "price-input", "price-output", "price-cache-read", "price-cache-write" };

    /// <summary>Why the value cannot be a fact, or null when it can.</summary>
    public static string? Implausible(string metricId, FactValue value)
    {
        if (value.Quantity is not { } quantity)
        {
            return null;
        }

        var v = quantity.Value;
        if (TokenLimits.Contains(metricId))
        {
            if (v <= 0)
            {
                return "a token limit of 0 or less means the dataset does not know it";
            }

            if (IsAllNines(v))
            {
                return "a run of nines is a placeholder for no limit";
            }

            if (metricId == "context-window" && v > MaxContextTokens)
            {
                return $"above the largest context window any developer states ({MaxContextTokens.ToString("N0", CultureInfo.InvariantCulture)} tokens)";
            }
        }

        if (Prices.Contains(metricId))
        {
            if (v < 0)
            {
                return "a negative price";
            }

            if (v > MaxPricePerMillionTokens)
            {
                return $"above {MaxPricePerMillionTokens.ToString("N0", CultureInfo.InvariantCulture)} USD per 1M tokens: a price per token or per thousand written as per million";
            }
        }

        return null;
    }

    /// <summary>
    /// The record's values less those that cannot be facts, each of those added to <paramref name="dropped"/>:
    /// impossible single values, and an output limit above the same record's context window (one of the two
    /// is wrong; the context window, the figure charts use, is kept).
    /// </summary>
    public static List<RecordValue> Screen(IEnumerable<RecordValue> values, string location, ICollection<DroppedValue> dropped)
    {
        var kept = new List<RecordValue>();
        foreach (var value in values)
        {
            if (Implausible(value.MetricId, value.Value) is { } reason)
            {
                dropped.Add(new DroppedValue(location, value.MetricId, value.Value.ToString(), reason));
            }
            else
            {
                kept.Add(value);
            }
        }

        var context = kept.FirstOrDefault(v => v.MetricId == "context-window" && v.Scope is null)?.Value.Quantity?.Value;
        if (context is { } limit)
        {
            foreach (var output in kept.Where(v => v.MetricId == "max-output-tokens" && v.Scope is null && v.Value.Quantity?.Value > limit).ToList())
            {
                kept.Remove(output);
                dropped.Add(new DroppedValue(location, output.MetricId, output.Value.ToString(), "an output limit above the record's own context window"));
            }
        }

        return kept;
    }

    private static bool IsAllNines(decimal value) =>
        value >= 999_999 && decimal.Truncate(value) == value && value.ToString(CultureInfo.InvariantCulture).All(c => c == '9');
}
