using System.Text;

namespace Almanac.Usage.Readers;

/// <summary>The reader of each format, and the format of a file told from its first bytes when none is given.</summary>
public static class UsageReaders
{
    public static IUsageReader For(UsageFormat format, ColumnMap map) => format switch
    {
        UsageFormat.Otel => new OtelReader(),
        UsageFormat.LiteLlm => new LiteLlmReader(),
        UsageFormat.OpenAi => new OpenAiUsageReader(),
        _ => new MappedReader(map),
    };

    /// <summary>How many leading characters are enough to tell the formats apart.</summary>
    private const int Sniffed = 8192;

    /// <summary>
    /// OTLP documents start with <c>resourceSpans</c>; OpenAI pages hold <c>organization.usage</c> or
    /// <c>organization.costs</c> results; a CSV whose header has <c>request_id</c>, <c>startTime</c> and
    /// <c>spend</c> is LiteLLM's spend log; anything else is read as a mapped CSV or JSON Lines file.
    /// </summary>
    public static UsageFormat Detect(string file)
    {
        using var stream = UsageFiles.Open(file);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[Sniffed];
        var head = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
        if (head.Contains("\"resourceSpans\"", StringComparison.Ordinal))
        {
            return UsageFormat.Otel;
        }

        if (head.Contains("\"organization.usage.", StringComparison.Ordinal) || head.Contains("\"organization.costs.", StringComparison.Ordinal))
        {
            return UsageFormat.OpenAi;
        }

        var header = head.Split('\n', 2)[0];
        if (header.Contains("request_id", StringComparison.Ordinal) && header.Contains("startTime", StringComparison.Ordinal) && header.Contains("spend", StringComparison.Ordinal))
        {
            return UsageFormat.LiteLlm;
        }

        return UsageFormat.Csv;
    }
}
