using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Almanac.Knowledge;

namespace Almanac.Charts;

/// <summary>Which of a table's fields a chart draws, and how.</summary>
/// <param name="X">The field along the horizontal axis (the angle, for a donut).</param>
/// <param name="Y">The measured field.</param>
/// <param name="Colour">The field that splits marks into series, if any.</param>
/// <param name="Order">Categories of <paramref name="X"/> in drawing order; data order when null.</param>
/// <param name="Series">Series of <paramref name="Colour"/> in legend order, with their colours when given.</param>
/// <param name="LogY">Draw <paramref name="Y"/> on a log scale (prices, context windows).</param>
/// <param name="Label">A field written beside each point of a line chart (a funding round's name); empty values write nothing.</param>
/// <param name="YFromZero">Start a line chart's axis at zero; false for scores whose differences sit far from it (Arena ratings near 1,400).</param>
public sealed record ChartEncoding(
    string X,
    string Y,
    string? Colour = null,
    IReadOnlyList<string>? Order = null,
    IReadOnlyList<ChartSeries>? Series = null,
    bool LogY = false,
    string? Label = null,
    bool YFromZero = true);

/// <summary>One series of a chart and, when it has a fixed one, its colour.</summary>
public sealed record ChartSeries(string Name, string? Colour = null);

/// <summary>
/// Builds Vega-Lite specs in the house chart style: title and units on top, the source line
/// under the chart, tooltips naming every field, and the data inline so a page works offline.
/// </summary>
public static partial class ChartSpec
{
    private const string Schema = "https://vega.github.io/schema/vega-lite/v6.json";
    private const int Width = 560;
    private const int Height = 300;

    /// <summary>Shares that add up to 100% at each point in time, stacked (market share by provider).</summary>
    public static Chart StackedShare(string id, ChartText text, ChartTable data, ChartEncoding encoding, IEnumerable<Source> sources)
    {
        var y = Quantitative(data, encoding.Y);
        y["stack"] = "zero";
        y["scale"] = new JsonObject { ["domain"] = new JsonArray(0, 100) };
        var view = View(data, encoding, text, "bar", new JsonObject
        {
            ["x"] = Category(data, encoding.X, encoding.Order),
            ["y"] = y,
            ["color"] = Colour(data, encoding),
            ["order"] = SeriesOrder(encoding),
            ["tooltip"] = Tooltip(data),
        });
        return Build(id, text, data, sources, view);
    }

    /// <summary>A measure over time, one line per series.</summary>
    public static Chart Lines(string id, ChartText text, ChartTable data, ChartEncoding encoding, IEnumerable<Source> sources)
    {
        var x = data.Field(encoding.X).Type == FieldType.Temporal ? Temporal(data, encoding.X) : Category(data, encoding.X, encoding.Order);
        var y = Quantitative(data, encoding.Y, encoding.LogY);
        if (!encoding.YFromZero && !encoding.LogY)
        {
            y["scale"] = new JsonObject { ["zero"] = false };
        }

        var view = View(data, encoding, text, new JsonObject { ["type"] = "line", ["point"] = true }, new JsonObject
        {
            ["x"] = x,
            ["y"] = y,
            ["color"] = Colour(data, encoding),
            ["tooltip"] = Tooltip(data),
        });
        if (encoding.Label is { } label)
        {
            // The line and its labels share the view's encoding; the labels sit just above and right of their points.
            var line = view["mark"]!.DeepClone();
            view.Remove("mark");
            view["layer"] = new JsonArray(
                new JsonObject { ["mark"] = line },
                new JsonObject
                {
                    // Points without a label write nothing (not "null").
                    ["transform"] = new JsonArray(new JsonObject { ["filter"] = $"isValid(datum[{JsonValue.Create(label)!.ToJsonString()}])" }),
                    ["mark"] = new JsonObject { ["type"] = "text", ["align"] = "left", ["dx"] = 5, ["dy"] = -8, ["fontSize"] = 10 },
                    ["encoding"] = new JsonObject { ["text"] = new JsonObject { ["field"] = data.Field(label).Name, ["type"] = "nominal" } },
                });
        }

        return Build(id, text, data, sources, view);
    }

