using System.Globalization;
using Almanac.Diagnostics;

namespace Almanac.Imports.Readers;

public static partial class EpochReader
{
    /// <summary>One data row, read through the header's column positions; errors name the line and column.</summary>
    private readonly struct Row(string[] fields, Header header, string fileName, int line)
    {
        public bool Has(ColumnId column) => header.Has(column);

        public string Text(ColumnId column) => header.Has(column) ? fields[header.IndexOf(column)] : string.Empty;

        public DiagnosticException Error(ColumnId column, string message) => new(Diagnostic.Invalid(fileName, DiagnosticLocation.At(line, header.IndexOf(column) + 1), $"'{header.NameOf(column)}': {message}"));

        public string Location(ColumnId column) => $"line {line}, column '{header.NameOf(column)}'";

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
