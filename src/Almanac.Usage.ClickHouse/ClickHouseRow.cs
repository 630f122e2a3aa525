using System.Globalization;

namespace Almanac.Usage.ClickHouse;

/// <summary>One row read from ClickHouse (TabSeparatedWithNames): values by column name, typed on demand.</summary>
public sealed class ClickHouseRow
{
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly string?[] _values;

    internal ClickHouseRow(IReadOnlyList<string> columns, IReadOnlyDictionary<string, int> index, string?[] values)
    {
        Columns = columns;
        _index = index;
        _values = values;
    }

    /// <summary>The result's column names, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The value of a column as the server wrote it (unescaped); null for NULL.</summary>
    public string? this[string column] => _values[Position(column)];

    /// <summary>The value of the column at <paramref name="position"/>; null for NULL.</summary>
    public string? this[int position] => _values[position];

    public string GetString(string column) => this[column] ?? throw NullIn(column);

    public long GetInt64(string column) => long.Parse(GetString(column), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public double GetDouble(string column) => ParseDouble(GetString(column));

    public double? GetNullableDouble(string column) => this[column] is { } text ? ParseDouble(text) : null;

    public DateOnly GetDate(string column) => DateOnly.ParseExact(GetString(column), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ClickHouse writes non-finite floats as nan, inf and -inf.
    private static double ParseDouble(string text) => text switch
    {
        "nan" or "-nan" => double.NaN,
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private int Position(string column) => _index.TryGetValue(column, out var position)
        ? position
        : throw new KeyNotFoundException($"the result has no column {column} (it has {string.Join(", ", Columns)})");

    private static InvalidOperationException NullIn(string column) => new($"column {column} is NULL");
}
