using System.Text;

namespace Almanac.Hosting;

/// <summary>RFC 4180 CSV: every field quoted when it holds a comma, quote or line break.</summary>
public static class Csv
{
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
            var text = field ?? string.Empty;
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
}
