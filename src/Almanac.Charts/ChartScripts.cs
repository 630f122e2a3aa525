using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Almanac.Charts;

/// <summary>
/// Vega, Vega-Lite and vega-embed as embedded in this assembly (versions locked in
/// <c>Scripts/package-lock.json</c>), so a report or page draws its charts with no network.
/// </summary>
public static partial class ChartScripts
{
    /// <summary>The scripts in the order a page must load them.</summary>
    public static readonly IReadOnlyList<string> Names = ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"];

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Texts = new(Read);

    private static readonly Lazy<string> ChineseTimeLocaleText = new(() => ReadResource(typeof(ChartScripts).Assembly, "time-locale.zh-CN.json"));

    /// <summary>d3-time-format's zh-CN locale (一月 … 十二月, 周一 …): time axes of Chinese charts are labelled with it.</summary>
    public static string ChineseTimeLocale => ChineseTimeLocaleText.Value;

    /// <summary>The text of one of <see cref="Names"/>.</summary>
    public static string Text(string name) =>
        Texts.Value.TryGetValue(name, out var text) ? text : throw new ArgumentException($"no chart script '{name}'", nameof(name));

    private static Dictionary<string, string> Read()
    {
        var assembly = typeof(ChartScripts).Assembly;
        return Names.ToDictionary(n => n, n => SourceMapComment().Replace(ReadResource(assembly, n), string.Empty), StringComparer.Ordinal);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the chart script '{name}' is not embedded; build Almanac.Charts with npm available");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    // A map comment would make a browser's tools fetch a file that an offline page does not have.
    [GeneratedRegex(@"//# sourceMappingURL=\S+\s*$", RegexOptions.Multiline)]
    private static partial Regex SourceMapComment();
}
