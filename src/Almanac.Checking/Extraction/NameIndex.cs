using Almanac.Knowledge;

namespace Almanac.Checking.Extraction;

/// <summary>One name found in text: where it is (offsets in the text searched) and what it names.</summary>
internal readonly record struct Mention<T>(int Start, int End, T Value);

/// <summary>
/// Finds names in running text by longest match, comparing as <see cref="Almanac.Knowledge.AliasKey"/> does
/// (full-width folded, lower case, spaces, hyphens and dots ignored), so <c>Claude Sonnet 3.5</c> and
/// <c>claude-sonnet-3.5</c> meet. Built once per knowledge; searching is linear in the text times the longest name.
/// </summary>
internal sealed class NameIndex<T>
{
    private const int MaxNameLength = 64;
    private readonly Node _root = new();

    public NameIndex(IEnumerable<(string Name, T Value)> names)
    {
        foreach (var (name, value) in names)
        {
            Add(name, value);
        }
    }

    private void Add(string name, T value)
    {
        var node = _root;
        var length = 0;
        foreach (var raw in name)
        {
            var c = Fold(raw);
            if (IsSeparator(c))
            {
                continue;
            }

            node.Children ??= [];
            if (!node.Children.TryGetValue(c, out var next))
            {
                next = new Node();
                node.Children[c] = next;
            }

            node = next;
            length++;
        }

        if (length > 0 && length <= MaxNameLength && !node.HasValue)
        {
            node.Value = value;
            node.HasValue = true;
        }
    }

    /// <summary>Every name in <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>), longest first at each place, not overlapping.</summary>
    public List<Mention<T>> FindAll(string text, int start, int end)
    {
        var found = new List<Mention<T>>();
        var i = start;
        while (i < end)
        {
            if (IsSeparator(Fold(text[i])) || (i > start && IsAsciiWord(text[i - 1]) && IsAsciiWord(text[i])))
            {
                i++;
                continue;
            }

            var best = Match(text, i, end);
            if (best is { } m)
            {
                // A name that starts inside this one and runs past it is the more specific one: a developer's
                // short name does not swallow the model after it ("Meta Llama 4 Scout" is Llama 4 Scout).
                var later = LongerInside(text, m, end);
                found.Add(later ?? m);
                i = (later ?? m).End;
                continue;
            }

            i++;
        }

        return found;
    }

    private Mention<T>? Match(string text, int i, int end)
    {
        var node = _root;
        Mention<T>? best = null;
        var seen = 0;
        for (var j = i; j < end && seen < MaxNameLength * 2; j++, seen++)
        {
            var c = Fold(text[j]);
            if (IsSeparator(c))
            {
                continue;
            }

            if (node.Children is null || !node.Children.TryGetValue(c, out var next))
            {
                break;
            }

            node = next;
            if (node.HasValue && (j + 1 >= end || !IsAsciiWord(text[j]) || !IsAsciiWord(text[j + 1])) && !VersionGoesOn(text, j, end))
            {
                best = new Mention<T>(i, j + 1, node.Value!);
            }
        }

        return best;
    }

    private Mention<T>? LongerInside(string text, Mention<T> found, int end)
    {
        for (var j = found.Start + 1; j < found.End; j++)
        {
            var c = text[j];
            if (IsSeparator(Fold(c)) || (IsAsciiWord(text[j - 1]) && IsAsciiWord(c)))
            {
                continue;
            }

            if (Match(text, j, end) is { } inner && inner.End > found.End)
            {
                return inner;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a name ending at <paramref name="j"/> is cut out of a longer version number: "Claude Opus 4" is
    /// not the name in "Claude Opus 4.6", nor "Qwen 2" in "Qwen 2.5".
    /// </summary>
    private static bool VersionGoesOn(string text, int j, int end) =>
        char.IsAsciiDigit(text[j]) && j + 2 < end && text[j + 1] == '.' && char.IsAsciiDigit(text[j + 2]);

    private static bool IsAsciiWord(char c) => char.IsAsciiLetterOrDigit(c);

    // A table over every UTF-16 unit: folding runs once per character searched, so it must not hash.
    private static readonly char[] Simplified = BuildSimplified();

    private static char[] BuildSimplified()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (char)i;
        }

        foreach (var (traditional, simplified) in CheckerWords.Shared.Traditional)
        {
            table[traditional] = simplified;
        }

        return table;
    }

    // As AliasKey, and Traditional characters read as Simplified, as the names in the data are written.
    private static char Fold(char c) => AliasKey.Fold(Simplified[c]);

    private static bool IsSeparator(char c) => AliasKey.IsSeparator(c);

    private sealed class Node
    {
        public Dictionary<char, Node>? Children { get; set; }

        public T? Value { get; set; }

        public bool HasValue { get; set; }
    }
}
