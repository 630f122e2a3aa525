namespace Almanac.Usage.Readers;

/// <summary>The log formats read.</summary>
public enum UsageFormat
{
    /// <summary>OpenTelemetry GenAI spans as OTLP/JSON <c>ExportTraceServiceRequest</c> documents.</summary>
    Otel,

    /// <summary>LiteLLM's <c>LiteLLM_SpendLogs</c> table exported as CSV.</summary>
    LiteLlm,

    /// <summary>OpenAI organisation usage (completions) and cost pages.</summary>
    OpenAi,

    /// <summary>Any CSV, JSON Lines or Parquet file, its columns named by a column map.</summary>
    Csv,
}

public static class UsageFormats
{
    public static string Code(this UsageFormat format) => format switch
    {
        UsageFormat.Otel => "otel",
        UsageFormat.LiteLlm => "litellm",
        UsageFormat.OpenAi => "openai",
        _ => "csv",
    };

    public static UsageFormat? Parse(string code) => code.Trim().ToLowerInvariant() switch
    {
        "otel" or "otlp" => UsageFormat.Otel,
        "litellm" => UsageFormat.LiteLlm,
        "openai" => UsageFormat.OpenAi,
        "csv" or "jsonl" or "parquet" => UsageFormat.Csv,
        _ => null,
    };
}
