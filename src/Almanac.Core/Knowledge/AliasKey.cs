using System.Globalization;
using System.Text;

namespace Almanac.Knowledge;

/// <summary>
/// The form in which names are compared: Unicode-compatibility folded (full-width to half-width),
/// lower case, without spaces, hyphens, underscores, dots or middle dots. So <c>Llama 3.1 405B</c>,
/// <c>llama-3.1-405b</c> and <c>Ｌｌａｍａ３．１</c>… meet.
/// </summary>
public static class AliasKey
{
    public static string Of(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '·' or '‧' or '–' or '—')
            {
                continue;
            }

            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
