using Almanac.Catalogue;
using Almanac.Usage.Readers;

namespace Almanac.Usage.Normalisation;

/// <summary>Provider names as logs write them, to the provider codes the catalogue uses (<c>providers.tsv</c>).</summary>
public static class ProviderNames
{
    private static readonly Dictionary<string, string> Codes = AttributeTable.Load("providers.tsv")
        .ToDictionary(p => p.Key, p => p.Value[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>The provider code for a logged name: the table's, else the name lower-cased.</summary>
    public static string Code(string written)
    {
        var trimmed = written.Trim();
        return Codes.TryGetValue(trimmed, out var code) ? code : trimmed.ToLowerInvariant();
    }

    /// <summary>True when a model string's first path segment names a provider rather than a developer's namespace.</summary>
    public static bool IsPrefix(string segment) => Codes.ContainsKey(segment) || Organisations.OfProvider(segment) is not null;

    /// <summary>
    /// Splits <c>bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0</c> into the provider <c>bedrock</c> and the
    /// model string; a string without a provider prefix is the model string whole, with no provider.
    /// </summary>
    public static (string? Provider, string Model) Split(string raw)
    {
        var slash = raw.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && slash < raw.Length - 1 && IsPrefix(raw[..slash]))
        {
            return (Code(raw[..slash]), raw[(slash + 1)..]);
        }

        return (null, raw);
    }
}
