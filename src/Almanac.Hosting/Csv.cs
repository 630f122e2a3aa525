using System.Buffers;
using System.Globalization;
using Almanac.Periods;
using System.Text;

namespace Almanac.Hosting;

/// <summary>
/// RFC 4180 CSV: every field quoted when it holds a comma, quote or line break. A text field that
/// a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) is
/// prefixed with an apostrophe, as OWASP advises for CSV injection: titles, names and quotes come
/// from public datasets and pages, and opening an export must never run what they hold. A number
/// ("-0.5", "+12") and a period in the store's own notation ("@2025-09-02", an instant) are
/// written as they are: they hold nothing a spreadsheet could fetch or run, and readers of the
/// export parse them as documented.
/// </summary>
public static class Csv
{
    private static readonly SearchValues<char> FormulaLeads = SearchValues.Create("=+-@\t\r");

    public static void WriteRow(TextWriter writer, IEnumerable<string?> fields)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(',');
            }

            first = false;
            var text = Neutralised(field ?? string.Empty);
            if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(text);
            }
        }

        writer.Write(line.Append("\r\n"));
    }

    /// <summary>The field as a spreadsheet will show it without evaluating it.</summary>
    public static string Neutralised(string text) =>
        text.Length > 0 && FormulaLeads.Contains(text[0]) && !IsNumber(text) && !Period.TryParseCanonical(text, out _) ? "'" + text : text;

    private static bool IsNumber(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
