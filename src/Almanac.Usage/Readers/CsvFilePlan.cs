using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Almanac.Usage.Readers;

/// <summary>
/// A mapped CSV file an engine may read with its own CSV scanner instead of <see cref="MappedReader"/>:
/// its header, and for each event field the header's columns looked under, in the order the reader
/// looks (the first with a value wins). Only a file whose events all carry their id qualifies, since
/// the reader's content hash is of the line as written, which a column scanner does not see.
/// </summary>
/// <param name="File">The file, full path.</param>
/// <param name="Header">The header's column names as written, in file order.</param>
/// <param name="Columns">Each field of <see cref="ColumnMap.Fields"/> with the header columns it is read from (empty when none is present).</param>
public sealed record CsvFilePlan(string File, IReadOnlyList<string> Header, IReadOnlyDictionary<string, IReadOnlyList<string>> Columns)
{
    /// <summary>
    /// The plan of a file, or null when it must go through the reader: Parquet, JSON Lines, no header, a header
    /// naming a column twice (ignoring case, as the reader matches), or no id, time or model column.
    /// </summary>
    public static CsvFilePlan? For(string file, ColumnMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (ParquetRows.IsParquet(file))
        {
            return null;
        }

        string[] header;
        using (var stream = UsageFiles.Open(file))
        using (var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true))
        {
            while (reader.Peek() is ' ' or '\t' or '\r' or '\n')
            {
                reader.Read();
            }

            if (reader.Peek() is '{' or -1)
            {
                return null;
            }

            using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, TrimOptions = TrimOptions.None });
            if (!parser.Read() || parser.Record is not { Length: > 0 } record)
            {
                return null;
            }

            header = record;
        }

        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in header)
        {
            if (!byName.TryAdd(column.Trim(), column))
            {
                return null;
            }
        }

        var columns = ColumnMap.Fields.Keys.ToDictionary(
            field => field,
            field => (IReadOnlyList<string>)map.ColumnsOf(field).Select(c => byName.GetValueOrDefault(c)).OfType<string>().ToList(),
            StringComparer.Ordinal);
        return columns["id"].Count == 0 || columns["time"].Count == 0 || columns["model"].Count == 0
            ? null
            : new CsvFilePlan(Path.GetFullPath(file), header, columns);
    }
}
