using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Almanac.Charts;

/// <summary>How a chart reads a field: the Vega-Lite measurement types.</summary>
public enum FieldType
{
    Nominal,
    Ordinal,
    Quantitative,
    Temporal,
}

/// <summary>One column of a chart's data: a machine name for specs and CSV, a label for people.</summary>
/// <param name="Unit">The unit of a quantitative field as people read it (<c>%</c>, <c>US$ billion</c>, <c>亿元</c>).</param>
public sealed record ChartField(string Name, string Label, FieldType Type, string? Unit = null);

/// <summary>
/// The data behind one chart: the same rows feed the Vega-Lite spec and the CSV download, so what
/// a reader downloads is exactly what the chart drew.
/// </summary>
public sealed class ChartTable
{
    private readonly List<object?[]> _rows = [];

    public ChartTable(params ChartField[] fields)
    {
        if (fields.Length == 0 || fields.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != fields.Length)
        {
            throw new ArgumentException("a chart table needs fields with distinct names", nameof(fields));
        }

        Fields = fields;
    }

    public IReadOnlyList<ChartField> Fields { get; }

    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    public int Count => _rows.Count;

    /// <summary>Adds a row; values are strings, numbers, dates or null, in the order of <see cref="Fields"/>.</summary>
    public ChartTable Add(params object?[] values)
    {
        if (values.Length != Fields.Count)
        {
            throw new ArgumentException($"a row of this table has {Fields.Count} values, not {values.Length}", nameof(values));
        }

        foreach (var value in values)
        {
            if (value is not (null or string or decimal or int or long or double or DateOnly))
            {
                throw new ArgumentException($"a chart value is a string, number or date, not {value.GetType().Name}", nameof(values));
            }
        }

        _rows.Add(values);
        return this;
    }

    public ChartField Field(string name) =>
        Fields.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"no field '{name}' in this chart's data", nameof(name));

    /// <summary>The rows as Vega-Lite inline values: one object per row, dates as ISO dates.</summary>
    public JsonArray ToValues()
    {
        var values = new JsonArray();
        foreach (var row in _rows)
        {
            var item = new JsonObject();
            for (var i = 0; i < Fields.Count; i++)
            {
                item[Fields[i].Name] = row[i] switch
                {
                    null => null,
                    string s => JsonValue.Create(s),
                    decimal d => JsonValue.Create(d),
                    int n => JsonValue.Create(n),
                    long n => JsonValue.Create(n),
                    double d => JsonValue.Create(d),
                    DateOnly date => JsonValue.Create(Iso(date)),
                    _ => throw new InvalidOperationException("unreachable: Add checks value types"),
                };
            }

            values.Add(item);
        }

        return values;
    }

    /// <summary>The rows as RFC 4180 CSV with a header of field names (units in brackets).</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        Line(csv, Fields.Select(f => f.Unit is null ? f.Name : $"{f.Name} [{f.Unit}]"));
        foreach (var row in _rows)
        {
            Line(csv, row.Select(Text));
        }

        return csv.ToString();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateOnly date => Iso(date),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void Line(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
