namespace Almanac.Text;

/// <summary>
/// A run of characters in a source text: a zero-based offset and a length, both in UTF-16 code units
/// of the original string, so <c>text.Substring(span.Offset, span.Length)</c> is exactly what was written.
/// </summary>
public readonly record struct SourceSpan(int Offset, int Length)
{
    /// <summary>Where <paramref name="text"/> starts and ends once leading and trailing white space is left out.</summary>
    public static (int Start, int End) Trimmed(string text)
    {
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var start = 0;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return (start, end);
    }

    /// <summary>The offset just past the last character.</summary>
    public int End => Offset + Length;

    /// <summary>The characters of <paramref name="text"/> this span covers.</summary>
    public string Slice(string text) => text.Substring(Offset, Length);

    /// <summary>The line and column where the span starts in <paramref name="text"/>.</summary>
    public TextPosition StartIn(string text) => TextPosition.Of(text, Offset);

    public override string ToString() => $"{Offset}+{Length}";
}
