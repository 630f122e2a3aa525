using System.Globalization;
using System.Text;

namespace Almanac.Usage.ClickHouse;

/// <summary>Writes the fields of one TabSeparated row, escaped per ClickHouse's rules, for <see cref="ClickHouseHttp.InsertAsync{T}"/>.</summary>
public sealed class ClickHouseTsvRow
{
    private readonly StringBuilder _text = new(512);
    private bool _first = true;

    internal StringBuilder Text => _text;

    /// <summary>Ends the row being written; the next field starts a new one in the same text.</summary>
    internal void EndRow()
    {
        _text.Append('\n');
        _first = true;
    }

    internal void Clear()
    {
        _text.Clear();
        _first = true;
    }

    public ClickHouseTsvRow Add(string value)
    {
        Separate();
        ClickHouseTsv.AppendEscaped(_text, value);
        return this;
    }

    public ClickHouseTsvRow Add(long value)
    {
        Separate();
        _text.Append(CultureInfo.InvariantCulture, $"{value}");
        return this;
    }

    public ClickHouseTsvRow Add(double? value)
    {
        Separate();
        if (value is not { } number)
            _text.Append(ClickHouseTsv.Null);
        else if (double.IsNaN(number))
            _text.Append("nan");
        else if (double.IsInfinity(number))
            _text.Append(number > 0 ? "inf" : "-inf");
        else
            _text.Append(CultureInfo.InvariantCulture, $"{number:R}");
        return this;
    }

    public ClickHouseTsvRow Add(DateOnly value)
    {
        Separate();
        _text.Append(CultureInfo.InvariantCulture, $"{value:yyyy-MM-dd}");
        return this;
    }

    private void Separate()
    {
        if (!_first)
            _text.Append('\t');
        _first = false;
    }
}
