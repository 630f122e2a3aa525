using System.Security.Cryptography;
using System.Text;

namespace Almanac.Usage.Readers;

/// <summary>Event ids for logs that give none: a hash of the line, so the same line ingested twice is one event.</summary>
public static class EventIds
{
    public static string OfContent(string source, string content)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(content), hash);
        return source + ":" + Convert.ToHexStringLower(hash[..16]);
    }
}