    /// <summary>
    /// A value that holds until it changes (a list price), one stepped line per series: each point starts a
    /// step that lasts until the next point of its series.
    /// </summary>
    public static Chart Steps(string id, ChartText text, ChartTable data, ChartEncoding encoding, IEnumerable<Source> sources)
    {
        var view = View(data, encoding, text, new JsonObject { ["type"] = "line", ["interpolate"] = "step-after", ["point"] = true }, new JsonObject
        {
            ["x"] = Temporal(data, encoding.X),
            ["y"] = Quantitative(data, encoding.Y, encoding.LogY),
            ["color"] = Colour(data, encoding),
            ["tooltip"] = Tooltip(data),
        });
        return Build(id, text, data, sources, view);
    }

    /// <summary>Bars per category; with a colour field, the bars of each category stand side by side.</summary>
    public static Chart Bars(string id, ChartText text, ChartTable data, ChartEncoding encoding, IEnumerable<Source> sources)
    {
        var channels = new JsonObject
        {
            ["x"] = Category(data, encoding.X, encoding.Order),
            ["y"] = Quantitative(data, encoding.Y, encoding.LogY),
            ["tooltip"] = Tooltip(data),
        };
        if (encoding.Colour is not null)
        {
            channels["color"] = Colour(data, encoding);
            channels["xOffset"] = new JsonObject { ["field"] = encoding.Colour, ["sort"] = SeriesNames(data, encoding) };
        }

        return Build(id, text, data, sources, View(data, encoding, text, "bar", channels));
    }

    /// <summary>Points in time against a measure (price against release date).</summary>
    public static Chart Scatter(string id, ChartText text, ChartTable data, ChartEncoding encoding, IEnumerable<Source> sources)
    {
        var view = View(data, encoding, text, new JsonObject { ["type"] = "point", ["filled"] = true, ["size"] = 60, ["opacity"] = 0.75 }, new JsonObject
        {
            ["x"] = Temporal(data, encoding.X),
            ["y"] = Quantitative(data, encoding.Y, encoding.LogY),
            ["color"] = Colour(data, encoding),
            ["tooltip"] = Tooltip(data),
        });
        return Build(id, text, data, sources, view);
    }

    /// <summary>Events along a time axis, one row per category (model releases by developer).</summary>
    public static Chart Timeline(string id, ChartText text, ChartTable data, ChartEncoding encoding, IEnumerable<Source> sources)
    {
        var view = View(data, encoding, text, new JsonObject { ["type"] = "tick", ["thickness"] = 2, ["size"] = 14 }, new JsonObject
        {
            ["x"] = Temporal(data, encoding.X),
            ["y"] = Category(data, encoding.Y, encoding.Order),
            ["color"] = Colour(data, encoding),
            ["tooltip"] = Tooltip(data),
        });
        view["height"] = new JsonObject { ["step"] = 22 };
        return Build(id, text, data, sources, view);
    }

    /// <summary>Parts of one whole (how teams switched models): <see cref="ChartEncoding.X"/> names the part, <see cref="ChartEncoding.Y"/> its size.</summary>
    public static Chart Donut(string id, ChartText text, ChartTable data, ChartEncoding encoding, IEnumerable<Source> sources)
    {
        var colour = Colour(data, encoding with { Colour = encoding.X });
        var view = new JsonObject
        {
            ["width"] = Height,
            ["height"] = Height,
            ["title"] = Title(text),
            ["data"] = new JsonObject { ["values"] = data.ToValues() },
            ["transform"] = OrderTransform(data, encoding with { Colour = encoding.X }),
            ["encoding"] = new JsonObject
            {
                ["theta"] = new JsonObject { ["field"] = encoding.Y, ["type"] = "quantitative", ["stack"] = true },
                ["color"] = colour,
                ["order"] = SeriesOrder(encoding with { Colour = encoding.X }),
                ["tooltip"] = Tooltip(data),
            },
            ["layer"] = new JsonArray(
                new JsonObject { ["mark"] = new JsonObject { ["type"] = "arc", ["innerRadius"] = 70, ["outerRadius"] = 130 } },
                new JsonObject
                {
                    ["mark"] = new JsonObject { ["type"] = "text", ["radius"] = 150, ["fontSize"] = 12 },
                    ["encoding"] = new JsonObject { ["text"] = new JsonObject { ["field"] = encoding.Y, ["type"] = "quantitative", ["format"] = ",.4~g" } },
                }),
        };
        return Build(id, text, data, sources, view);
    }

