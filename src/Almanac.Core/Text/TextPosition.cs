namespace Almanac.Text;

/// <summary>A one-based line and column (in UTF-16 code units) in a source text.</summary>
public readonly record struct TextPosition(int Line, int Column)
{
    /// <summary>The position of <paramref name="offset"/> in <paramref name="text"/>; lines end at <c>\n</c>.</summary>
    public static TextPosition Of(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new TextPosition(line, offset - lineStart + 1);
    }

    /// <summary><c>line:column</c>, as messages write it.</summary>
    public override string ToString() => $"{Line}:{Column}";
}
