using System.Globalization;

namespace Almanac.Usage.Readers;

/// <summary>Times as logs write them, to UTC milliseconds since the Unix epoch.</summary>
public static class UsageTime
{
    // Epoch numbers are told apart by size: seconds until the year 5138, then milliseconds, microseconds, nanoseconds.
    private const double MaxSeconds = 1e11;
    private const double MaxMilliseconds = 1e14;
    private const double MaxMicroseconds = 1e17;

    /// <summary>
    /// ISO 8601 (with or without offset; none is UTC, as LiteLLM and most exporters write UTC without
    /// saying so) or a Unix epoch number in seconds, milliseconds, microseconds or nanoseconds. Null when neither.
    /// </summary>
    public static double? ParseMs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return FromEpochNumber(number);
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerMillisecond;
        }

        return null;
    }

    public static double? FromEpochNumber(double number)
    {
        if (!double.IsFinite(number) || number < 0)
        {
            return null;
        }

        return number < MaxSeconds ? number * 1000
            : number < MaxMilliseconds ? number
            : number < MaxMicroseconds ? number / 1000
            : number / 1e6;
    }

    /// <summary>OTLP's <c>…UnixNano</c> fields: nanoseconds as a decimal string (proto3 JSON) or a number.</summary>
    public static long? NanosOf(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var nanos) ? nanos : null;
}
