using System.Globalization;
using Almanac.Diagnostics;
using CsvHelper;
using CsvHelper.Configuration;

namespace Almanac.Imports.Readers;

/// <summary>
/// Records of an RFC 4180 file with the line each starts on (quoted cells may span lines). Every
/// CSV reader of Almanac reads through this one, so a broken file is reported the same way: an
/// unclosed quote names the line and column where the quoted cell opened.
/// </summary>
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
            BadDataFound = args => throw (UnclosedQuote(args.RawRecord) is { } open
                ? Unclosed(_linesRead + 1 + open.Line, open.Column)
                : new DiagnosticException(Diagnostic.Invalid(_fileName, DiagnosticLocation.AtLine(_linesRead + 1),
                    $"expected a quoted cell to close with a quote followed by a comma or the end of a line, found {Shorten(args.Field)}"))),
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
            throw new DiagnosticException(Diagnostic.Invalid(_fileName, DiagnosticLocation.AtLine(_linesRead + 1),
                $"expected RFC 4180 CSV (quoted cells, doubled quotes inside them): {FirstLine(e.Message)}"));
        }

        // The record starts on the line after the previous one ended, past any blank lines skipped.
        var newlinesInside = fields.Sum(f => f.Count(c => c == '\n'));
        line = Math.Max(_linesRead + 1, _parser.RawRow - newlinesInside);
        if (UnclosedQuote(_parser.RawRecord) is { } open)
        {
            // The parser takes everything to the end of the file into the open cell; say where it opened.
            throw Unclosed(line + open.Line, open.Column);
        }

        _linesRead = _parser.RawRow;
        return true;
    }

    private DiagnosticException Unclosed(int line, int column) =>
        new(Diagnostic.Invalid(_fileName, DiagnosticLocation.At(line, column),
            "a quoted cell opens here and is never closed (expected a closing quote before the end of the file)"));

    /// <summary>Where, relative to the record's first line (0-based line, 1-based column), a quoted cell opens without closing; null when all close.</summary>
    internal static (int Line, int Column)? UnclosedQuote(string raw)
    {
        var inQuotes = false;
        var cellStart = true;
        var line = 0;
        var column = 0;
        (int Line, int Column) opened = default;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            column++;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < raw.Length && raw[i + 1] == '"')
                    {
                        i++;
                        column++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
            }
            else if (c == '"' && cellStart)
            {
                inQuotes = true;
                opened = (line, column);
            }

            cellStart = !inQuotes && (c == ',' || c == '\n');
            if (c == '\n')
            {
                line++;
                column = 0;
            }
        }

        return inQuotes ? opened : null;
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
