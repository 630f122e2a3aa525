using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Almanac.Usage.Readers;

/// <summary>The rows of a CSV file with a header, streamed, each with the line it starts on and its raw text.</summary>
internal static class CsvRows
{
    public static IEnumerable<(int Line, IReadOnlyDictionary<string, string> Cells, string Raw)> Read(Stream stream) =>
        Read(new StreamReader(stream, detectEncodingFromByteOrderMarks: true));

    public static IEnumerable<(int Line, IReadOnlyDictionary<string, string> Cells, string Raw)> Read(TextReader reader)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.None,
        };
        using var parser = new CsvParser(reader, config);
        if (!parser.Read())
        {
            yield break;
        }

        var header = parser.Record ?? [];
        var nextLine = parser.RawRow + 1;
        while (parser.Read())
        {
            var line = nextLine;
            nextLine = parser.RawRow + 1;
            var record = parser.Record ?? [];
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue;
            }

            var cells = new Dictionary<string, string>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length && i < record.Length; i++)
            {
                cells[header[i].Trim()] = record[i];
            }

            yield return (line, cells, parser.RawRecord);
        }
    }
}
