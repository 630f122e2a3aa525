using System.Text;

namespace Almanac.Usage.ClickHouse;

/// <summary>
/// ClickHouse's TabSeparated format: fields split by tabs, rows by newlines, the tab, newline,
/// backslash and a few control characters escaped with a backslash, <c>\N</c> for NULL.
/// </summary>
internal static class ClickHouseTsv
{
    public const string Null = @"\N";

    /// <summary>Appends one field, escaped.</summary>
    public static void AppendEscaped(StringBuilder row, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': row.Append(@"\\"); break;
                case '\t': row.Append(@"\t"); break;
                case '\n': row.Append(@"\n"); break;
                case '\r': row.Append(@"\r"); break;
                case '\0': row.Append(@"\0"); break;
                case '\b': row.Append(@"\b"); break;
                case '\f': row.Append(@"\f"); break;
                default: row.Append(c); break;
            }
        }
    }

    /// <summary>The fields of one row as the server wrote it; <c>\N</c> becomes null.</summary>
    public static string?[] Split(string line)
    {
        var fields = new List<string?>();
        var field = new StringBuilder();
        var escaped = false;
        var wholeFieldIsNull = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (escaped)
            {
                escaped = false;
                if (c == 'N' && field.Length == 0 && (i + 1 == line.Length || line[i + 1] == '\t'))
                {
                    wholeFieldIsNull = true;
                    continue;
                }
                field.Append(c switch
                {
                    't' => '\t',
                    'n' => '\n',
                    'r' => '\r',
                    '0' => '\0',
                    'b' => '\b',
                    'f' => '\f',
                    'a' => '\a',
                    'v' => '\v',
                    _ => c, // \\ \' and any other escaped character stand for themselves
                });
            }
            else if (c == '\\')
            {
                escaped = true;
            }
            else if (c == '\t')
            {
                fields.Add(wholeFieldIsNull ? null : field.ToString());
                field.Clear();
                wholeFieldIsNull = false;
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(wholeFieldIsNull ? null : field.ToString());
        return [.. fields];
    }
}
