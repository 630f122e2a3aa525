using Almanac.Catalogue;
using Almanac.Diagnostics;
using System.Globalization;

namespace Almanac.Imports.Readers;

/// <summary>
/// A CSV file read whole through <see cref="CsvRows"/>: its header and its rows, each cell found by
/// the column's name. Readers of tables whose columns they address by name (Epoch AI's companies and
/// benchmarking files) share it; every error names the file, the line and the column.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly List<DroppedValue> _dropped = [];

    private CsvTable(string fileName, string[] header, List<CsvRow> rows)
    {
        FileName = fileName;
        Header = header;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            _columns.TryAdd(header[i], i);
        }

        Rows = rows;
    }

    public string FileName { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>The cells read so far that were left out as impossible (a date naming no calendar day), each with its line and column; the column stands for the metric.</summary>
    public IReadOnlyList<DroppedValue> Dropped => _dropped;

    internal void Drop(DroppedValue value) => _dropped.Add(value);

    /// <summary>Reads the file; a file without a header, a row of another width or broken quoting is an <see cref="DiagnosticException"/>.</summary>
    public static CsvTable Read(DatasetFile file, params string[] requiredColumns)
    {
        using var stream = file.Open();
        using var text = DatasetText.Utf8(stream, file.Name);
        using var rows = new CsvRows(text, file.Name);
        if (!rows.Next(out var headerFields, out _))
        {
            throw new DiagnosticException(Diagnostic.Invalid(file.Name, DiagnosticLocation.AtLine(1), "the file is empty; expected a header row"));
        }

        var header = headerFields.Select(DatasetValues.CollapseWhitespace).ToArray();
        var read = new List<CsvRow>();
        var table = new CsvTable(file.Name, header, read);
        var missing = requiredColumns.Where(c => !table.Has(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DiagnosticException(Diagnostic.Invalid(file.Name, DiagnosticLocation.AtLine(1),
                $"missing required column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(m => $"'{m}'"))}; found: {string.Join(", ", header)}"));
        }

        while (rows.Next(out var fields, out var line))
        {
            if (fields.Length != header.Length)
            {
                throw new DiagnosticException(Diagnostic.Invalid(file.Name, DiagnosticLocation.AtLine(line),
                    $"expected {header.Length} fields as in the header, found {fields.Length}"));
            }

            read.Add(new CsvRow(table, fields, line));
        }

        return table;
    }

    public bool Has(string column) => _columns.ContainsKey(column);

    internal int IndexOf(string column) => _columns.TryGetValue(column, out var index) ? index : -1;
}

/// <summary>One data row of a <see cref="CsvTable"/>; a cell of an absent column reads as empty.</summary>
internal sealed class CsvRow(CsvTable table, string[] fields, int line)
{
    public int Line { get; } = line;

    public string FileName => table.FileName;

    /// <summary>The cell, white space collapsed (notes span lines); empty for an absent column.</summary>
    public string Text(string column) => table.IndexOf(column) is var i and >= 0 ? DatasetValues.CollapseWhitespace(fields[i]) : string.Empty;

    /// <summary>True when every cell but those of <paramref name="except"/> is empty (Epoch's placeholder rows name only the company).</summary>
    public bool IsBlankBut(params string[] except)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Trim().Length > 0 && !except.Contains(table.Header[i], StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A non-negative number (<c>1.5e+25</c>, <c>100000000000.0</c>) read exactly; null for an empty cell.</summary>
    public decimal? Number(string column)
    {
        var cell = Text(column);
        if (cell.Length == 0)
        {
            return null;
        }

        if (!decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(column, $"expected a number, found '{cell}'");
        }

        return value < 0 ? throw Error(column, $"expected a number not below zero, found '{cell}'") : DatasetValues.Normalize(value);
    }

    /// <summary>A day (<c>2025-09-02</c>, or the day of a timestamp <c>2025-10-30T10:00:02.998Z</c>); null for an empty cell or no calendar day.</summary>
    public DateOnly? Date(string column)
    {
        var cell = Text(column);
        if (cell.Length == 0)
        {
            return null;
        }

        var day = cell.Length > 10 && cell[10] == 'T' ? cell[..10] : cell;
        if (!DatasetValues.TryParseDate(day, out var date))
        {
            throw Error(column, $"expected a date YYYY-MM-DD, found '{cell}'");
        }

        if (date is null)
        {
            // A date of the right shape naming no calendar day (2025-13-45): a slip in the dataset, left out and counted.
            table.Drop(new DroppedValue($"{table.FileName}, {Location(column)}", column, cell, "names no calendar day"));
        }

        return date;
    }

    public DiagnosticException Error(string column, string message) => new(Diagnostic.Invalid(table.FileName, At(column), table.IndexOf(column) >= 0 ? $"'{table.Header[table.IndexOf(column)]}': {message}" : message));

    private DiagnosticLocation At(string column) =>
        table.IndexOf(column) is var index and >= 0 ? DiagnosticLocation.At(Line, index + 1) : DiagnosticLocation.AtLine(Line);

    private string Location(string column)
    {
        var index = table.IndexOf(column);
        return index >= 0 ? $"line {Line}, column {index + 1} ('{table.Header[index]}')" : $"line {Line}";
    }
}
