namespace Almanac.Knowledge;

/// <summary>A name in English and, where it has one, Chinese.</summary>
public sealed record LocalizedName(string En, string? Zh)
{
    /// <summary>The name in <paramref name="language"/> (<c>zh</c> or <c>en</c>), falling back to English.</summary>
    public string In(string language) => language == "zh" && !string.IsNullOrEmpty(Zh) ? Zh : En;
}
