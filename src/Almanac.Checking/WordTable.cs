using System.Reflection;

namespace Almanac.Checking;

/// <summary>One entry of a checker word file: its line, its kind, the word and an optional value.</summary>
internal readonly record struct WordEntry(int Line, string Kind, string Word, string Value);

/// <summary>
/// The checker's word files (<c>kind⇥word⇥value</c> per line, <c>#</c> comments, an optional
/// header row), embedded in the assembly and read the same way by extraction and by the rules.
/// </summary>
internal static class WordTable
{
    /// <summary>The entries of <paramref name="text"/>; an entry without a word is an error naming <paramref name="file"/> and its line.</summary>
    public static IEnumerable<WordEntry> Entries(string text, string file)
    {
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var entry = raw.TrimEnd('\r');
            if (entry.Length == 0 || entry.StartsWith('#') || entry.StartsWith("kind\t", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = entry.Split('\t');
            var word = parts.Length > 1 ? parts[1] : string.Empty;
            if (word.Length == 0)
            {
                throw new InvalidDataException($"{file}:{line}: an entry needs a kind and a word");
            }

            yield return new WordEntry(line, parts[0], word, parts.Length > 2 ? parts[2] : string.Empty);
        }
    }

    /// <summary>The text of an embedded word file.</summary>
    public static string Embedded(string resourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"the embedded word file {resourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
