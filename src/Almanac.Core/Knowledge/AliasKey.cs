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
                span[i++] = Lower(c);
            }
        }
    });

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

    // Full-width ASCII (U+FF01–U+FF5E) is what Chinese input methods type for Latin letters and digits.
    private static char Fold(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '·' or '‧' or '–' or '—' or '\u3000';

    private static char Lower(char c) =>
        char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c < '\u0250' ? char.ToLowerInvariant(c) : c;
}
