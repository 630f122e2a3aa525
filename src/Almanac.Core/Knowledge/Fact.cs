using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Almanac.Periods;

namespace Almanac.Knowledge;

/// <summary>How a figure came to be.</summary>
public enum Obtained
{
    Reported,
    Announced,
    Estimated,
    Forecast,
    Survey,
}

/// <summary>
/// One sourced figure: entity + metric + scope + period + value, with the source that states it.
/// Facts are never edited: another value, or another source's value, is another fact.
/// </summary>
/// <param name="Origin">Where the fact was read from (<c>data/facts/x.yaml:42</c>), for messages.</param>
public sealed record Fact(
    string EntityId,
    string MetricId,
    Scope Scope,
    Period Period,
    FactValue Value,
    Obtained Obtained,
    string SourceId,
    string? Quote,
    int? Sample = null,
    string? Note = null,
    string? Origin = null)
{
    /// <summary>
    /// A content hash of everything the fact states (not where it was read from), so the same fact
    /// loaded twice is recognised and a changed fact is a new one.
    /// </summary>
    public string Id => ComputeId();

    private string ComputeId()
    {
        var content = string.Join(
            '\u001f',
            EntityId,
            MetricId,
            Scope.Canonical,
            Period.ToString(),
            Value.ToString(),
            Obtained.ToString(),
            SourceId,
            Quote ?? string.Empty,
            Sample?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            Note ?? string.Empty);
        // Every import hashes each of its facts: the text is encoded into a pooled buffer and only the bytes the id keeps are written out.
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(content.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(content, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash[..IdBytes]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The bytes of the hash an id keeps: 20 hexadecimal digits.</summary>
    private const int IdBytes = 10;
}
