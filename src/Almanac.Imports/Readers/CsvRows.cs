using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Almanac.Imports.Readers;

/// <summary>Records of an RFC 4180 file with the line each starts on (quoted cells may span lines).</summary>
internal sealed class CsvRows : IDisposable
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
