using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Almanac.Imports.Readers;

public static partial class EpochReader
{
    /// <summary>Records of an RFC 4180 file with the line each starts on (quoted cells may span lines).</summary>
    private sealed class CsvRows : IDisposable
    {
        private readonly string _fileName;
        private readonly CsvParser _parser;
        private int _linesRead;

        public CsvRows(TextReader text, string fileName)
        {
            _fileName = fileName;
            _parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                IgnoreBlankLines = true,
                TrimOptions = TrimOptions.None,
                BadDataFound = args => throw new ImportException(new ImportError(_fileName, $"line {_linesRead + 1}",
                    $"expected a quoted cell to close with a quote followed by a comma or the end of a line, found {Shorten(args.Field)}")),
            });
        }

        public void Dispose() => _parser.Dispose();

        public bool Next(out string[] fields, out int line)
        {
            try
            {
                if (!_parser.Read())
                {
                    fields = [];
                    line = _linesRead + 1;
                    return false;
                }

                fields = _parser.Record ?? [];
            }
            catch (CsvHelperException e)
            {
                throw new ImportException(new ImportError(_fileName, $"line {_linesRead + 1}",
                    $"expected RFC 4180 CSV (quoted cells, doubled quotes inside them): {FirstLine(e.Message)}"));
            }

            // The record starts on the line after the previous one ended, past any blank lines skipped.
            var newlinesInside = fields.Sum(f => f.Count(c => c == '\n'));
            line = Math.Max(_linesRead + 1, _parser.RawRow - newlinesInside);
            _linesRead = _parser.RawRow;
            return true;
        }

        private static string Shorten(string text)
        {
            var flat = DatasetValues.CollapseWhitespace(text);
            return flat.Length <= 60 ? $"'{flat}'" : $"'{flat[..57]}…'";
        }

        private static string FirstLine(string message)
        {
            var end = message.IndexOf('\n', StringComparison.Ordinal);
            return (end < 0 ? message : message[..end]).Trim();
        }
    }

    /// <summary>One data row, read through the header's column positions; errors name the line and column.</summary>
    private readonly struct Row(string[] fields, Header header, string fileName, int line)
    {
        public bool Has(ColumnId column) => header.Has(column);

        public string Text(ColumnId column) => header.Has(column) ? fields[header.IndexOf(column)] : string.Empty;

        public ImportException Error(ColumnId column, string message) =>
            new(new ImportError(fileName, $"line {line}, column '{header.NameOf(column)}'", message));

        /// <summary>
        /// A non-negative number (<c>6.71e+11</c>, <c>102000000000.0</c>), exactly; null for an empty cell,
        /// an absent column, or comma-joined figures that disagree.
        /// </summary>
        public decimal? Number(ColumnId column)
        {
            var cell = Text(column).Trim();
            if (cell.Length == 0)
            {
                return null;
            }

            var figures = new List<decimal>();
            foreach (var part in cell.Split(','))
            {
                var figure = part.Trim();
                if (!decimal.TryParse(figure, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw Error(column, double.TryParse(figure, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                        ? $"expected a number within ±7.9e28, found '{cell}'"
                        : $"expected a number, found '{cell}'");
                }

                if (value < 0)
                {
                    throw Error(column, $"expected a number not below zero, found '{cell}'");
                }

                figures.Add(value);
            }

            return figures.Distinct().Count() == 1 ? figures[0] : null;
        }
    }
}
