using System.Globalization;

namespace Almanac.Checking.Reading;

/// <summary>The messages a refused document gets, in one place.</summary>
internal static class ReadMessages
{
    public static string TooLarge(string name, long length, long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: too large: {length:N0} bytes (the limit is {limit:N0})");

    public static string Binary(string name, byte value, int offset) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: not a text file: byte 0x{value:X2} at offset {offset}");

    public static string Undecodable(string name, int offset) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: cannot decode as UTF-8 or GB18030 (first bad byte at offset {offset})");

    public static string BadUtf16(string name, string encoding) => $"{name}: the byte-order mark says {encoding}, but the bytes do not decode";
}
