namespace Almanac.Knowledge;

/// <summary>
/// The form in which names are compared: full-width forms folded to ASCII, lower case, without
/// spaces, hyphens, underscores, dots or middle dots. So <c>Llama 3.1 405B</c>,
/// <c>llama-3.1-405b</c> and <c>Ｌｌａｍａ ３．１ ４０５Ｂ</c> meet.
/// </summary>
/// <remarks>
/// Folding is done by hand rather than with Unicode normalisation: it runs on every lookup, and
/// loading the normalisation tables would cost a command-line call more than the lookup itself.
/// </remarks>
public static class AliasKey
{
    public static string Of(string name) => string.Create(CountKept(name), name, static (span, source) =>
    {
        var i = 0;
        foreach (var raw in source)
        {
            var c = Fold(raw);
            if (!IsSeparator(c))
            {
                span[i++] = c;
            }
        }
    });

    /// <summary>
    /// One character as names compare: full-width ASCII (U+FF01–U+FF5E, what Chinese input methods type for Latin
    /// letters and digits) folded to ASCII, and Latin letters lower-cased. Every matcher of names folds with this,
    /// so a name found in a note and the same name looked up in the store never disagree.
    /// </summary>
    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }

        return char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c is >= '\u00C0' and < '\u0250' ? char.ToLowerInvariant(c) : c;
    }

    /// <summary>Whether a (folded) character is ignored when names compare: spaces, hyphens, underscores, dots, middle dots, dashes.</summary>
    public static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '·' or '‧' or '–' or '—' or '\u3000';

    private static int CountKept(string name)
    {
        var count = 0;
        foreach (var c in name)
        {
            if (!IsSeparator(Fold(c)))
            {
                count++;
            }
        }

        return count;
    }
}
