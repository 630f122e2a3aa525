namespace Almanac.Text;

/// <summary>The languages Almanac reads and writes figures in.</summary>
public enum Language
{
    /// <summary>English (<c>en</c>): <c>$5.62B</c>, <c>about 4.5 billion</c>.</summary>
    En,

    /// <summary>Chinese (<c>zh</c>): <c>56.17亿美元</c>, <c>约11.9亿美元</c>.</summary>
    Zh,
}
