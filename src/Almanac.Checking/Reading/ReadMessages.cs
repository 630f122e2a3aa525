using System.Globalization;
using Almanac.Diagnostics;

namespace Almanac.Checking.Reading;

/// <summary>The messages a refused document gets, in one place.</summary>
internal static class ReadMessages
{
    public static Diagnostic TooLarge(string name, long length, long limit) =>
        Diagnostic.Invalid(name, DiagnosticLocation.None, string.Create(CultureInfo.InvariantCulture, $"too large: {length:N0} bytes (the limit is {limit:N0})"));

    public static Diagnostic Binary(string name, byte value, int offset) =>
        Diagnostic.Invalid(name, DiagnosticLocation.None, string.Create(CultureInfo.InvariantCulture, $"not a text file: byte 0x{value:X2} at offset {offset}"));

    public static Diagnostic Undecodable(string name, int offset) =>
        Diagnostic.Invalid(name, DiagnosticLocation.None, string.Create(CultureInfo.InvariantCulture, $"cannot decode as UTF-8 or GB18030 (first bad byte at offset {offset})"));

    public static Diagnostic BadUtf16(string name, string encoding) =>
        Diagnostic.Invalid(name, DiagnosticLocation.None, $"the byte-order mark says {encoding}, but the bytes do not decode");
}