    private static Chart Build(string id, ChartText text, ChartTable data, IEnumerable<Source> sources, JsonObject view)
    {
        if (data.Count == 0)
        {
            throw new ArgumentException($"chart '{id}' has no data", nameof(data));
        }

        var spec = new JsonObject
        {
            ["$schema"] = Schema,
            ["description"] = $"{text.Title}. {text.Subtitle}. {text.SourceLine}",
            ["vconcat"] = new JsonArray(view),
            // Under the chart, left-aligned, as Our World in Data prints its source lines.
            ["title"] = new JsonObject
            {
                ["text"] = Wrap(text.SourceLine),
                ["orient"] = "bottom",
                ["anchor"] = "start",
                ["fontSize"] = 11,
                ["fontWeight"] = "normal",
                ["color"] = "#5b5b5b",
                ["offset"] = 12,
            },
            ["config"] = new JsonObject
            {
                ["font"] = "system-ui, -apple-system, \"Segoe UI\", \"Noto Sans CJK SC\", \"PingFang SC\", sans-serif",
                ["view"] = new JsonObject { ["stroke"] = null },
                ["axis"] = new JsonObject { ["labelFontSize"] = 11, ["titleFontSize"] = 12, ["titleFontWeight"] = "normal" },
                ["legend"] = new JsonObject { ["labelFontSize"] = LegendFontSize, ["titleFontSize"] = 12, ["orient"] = "right" },
            },
        };
        return new Chart(id, text, data, sources.Distinct().ToList(), spec);
    }

    // A long list of publishers would make the chart as wide as the line: break it between sources.
    private static JsonArray Wrap(string line)
    {
        const int Width = 110;
        var lines = new JsonArray();
        var current = new StringBuilder();
        foreach (var part in SourceBreak().Split(line))
        {
            if (current.Length > 0 && current.Length + part.Length > Width)
            {
                lines.Add(current.ToString().TrimEnd());
                current.Clear();
            }

            current.Append(part);
        }

        lines.Add(current.ToString().TrimEnd());
        return lines;
    }

    [GeneratedRegex(@"(?<=[;；]\s?)")]
    private static partial Regex SourceBreak();

    private static JsonObject View(ChartTable data, ChartEncoding chart, ChartText text, JsonNode mark, JsonObject encoding) => new()
    {
        ["width"] = Width,
        ["height"] = Height,
        ["title"] = Title(text),
        ["data"] = new JsonObject { ["values"] = data.ToValues() },
        ["transform"] = OrderTransform(data, chart),
        ["mark"] = mark,
        ["encoding"] = WithoutEmpty(encoding),
    };

    // A channel the chart does not use is left out, not written as null.
    private static JsonObject WithoutEmpty(JsonObject encoding)
    {
        foreach (var name in encoding.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            encoding.Remove(name);
        }

        return encoding;
    }

    private static JsonObject Title(ChartText text) => new()
    {
        ["text"] = text.Title,
        ["subtitle"] = text.Subtitle,
        ["anchor"] = "start",
        ["fontSize"] = 15,
        ["subtitleFontSize"] = 12,
        ["subtitleColor"] = "#5b5b5b",
    };

