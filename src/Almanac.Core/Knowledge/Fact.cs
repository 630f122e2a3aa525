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
        // The id hashes the fields joined by U+001F, encoded as UTF-8. Every import hashes each of its facts: the
        // fields are encoded one after another straight into a pooled buffer, never joined into a string first,
        // which gives the same bytes (a separator is one byte and splits no character), and only the bytes the id
        // keeps are written out.
        ReadOnlySpan<string> fields =
        [
            EntityId,
            MetricId,
            Scope.Canonical,
            Period.ToString(),
            Value.ToString(),
            Obtained.ToString(),
            SourceId,
            Quote ?? string.Empty,
            Sample?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            Note ?? string.Empty,
        ];
        var characters = fields.Length - 1;
        foreach (var field in fields)
        {
            characters += field.Length;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(characters));
        try
        {
            var length = 0;
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    buffer[length++] = FieldSeparator;
                }

                length += Encoding.UTF8.GetBytes(fields[i], buffer.AsSpan(length));
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash[..IdBytes]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>U+001F (unit separator) between the fields an id hashes, one byte in UTF-8.</summary>
    private const byte FieldSeparator = 0x1f;

    /// <summary>The bytes of the hash an id keeps: 20 hexadecimal digits.</summary>
    private const int IdBytes = 10;
}
