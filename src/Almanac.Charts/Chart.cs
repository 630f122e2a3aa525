using System.Text.Json;
using System.Text.Json.Nodes;
using Almanac.Knowledge;

namespace Almanac.Charts;

/// <summary>What a chart says in words: its title, the units under it, and its source line.</summary>
public sealed record ChartText(string Title, string Subtitle, string SourceLine);

/// <summary>
/// One chart: a Vega-Lite spec with its data inline, the table behind it (for CSV), and the
/// sources of every number in it. Build one with <see cref="ChartSpec"/>.
/// </summary>
public sealed record Chart(string Id, ChartText Text, ChartTable Data, IReadOnlyList<Source> Sources, JsonObject Spec)
{
    // The default encoder writes <, > and & as \u003C…, so the JSON can sit inside an HTML script element.
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>The Vega-Lite spec as JSON text, ready for vega-embed and safe inside a script element.</summary>
    public string SpecJson() => Spec.ToJsonString(Compact);

    /// <summary>The file name a reader downloads the data as.</summary>
    public string CsvFileName => Id + ".csv";
}
