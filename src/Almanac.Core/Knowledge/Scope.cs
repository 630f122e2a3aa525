using System.Collections.Immutable;

namespace Almanac.Knowledge;

/// <summary>
/// What a figure is restricted to: market, region, segment, use case, basis (usage vs spend)…
/// Two facts with different scopes are about different things and are never compared.
/// </summary>
public sealed class Scope : IEquatable<Scope>
{
    /// <summary>The keys a scope may use.</summary>
    public static readonly ImmutableArray<string> Keys =
        ["market", "region", "segment", "use-case", "basis", "benchmark", "answer", "variant", "round", "provider", "offering", "status", "evaluator"];

    /// <summary>
    /// Keys naming the event a figure was stated at (a funding round): a claim naming one speaks of
    /// that event's figure whatever date it gives, or none.
    /// </summary>
    public static readonly ImmutableArray<string> EventKeys = ["round"];

    private Scope(ImmutableSortedDictionary<string, string> values)
    {
        Values = values;
        Canonical = string.Join(';', values.Select(kv => $"{kv.Key}={kv.Value}"));
    }

    public static Scope Empty { get; } = new(ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    public ImmutableSortedDictionary<string, string> Values { get; }

    /// <summary>A stable text form: <c>basis=usage;market=enterprise-llm-api</c>, empty for no scope.</summary>
    public string Canonical { get; }

    public bool IsEmpty => Values.IsEmpty;

    public string? this[string key] => Values.GetValueOrDefault(key);

    public static Scope Of(IEnumerable<KeyValuePair<string, string>> values) =>
        new(values.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));

    /// <summary>Reads the form written by <see cref="Canonical"/>.</summary>
    public static Scope Parse(string canonical) =>
        string.IsNullOrEmpty(canonical)
            ? Empty
            : Of(canonical.Split(';').Select(part => part.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1])));

    public bool Equals(Scope? other) => other is not null && Canonical == other.Canonical;

    public override bool Equals(object? obj) => Equals(obj as Scope);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical);

    public override string ToString() => Canonical;
}
