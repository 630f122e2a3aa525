using System.Text;

namespace Almanac.Catalogue;

/// <summary>Ids from names: lower-case ASCII letters and digits, other runs of characters as one hyphen.</summary>
internal static class Slug
{
    public static string Of(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.Replace("+", " plus", StringComparison.Ordinal))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
