using System.Globalization;
using Almanac.Catalogue;
using Almanac.Knowledge;

namespace Almanac.Analytics;

/// <summary>A rough capability class of a model, read from its name.</summary>
public enum CapabilityTier
{
    /// <summary>A lab's top line: Opus, GPT-4 and later, o1, o3, Ultra, Pro, Large, Max.</summary>
    Frontier,

    /// <summary>The middle line: Sonnet, Flash, Medium, Plus, Turbo.</summary>
    Mid,

    /// <summary>The small line: Haiku, Mini, Nano, Lite, Small, Tiny, and open models of 8B parameters or fewer.</summary>
    Small,
}

/// <summary>
/// An explicit, name-based capability tier. The id is split into words at hyphens
/// (<c>gpt-4o-mini</c> is <c>gpt</c>, <c>4o</c>, <c>mini</c>) and the first rule that fits decides:
/// <list type="number">
/// <item>Small: a word <c>haiku</c>, <c>mini</c>, <c>nano</c>, <c>lite</c>, <c>small</c> or <c>tiny</c>,
/// or a size word of 8B parameters or fewer (<c>8b</c>, <c>7b</c>, <c>360m</c>).</item>
/// <item>Frontier: a word <c>opus</c>, <c>ultra</c>, <c>pro</c>, <c>large</c> or <c>max</c>; an id starting
/// <c>gpt-4</c>, <c>gpt-4o</c> or <c>gpt-5</c> (so <c>gpt-4-1</c> and <c>gpt-4-turbo</c>); or starting <c>o1</c> or <c>o3</c>.</item>
/// <item>Mid: a word <c>sonnet</c>, <c>flash</c>, <c>medium</c>, <c>plus</c> or <c>turbo</c>.</item>
/// </list>
/// Anything else has no tier: the rule does not guess from reputation (DeepSeek-V3, GLM-4.5 and
/// Llama 3.1 405B have none).
/// </summary>
public static class CapabilityTiers
{
    private static readonly HashSet<string> SmallWords = new(["haiku", "mini", "nano", "lite", "small", "tiny"], StringComparer.Ordinal);
    private static readonly HashSet<string> FrontierWords = new(["opus", "ultra", "pro", "large", "max"], StringComparer.Ordinal);
    private static readonly HashSet<string> MidWords = new(["sonnet", "flash", "medium", "plus", "turbo"], StringComparer.Ordinal);
    private static readonly HashSet<string> FrontierGpt = new(["4", "4o", "5"], StringComparer.Ordinal);
    private static readonly HashSet<string> FrontierReasoning = new(["o1", "o3"], StringComparer.Ordinal);

    /// <summary>The largest parameter count a size word may name for a model to be small.</summary>
    public const decimal SmallParameters = 8_000_000_000m;

    /// <summary>The tier of a model or model family by the rule above; null when no rule fits or it is not a model.</summary>
    public static CapabilityTier? Of(Entity model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Kind is EntityKind.Model or EntityKind.ModelFamily ? OfId(model.Id) : null;
    }

    /// <summary>The tier the rule gives an id or name such as <c>claude-3-5-haiku</c> or <c>GPT-4.1 mini</c>.</summary>
    public static CapabilityTier? OfId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var words = Slug.Of(id).Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        if (words.Any(w => SmallWords.Contains(w) || SizeOf(w) is <= SmallParameters))
        {
            return CapabilityTier.Small;
        }

        if (words.Any(FrontierWords.Contains)
            || (words[0] == "gpt" && words.Length > 1 && FrontierGpt.Contains(words[1]))
            || FrontierReasoning.Contains(words[0]))
        {
            return CapabilityTier.Frontier;
        }

        return words.Any(MidWords.Contains) ? CapabilityTier.Mid : null;
    }

    /// <summary>The parameters a size word names: <c>8b</c> is 8 billion, <c>360m</c> 360 million; null for any other word.</summary>
    private static decimal? SizeOf(string word)
    {
        if (word.Length < 2 || !decimal.TryParse(word.AsSpan(0, word.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return word[^1] switch
        {
            'b' => number * 1_000_000_000m,
            'm' => number * 1_000_000m,
            _ => null,
        };
    }
}
