namespace Almanac.Usage.Readers;

/// <summary>Tags as the events table keeps them: trimmed, distinct, sorted, joined by commas.</summary>
public static class Tags
{
    public static string Join(IEnumerable<string?> tags) =>
        string.Join(',', tags.Select(t => t?.Trim().Replace(",", " ", StringComparison.Ordinal)).Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
