using System.Text;
using Almanac.Diagnostics;

namespace Almanac.Checking.Reading;

/// <summary>
/// Turns a document's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030.
/// Binary and undecodable input is refused with a message naming the first bad byte; nothing throws.
/// </summary>
/// <remarks>
/// UTF-8 is tried first and strictly, because GB18030 accepts almost any byte sequence; GB18030 is tried
/// only when UTF-8 fails, again strictly, and the result must look like text (no control characters).
/// </remarks>
public static class DocumentReader
{
    /// <summary>Documents above this size are refused: a research note is kilobytes, not tens of megabytes.</summary>
    public const long MaxBytes = 25L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="name"/> is used in messages.</summary>
    public static ReadResult Read(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        name ??= "(document)";
        if (bytes.LongLength > MaxBytes)
        {
            return Refuse(name, ReadMessages.TooLarge(name, bytes.LongLength, MaxBytes));
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            return Utf16(bytes, name, StrictUtf16Le, "utf-16le");
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return Utf16(bytes, name, StrictUtf16Be, "utf-16be");
        }

        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        var nul = Array.IndexOf(bytes, (byte)0, start);
        if (nul >= 0)
        {
            return Refuse(name, ReadMessages.Binary(name, 0, nul));
        }

        var utf8Bad = FirstInvalidUtf8(bytes, start);
        if (utf8Bad < 0)
        {
            var text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            var control = FirstControl(text);
            return control < 0 ? new ReadResult(name, text, "utf-8", null) : Refuse(name, ReadMessages.Binary(name, bytes[ByteOffsetOfChar(bytes, start, text, control)], ByteOffsetOfChar(bytes, start, text, control)));
        }

        if (start == 0 && Gb18030() is { } gb)
        {
            try
            {
                var text = gb.GetString(bytes);
                var control = FirstControl(text);
                if (control < 0)
                {
                    return new ReadResult(name, text, "gb18030", null);
                }
            }
            catch (DecoderFallbackException)
            {
                // Not GB18030 either: report where UTF-8 failed, the more likely encoding.
            }
        }

        return Refuse(name, ReadMessages.Undecodable(name, utf8Bad));
    }

    private static ReadResult Utf16(byte[] bytes, string name, UnicodeEncoding encoding, string label)
    {
        try
        {
            var text = encoding.GetString(bytes, 2, bytes.Length - 2);
            var control = FirstControl(text);
            return control < 0 ? new ReadResult(name, text, label, null) : Refuse(name, ReadMessages.Binary(name, (byte)text[control], 2 + (2 * control)));
        }
        catch (DecoderFallbackException)
        {
            return Refuse(name, ReadMessages.BadUtf16(name, label));
        }
    }

    private static ReadResult Refuse(string name, Diagnostic why) => new(name, null, null, why);

    private static Encoding? Gb18030()
    {
        try
        {
            return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (NotSupportedException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
    }

    /// <summary>The offset of the first byte that is not valid UTF-8, or -1.</summary>
    private static int FirstInvalidUtf8(byte[] bytes, int start)
    {
        var span = bytes.AsSpan(start);
        var offset = 0;
        var buffer = new char[4096];
        while (true)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(span[offset..], buffer, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            offset += read;
            if (status == System.Buffers.OperationStatus.Done)
            {
                return -1;
            }

            if (status != System.Buffers.OperationStatus.DestinationTooSmall)
            {
                return start + offset;
            }
        }
    }

    /// <summary>The index of the first control character other than tab, line feed, carriage return and form feed, or -1.</summary>
    private static int FirstControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f') || c == '\u007F')
            {
                return i;
            }
        }

        return -1;
    }

    private static int ByteOffsetOfChar(byte[] bytes, int start, string text, int index) =>
        start + Encoding.UTF8.GetByteCount(text.AsSpan(0, index));
}
