using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Almanac.Quantities;

namespace Almanac.Checking.Reports;

/// <summary>
/// The JSON contract other tools depend on. Field names are stable:
/// <c>{"document", "claims": [{"line", "column", "length", "text", "entity", "metric", "scope",
/// "period", "value", "unit", "qualifier", "verdict", "reason", "rule", "evidence": [{"kind", "text",
/// "source", "url"}]}], "summary": {"supported": 0, …}, "skipped": ["12:1: line skipped: …"]}</c>. Line and column are 1-based; length
/// counts characters of the original text.
/// </summary>
public static class JsonReport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(CheckReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            Write(json, report);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter json, CheckReport report)
    {
        json.WriteStartObject();
        json.WriteString("document", report.Document);
        json.WriteStartArray("claims");
        foreach (var judgement in report.Judgements)
        {
            WriteClaim(json, judgement);
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        foreach (var (verdict, count) in report.Summary)
        {
            json.WriteNumber(verdict.ToCode(), count);
        }

        json.WriteEndObject();
        json.WriteStartArray("skipped");
        foreach (var note in report.Skipped)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteClaim(Utf8JsonWriter json, Judgement judgement)
    {
        var claim = judgement.Claim;
        json.WriteStartObject();
        json.WriteNumber("line", claim.Span.Line);
        json.WriteNumber("column", claim.Span.Column);
        json.WriteNumber("length", claim.Span.Length);
        json.WriteString("text", claim.Text);
        json.WriteString("entity", claim.EntityId);
        json.WriteString("metric", claim.MetricId);
        json.WriteStartObject("scope");
        foreach (var (key, value) in claim.Scope.Values)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteString("period", claim.Period?.ToString());
        if (claim.Quantity is { } q)
        {
            json.WriteNumber("value", q.Value);
            if (q.High is { } high)
            {
                json.WriteNumber("high", high);
            }

            json.WriteString("unit", q.Unit.Code);
            json.WriteString("qualifier", q.Qualifier.ToCode());
        }
        else if (claim.Date is { } date)
        {
            json.WriteString("value", date.ToString());
            json.WriteString("unit", "date");
            json.WriteString("qualifier", Qualifier.Exact.ToCode());
        }
        else
        {
            json.WriteNull("value");
            json.WriteNull("unit");
            json.WriteNull("qualifier");
        }

        if (claim.Role != QuantityRole.Standalone)
        {
            json.WriteString("role", claim.Role.ToString().ToLowerInvariant());
        }

        json.WriteString("context", claim.Context);
        json.WriteString("verdict", judgement.Verdict.ToCode());
        json.WriteString("reason", judgement.Reason);
        json.WriteString("rule", judgement.Rule);
        json.WriteStartArray("evidence");
        foreach (var evidence in judgement.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("kind", evidence.Kind);
            json.WriteString("text", evidence.Text);
            json.WriteString("source", evidence.Source);
            json.WriteString("url", evidence.Url);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static string Number(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
