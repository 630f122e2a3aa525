using System.Globalization;

namespace Almanac.Checking.Extraction;

/// <summary>The notes extraction leaves, in one place.</summary>
internal static class ExtractionMessages
{
    public static string LineSkipped(int line, int length, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{line}:1: line skipped: {length:N0} characters (the limit is {limit:N0})");

    public static string ReadAsPlainText(int line) =>
        string.Create(CultureInfo.InvariantCulture, $"{line}:1: Markdown nested too deeply; read as plain text from here");
}