    private static JsonObject Category(ChartTable data, string field, IReadOnlyList<string>? order)
    {
        var f = data.Field(field);
        var index = data.Fields.ToList().IndexOf(f);
        // Past a handful of categories, level labels would run into each other.
        var crowded = data.Rows.Select(r => r[index]).Distinct().Count() > 8;
        var axis = new JsonObject { ["labelAngle"] = crowded ? -45 : 0 };
        var channel = new JsonObject { ["field"] = f.Name, ["type"] = f.Type == FieldType.Quantitative ? "ordinal" : Code(f.Type), ["title"] = f.Label, ["axis"] = axis };
        // Without an order, categories keep the data's order rather than the alphabet's.
        channel["sort"] = order is null ? null : new JsonArray(order.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
        return channel;
    }

    private static JsonObject Temporal(ChartTable data, string field)
    {
        var f = data.Field(field);
        return new JsonObject { ["field"] = f.Name, ["type"] = "temporal", ["title"] = f.Label };
    }

    private static JsonObject Quantitative(ChartTable data, string field, bool log = false)
    {
        var f = data.Field(field);
        var channel = new JsonObject { ["field"] = f.Name, ["type"] = "quantitative", ["title"] = f.Unit is null ? f.Label : $"{f.Label} ({f.Unit})" };
        if (log)
        {
            channel["scale"] = new JsonObject { ["type"] = "log" };
        }

        return channel;
    }

    private static JsonObject? Colour(ChartTable data, ChartEncoding encoding)
    {
        if (encoding.Colour is null)
        {
            return null;
        }

        var f = data.Field(encoding.Colour);
        var names = SeriesNames(data, encoding);
        var channel = new JsonObject
        {
            ["field"] = f.Name,
            ["type"] = "nominal",
            ["title"] = f.Label,
            ["sort"] = names,
            ["legend"] = new JsonObject { ["labelLimit"] = LegendLabelLimit(names.Select(n => n!.GetValue<string>())) },
        };
        if (encoding.Series is { } series && series.All(s => s.Colour is not null))
        {
            channel["scale"] = new JsonObject
            {
                ["domain"] = new JsonArray(series.Select(s => (JsonNode?)JsonValue.Create(s.Name)).ToArray()),
                ["range"] = new JsonArray(series.Select(s => (JsonNode?)JsonValue.Create(s.Colour)).ToArray()),
            };
        }

        return channel;
    }

    /// <summary>
    /// Room for the widest series name at the legend's font size: Vega-Lite cuts labels at 160 px
    /// ("upgraded within the same …"). Widths are estimated generously (CJK a full em, capitals and
    /// m/w three quarters, other letters 0.6 em), since the browser's font is not known here.
    /// </summary>
    public static int LegendLabelLimit(IEnumerable<string> labels) =>
        Math.Max(DefaultLegendLabelLimit, (int)Math.Ceiling(labels.Select(EstimatedWidth).DefaultIfEmpty(0).Max()) + 8);

    private const int DefaultLegendLabelLimit = 160;

    private const double LegendFontSize = 11;

    private static double EstimatedWidth(string label) =>
        label.Sum(c => c >= '\u2E80' ? 1.0 : char.IsUpper(c) || c is 'm' or 'w' or 'M' or 'W' ? 0.75 : 0.6) * LegendFontSize;

    // Stacks and legends follow the series order given, so the largest provider sits at the bottom of every bar.
    private static JsonObject? SeriesOrder(ChartEncoding encoding) =>
        encoding.Colour is null ? null : new JsonObject { ["field"] = OrderField, ["type"] = "quantitative" };

    private static JsonArray OrderTransform(ChartTable data, ChartEncoding encoding)
    {
        if (encoding.Colour is null)
        {
            return [];
        }

        // JSON string literals are valid expression literals, so series names need no other escaping.
        var names = SeriesNames(data, encoding).ToJsonString();
        return new JsonArray(new JsonObject { ["calculate"] = $"indexof({names}, datum[{JsonValue.Create(encoding.Colour)!.ToJsonString()}])", ["as"] = OrderField });
    }

    private const string OrderField = "series_order";

    private static JsonArray SeriesNames(ChartTable data, ChartEncoding encoding)
    {
        var names = encoding.Series?.Select(s => s.Name)
            ?? data.Rows.Select(r => r[data.Fields.ToList().FindIndex(f => f.Name == encoding.Colour)]?.ToString()).OfType<string>().Distinct(StringComparer.Ordinal);
        return new JsonArray(names.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
    }

    private static JsonArray Tooltip(ChartTable data) =>
        new(data.Fields.Select(f => (JsonNode?)new JsonObject
        {
            ["field"] = f.Name,
            ["type"] = Code(f.Type),
            ["title"] = f.Unit is null ? f.Label : $"{f.Label} ({f.Unit})",
        }).ToArray());

    private static string Code(FieldType type) => type.ToString().ToLowerInvariant();
}
