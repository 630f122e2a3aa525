using System.Globalization;
using Almanac.Knowledge;
using Almanac.Text;

namespace Almanac.Charts;

/// <summary>
/// The line under a chart that says where its numbers came from, in the style of Our World in
/// Data: <c>Source: Menlo Ventures (2024, 2025), via Almanac</c>.
/// </summary>
public static class SourceLine
{
    /// <summary>Publishers in order of first appearance, each with the years it published in.</summary>
    public static string For(IEnumerable<Source> sources, Language language)
    {
        var byPublisher = sources
            .GroupBy(s => s.Publisher, StringComparer.Ordinal)
            .Select(g => (Publisher: g.Key, Years: g.Select(s => s.Published.Year).Distinct().Order().ToList()))
            .ToList();
        if (byPublisher.Count == 0)
        {
            throw new ArgumentException("a chart without sources has nothing to show", nameof(sources));
        }

        return language == Language.Zh
            ? "来源：" + string.Join("；", byPublisher.Select(p => $"{p.Publisher}（{Years(p.Years, "、")}）")) + "，经 Almanac 整理"
            : "Source: " + string.Join("; ", byPublisher.Select(p => $"{p.Publisher} ({Years(p.Years, ", ")})")) + ", via Almanac";
    }

    private static string Years(List<int> years, string separator) =>
        string.Join(separator, years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
}
