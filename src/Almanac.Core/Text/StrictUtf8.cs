using System.Buffers;
using System.Text.Unicode;

namespace Almanac.Text;

/// <summary>
/// Decodes UTF-8 without replacing what is not UTF-8: a byte that cannot be decoded is reported
/// where it sits (line and column) instead of becoming U+FFFD in a name or a quote, where it would
/// be stored, shown and matched as if someone had written it.
/// </summary>
public static class StrictUtf8
{
    /// <summary>
    /// Decodes <paramref name="bytes"/> (a leading byte-order mark is dropped); on failure gives the
    /// position of the first invalid byte: its line, and its column counted in the characters
    /// decoded before it on that line, plus one.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out TextPosition invalidAt)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var buffer = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, buffer, out _, out var written, replaceInvalidSequences: false, isFinalBlock: true);
        if (status == OperationStatus.Done)
        {
            text = new string(buffer, 0, written);
            invalidAt = default;
            return true;
        }

        // The text before the bad byte decoded cleanly: its last line gives the column.
        var before = new string(buffer, 0, written);
        invalidAt = TextPosition.Of(before, before.Length);
        text = string.Empty;
        return false;
    }

    /// <summary>
    /// Where the first byte that is not UTF-8 sits, or null when all of them are: a fast check for
    /// readers that decode as they go (JSON) and would otherwise fail deep inside a value.
    /// </summary>
    public static TextPosition? FirstInvalid(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? null : TryDecode(bytes, out _, out var at) ? null : at;

    /// <summary>The message for an invalid byte, as every reader words it.</summary>
    public static string InvalidMessage => Diagnostics.DiagnosticMessages.NotUtf8.Template;
}
