using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Almanac.Hosting;
using Almanac.Knowledge;
using Almanac.Quantities;
using Almanac.Storage;
using Almanac.Text;
using Spectre.Console;

namespace Almanac.Cli.Output;

/// <summary>Prints facts with their sources in the chosen format.</summary>
internal static class FactOutput
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // Chinese names and quotes stay readable; the output is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(IReadOnlyList<StoredFact> facts, OutputFormat format, TextWriter output, IAnsiConsole console)
    {
        switch (format)
        {
            case OutputFormat.Json:
                WriteJson(facts, output);
                break;
            case OutputFormat.Csv:
                ListCsv.Facts(facts, output);
                break;
            default:
                WriteTable(facts, console);
                break;
        }
    }

    private static void WriteTable(IReadOnlyList<StoredFact> facts, IAnsiConsole console)
    {
        if (facts.Count == 0)
        {
            console.MarkupLine("[yellow]No facts match.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Entity").AddColumn("Metric").AddColumn("Scope").AddColumn("Period")
            .AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Source");
        foreach (var stored in facts)
        {
            var fact = stored.Fact;
            table.AddRow(
                Markup.Escape(stored.EntityName.En),
                Markup.Escape(fact.MetricId),
                Markup.Escape(fact.Scope.Canonical.Replace(";", ", ", StringComparison.Ordinal)),
                Markup.Escape(fact.Period.ToString()),
                Markup.Escape(Display(fact.Value)),
                Markup.Escape($"{stored.Source.Publisher}, {stored.Source.Published:yyyy-MM-dd}"));
        }

        console.Write(table);
        console.MarkupLine($"[grey]{facts.Count} fact(s)[/]");
    }

    private static void WriteJson(IReadOnlyList<StoredFact> facts, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartArray();
            foreach (var stored in facts)
            {
                WriteJsonFact(json, stored);
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteJsonFact(Utf8JsonWriter json, StoredFact stored)
    {
        var fact = stored.Fact;
        json.WriteStartObject();
        json.WriteString("id", fact.Id);
        json.WriteString("entity", fact.EntityId);
        json.WriteString("entity_name", stored.EntityName.En);
        if (stored.EntityName.Zh is { } zh)
        {
            json.WriteString("entity_name_zh", zh);
        }

        json.WriteString("metric", fact.MetricId);
        json.WriteStartObject("scope");
        foreach (var (key, value) in fact.Scope.Values)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteString("period", fact.Period.ToString());
        json.WriteString("period_start", fact.Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("period_end", fact.Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        switch (fact.Value)
        {
            case { Quantity: { } q }:
                json.WriteNumber("value", q.Value);
                if (q.High is { } high)
                {
                    json.WriteNumber("high", high);
                }

                json.WriteString("unit", q.Unit.Code);
                json.WriteString("qualifier", q.Qualifier.ToCode());
                break;
            case { Date: { } date }:
                json.WriteString("value", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("unit", "date");
                break;
            default:
                json.WriteString("value", fact.Value.Text);
                json.WriteString("unit", "text");
                break;
        }

        json.WriteString("obtained", fact.Obtained.ToCode());
        if (fact.Sample is { } n)
        {
            json.WriteNumber("sample", n);
        }

        json.WriteStartObject("source");
        json.WriteString("id", stored.Source.Id);
        json.WriteString("publisher", stored.Source.Publisher);
        json.WriteString("title", stored.Source.Title);
        json.WriteString("url", stored.Source.Url.ToString());
        json.WriteString("published", stored.Source.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("kind", stored.Source.Kind.ToCode());
        json.WriteEndObject();
        json.WriteString("quote", fact.Quote);
        json.WriteString("note", fact.Note);
        json.WriteString("recorded_at", stored.RecordedAt.ToString("O", CultureInfo.InvariantCulture));
        if (stored.RetractedAt is { } retracted)
        {
            json.WriteString("retracted_at", retracted.ToString("O", CultureInfo.InvariantCulture));
        }

        json.WriteEndObject();
    }

    /// <summary>A short human form for the table: <c>$183B</c>, <c>32%</c>, <c>46.7B parameters</c>.</summary>
    internal static string Display(FactValue value) =>
        value.Quantity is { } q ? QuantityFormatter.Format(q, Language.En, new QuantityFormatOptions { SignificantDigits = 4 }) : value.ToString();

}
