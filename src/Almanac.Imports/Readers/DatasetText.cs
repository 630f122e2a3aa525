using Almanac.Diagnostics;
using Almanac.Text;

namespace Almanac.Imports.Readers;

/// <summary>
/// A text dataset file decoded strictly: a byte that is not UTF-8 is an <see cref="DiagnosticException"/>
/// naming its line and column, never a U+FFFD inside a developer's or a model's name.
/// </summary>
internal static class DatasetText
{
    public static TextReader Utf8(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        if (!StrictUtf8.TryDecode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var text, out var invalidAt))
        {
            throw new DiagnosticException(DiagnosticMessages.NotUtf8.At(fileName, DiagnosticLocation.At(invalidAt.Line, invalidAt.Column)));
        }

        return new StringReader(text);
    }
}
