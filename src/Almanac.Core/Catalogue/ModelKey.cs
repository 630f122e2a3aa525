using System.Text;

namespace Almanac.Catalogue;

/// <summary>
/// The form in which model names from different datasets are compared: what is left of an API id
/// or a human name once hosting, region, snapshot and packaging are taken away, as a set of tokens.
/// So <c>us.anthropic.claude-3-5-sonnet-20240620-v1:0</c>, <c>openrouter/anthropic/claude-3.5-sonnet</c>,
/// <c>Claude Sonnet 3.5</c> and <c>Claude 3.5 Sonnet</c> all have the identity <c>3.5 claude sonnet</c>.
/// </summary>
/// <remarks>
/// The rules, in the order they apply, are listed in <see cref="ModelKeyRules"/>; each one is named
/// there and tested. What the rules take away is kept: <see cref="Variants"/> (instruct, it, fp8,
/// a context length, a region…) and <see cref="Snapshot"/> (a date or revision), so a caller can
/// still tell the offerings apart.
/// </remarks>
public readonly struct ModelKey : IEquatable<ModelKey>
{
    private readonly string[]? _tokens;
    private readonly string[]? _variants;
    private readonly string? _identity;
    private readonly string? _stem;

    internal ModelKey(string stem, string[] tokens, string[] variants, string? snapshot, bool isMoving)
    {
        _stem = stem;
        _tokens = tokens;
        _variants = variants;
        Snapshot = snapshot;
        IsMoving = isMoving;
        _identity = string.Join(' ', tokens.Order(StringComparer.Ordinal));
    }

    /// <summary>The identity: the model's tokens, sorted, joined by spaces. Empty when nothing usable was left.</summary>
    public string Identity => _identity ?? string.Empty;

    /// <summary>The tokens in the order the name gave them: <c>claude 3.5 sonnet</c>.</summary>
    public IReadOnlyList<string> Tokens => _tokens ?? [];

    /// <summary>What was set aside as a variant of the same model: <c>instruct</c>, <c>it</c>, <c>fp8</c>, <c>128k</c>, <c>free</c>, <c>fine-tuned</c>…</summary>
    public IReadOnlyList<string> Variants => _variants ?? [];

    /// <summary>The snapshot or revision label that was taken off (<c>20240620</c>, <c>2024-08-06</c>, <c>0613</c>, <c>v1:0</c>), if any.</summary>
    public string? Snapshot { get; }

    /// <summary>True when the name is a moving pointer (<c>-latest</c>, <c>@latest</c>, <c>(latest)</c>) rather than a fixed model.</summary>
    public bool IsMoving { get; }

    /// <summary>
    /// The id or name with hosting path, Bedrock region and vendor prefix, and deployment suffixes
    /// (<c>-v1:0</c>, <c>@20240620</c>, <c>:free</c>) taken off, but otherwise as written:
    /// <c>claude-3-5-sonnet-20240620</c>. Curated aliases are often written this way.
    /// </summary>
    public string Stem => _stem ?? string.Empty;

    public bool IsEmpty => Identity.Length == 0;

    /// <summary>True when a token is a parameter count (<c>405b</c>, <c>1.5b</c>, <c>8x7b</c>, <c>a22b</c>).</summary>
    public bool HasSize => Tokens.Any(ModelKeyRules.IsSize);

    /// <summary>The first token: the family word (<c>claude</c>, <c>llama</c>, <c>gpt</c>), if any.</summary>
    public string? FamilyWord => Tokens.Count > 0 ? Tokens[0] : null;

    /// <summary>The same key without parameter-count tokens: <c>llama 4 scout 17b</c> becomes <c>llama 4 scout</c>.</summary>
    public string IdentityWithoutSizes =>
        string.Join(' ', Tokens.Where(t => !ModelKeyRules.IsSize(t)).Order(StringComparer.Ordinal));

    /// <summary>The key of a dataset id or name. Never throws; an empty or unusable name gives an empty key.</summary>
    public static ModelKey Of(string? name) => ModelKeyRules.Apply(name ?? string.Empty);

    public bool Equals(ModelKey other) => string.Equals(Identity, other.Identity, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ModelKey other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Identity);

    public static bool operator ==(ModelKey left, ModelKey right) => left.Equals(right);

    public static bool operator !=(ModelKey left, ModelKey right) => !left.Equals(right);

    public override string ToString()
    {
        var text = new StringBuilder(string.Join(' ', Tokens));
        if (Variants.Count > 0)
        {
            text.Append(" [").Append(string.Join(", ", Variants)).Append(']');
        }

        if (Snapshot is not null)
        {
            text.Append(" @").Append(Snapshot);
        }

        return text.ToString();
    }
}
