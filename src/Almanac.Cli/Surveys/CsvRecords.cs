using System.Text;

namespace Almanac.Cli.Surveys;

/// <summary>One record of a CSV file and the line it starts on (1-based).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>Splits RFC 4180 CSV into records, keeping the line each starts on so that errors can point at it.</summary>
internal static class CsvRecords
{
    /// <summary>
    /// The records of <paramref name="text"/>, blank lines skipped, unquoted fields trimmed; or, for a quote
    /// left open, the line where it opened.
    /// </summary>
    public static (List<CsvRecord> Records, int? UnclosedQuoteLine) Split(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var wasQuoted = false;
        var quoteLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.ToString().Trim().Length == 0:
                    field.Clear();
                    quoted = true;
                    wasQuoted = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(Take(field, wasQuoted));
                    wasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(Take(field, wasQuoted));
                    wasQuoted = false;
                    Add(records, fields, recordLine);
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            return (records, quoteLine);
        }

        fields.Add(Take(field, wasQuoted));
        Add(records, fields, recordLine);
        return (records, null);
    }

    private static string Take(StringBuilder field, bool quoted)
    {
        var text = quoted ? field.ToString() : field.ToString().Trim();
        field.Clear();
        return text;
    }

    private static void Add(List<CsvRecord> records, List<string> fields, int line)
    {
        if (fields.Any(f => f.Length > 0))
        {
            records.Add(new CsvRecord(line, fields.ToArray()));
        }

        fields.Clear();
    }
}
