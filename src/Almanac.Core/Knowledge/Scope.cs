using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;

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

    /// <summary>
    /// A dataset's tens of thousands of facts share a few hundred scopes: each distinct scope is built once
    /// and shared (scopes are immutable), up to a bound so that no input can grow the table without end.
    /// </summary>
    private const int MaxShared = 10_000;

    private static readonly ConcurrentDictionary<string, Scope> Shared = new(StringComparer.Ordinal);

    private Scope(ImmutableSortedDictionary<string, string> values, string canonical)
    {
        Values = values;
        Canonical = canonical;
    }

    private Scope(ImmutableSortedDictionary<string, string> values)
        : this(values, CanonicalOf(values))
    {
    }

    public static Scope Empty { get; } = new(ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    public ImmutableSortedDictionary<string, string> Values { get; }

    /// <summary>A stable text form: <c>basis=usage;market=enterprise-llm-api</c>, empty for no scope.</summary>
    public string Canonical { get; }

    public bool IsEmpty => Values.IsEmpty;

    public string? this[string key] => Values.GetValueOrDefault(key);

    public static Scope Of(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var pairs = values.ToArray();
        if (pairs.Length == 0)
        {
            return Empty;
        }

        Array.Sort(pairs, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < pairs.Length; i++)
        {
            if (pairs[i].Key == pairs[i - 1].Key)
            {
                // A key given twice is the dictionary's to accept (same value) or refuse: the slow path.
                return new Scope(pairs.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
            }
        }

        return Share(CanonicalOf(pairs), pairs);
    }

    /// <summary>Reads the form written by <see cref="Canonical"/>.</summary>
    public static Scope Parse(string canonical)
    {
        if (string.IsNullOrEmpty(canonical))
        {
            return Empty;
        }

        return Shared.TryGetValue(canonical, out var shared)
            ? shared
            : Of(canonical.Split(';').Select(part => part.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1])));
    }

    private static Scope Share(string canonical, KeyValuePair<string, string>[] sortedPairs)
    {
        if (Shared.TryGetValue(canonical, out var shared))
        {
            return shared;
        }

        var scope = new Scope(sortedPairs.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), canonical);
        return Shared.Count < MaxShared ? Shared.GetOrAdd(canonical, scope) : scope;
    }

    private static string CanonicalOf(IEnumerable<KeyValuePair<string, string>> sortedPairs)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in sortedPairs)
        {
            text.Append(text.Length == 0 ? string.Empty : ";").Append(key).Append('=').Append(value);
        }

        return text.ToString();
    }

    public bool Equals(Scope? other) => other is not null && Canonical == other.Canonical;

    public override bool Equals(object? obj) => Equals(obj as Scope);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical);

    public override string ToString() => Canonical;
}
