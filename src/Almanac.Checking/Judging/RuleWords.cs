namespace Almanac.Checking.Judging;

/// <summary>
/// The document rules' vocabulary, read once from the embedded <c>rule-words.tsv</c>: the words by
/// which a note says how its figures relate (another source's, another basis, the latest, the rest,
/// the total, a rise). Knowledge of wording lives in that file, not in the rules.
/// </summary>
internal sealed class RuleWords
{
    private const string ResourceName = "Almanac.Checking.Judging.rule-words.tsv";

    private static readonly Lazy<RuleWords> Loaded = new(() => Parse(WordTable.Embedded(ResourceName)));

    private readonly Dictionary<string, List<string>> _byKind = new(StringComparer.Ordinal);

    private RuleWords()
    {
    }

    public static RuleWords Shared => Loaded.Value;

    public IReadOnlyList<string> AnotherSource => Of("another-source");

    public IReadOnlyList<string> OtherBasis => Of("other-basis");

    public IReadOnlyList<string> MultiSelect => Of("multi-select");

    public IReadOnlyList<string> Latest => Of("latest");

    public IReadOnlyList<string> Rising => Of("rising");

    public IReadOnlyList<string> Remainder => Of("remainder");

    public IReadOnlyList<string> Division => Of("division");

    public IReadOnlyList<string> TotalBefore => Of("total-before");

    public IReadOnlyList<string> TotalAfter => Of("total-after");

    public IReadOnlyList<string> PartOf => Of("part-of");

    public IReadOnlyList<string> ChangeUp => Of("change-up");

    public IReadOnlyList<string> ChangeDown => Of("change-down");

    private List<string> Of(string kind) => _byKind.GetValueOrDefault(kind) ?? [];

    /// <summary>Whether any of the words occurs in the text, ignoring case.</summary>
    public static bool AnyIn(IReadOnlyList<string> words, string text) =>
        words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether one of the words occurs in the text as a word: in Chinese anywhere, in English not
    /// inside a longer word ("up" is not in "upgrade").
    /// </summary>
    public static bool AnyWordIn(IReadOnlyList<string> words, string text) =>
        words.Any(w => ContainsWord(text, w));

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 || !char.IsAsciiLetter(text[at - 1]) || !char.IsAsciiLetter(word[0]);
            var end = at + word.Length;
            var after = end >= text.Length || !char.IsAsciiLetter(text[end]) || !char.IsAsciiLetter(word[^1]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    internal static RuleWords Parse(string text)
    {
        var words = new RuleWords();
        foreach (var entry in WordTable.Entries(text, "rule-words.tsv"))
        {
            if (!words._byKind.TryGetValue(entry.Kind, out var list))
            {
                words._byKind[entry.Kind] = list = [];
            }

            list.Add(entry.Word);
        }

        return words;
    }
}
