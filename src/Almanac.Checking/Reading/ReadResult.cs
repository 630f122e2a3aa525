using Almanac.Diagnostics;

namespace Almanac.Checking.Reading;

/// <summary>A document's text, or why it could not be read. Offsets reported later refer to <see cref="Text"/> (no BOM).</summary>
/// <param name="Name">The document's name, as messages show it.</param>
/// <param name="Text">The decoded text; null when the document was refused.</param>
/// <param name="Encoding">The encoding it was read in: <c>utf-8</c>, <c>utf-16le</c>, <c>utf-16be</c> or <c>gb18030</c>.</param>
/// <param name="Error">Why it was refused, e.g. <c>notes/x.md: not a text file: byte 0x00 at offset 17</c>.</param>
public sealed record ReadResult(string Name, string? Text, string? Encoding, Diagnostic? Error)
{
    public bool Succeeded => Text is not null;
}
