using System.Globalization;
using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Quantities;
using Almanac.Storage;

namespace Almanac.Hosting;

/// <summary>
/// The CSV shape of each list Almanac prints or serves, one place for both, so a spreadsheet made
/// from <c>almanac facts -f csv</c> and one from <c>/api/facts?format=csv</c> have the same columns.
/// </summary>
public static class ListCsv
{
    public static void Facts(IEnumerable<StoredFact> facts, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Csv.WriteRow(output, ["entity", "metric", "scope", "period", "value", "high", "unit", "qualifier", "obtained", "source_publisher", "source_title", "source_url", "source_published", "quote"]);
        foreach (var stored in facts)
        {
            var fact = stored.Fact;
            var q = fact.Value.Quantity;
            Csv.WriteRow(output, [
                fact.EntityId,
                fact.MetricId,
                fact.Scope.Canonical,
                fact.Period.ToString(),
                q?.Value.ToString(CultureInfo.InvariantCulture) ?? fact.Value.ToString(),
                q?.High?.ToString(CultureInfo.InvariantCulture),
                fact.Value.Unit.Code,
                q?.Qualifier.ToCode() ?? "exact",
                fact.Obtained.ToCode(),
                stored.Source.Publisher,
                stored.Source.Title,
                stored.Source.Url.ToString(),
                Day(stored.Source.Published),
                fact.Quote,
            ]);
        }
    }

    public static void Entities(IEnumerable<Entity> entities, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(entities);
        Csv.WriteRow(output, ["id", "kind", "name_en", "name_zh", "parent", "developer", "aliases"]);
        foreach (var e in entities)
        {
            Csv.WriteRow(output, [e.Id, e.Kind.ToCode(), e.Name.En, e.Name.Zh, e.Parent, e.Developer, string.Join("; ", e.Aliases)]);
        }
    }

    public static void Models(IEnumerable<CatalogueRow> rows, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Csv.WriteRow(output, ["id", "name", "developer", "release_date", "open_weights", "context_window", "price_input_usd_per_mtok", "price_output_usd_per_mtok", "parameters_total", "parameters_active", "sources"]);
        foreach (var r in rows)
        {
            Csv.WriteRow(output, [r.Model.Id, r.Model.Name.En, r.Model.Developer, Raw(r.ReleaseDate), Raw(r.OpenWeights), Raw(r.ContextWindow), Raw(r.InputPrice), Raw(r.OutputPrice), Raw(r.Parameters), Raw(r.ActiveParameters), string.Join("; ", r.Publishers)]);
        }
    }

    /// <summary>One row per statement: a conflict spans as many rows as it has sides.</summary>
    public static void Conflicts(IEnumerable<Conflict> conflicts, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        Csv.WriteRow(output, ["entity", "metric", "scope", "value", "period", "publisher", "published", "title", "url", "record"]);
        foreach (var c in conflicts)
        {
            foreach (var s in c.Statements)
            {
                Csv.WriteRow(output, [c.EntityId, c.MetricId, c.Scope.Canonical, s.Fact.Value.ToString(), s.Fact.Period.ToString(), s.Source.Publisher, Day(s.Source.Published), s.Source.Title, s.Source.Url.ToString(), s.Fact.Origin]);
            }
        }
    }

    /// <summary>A model property as a plain cell: the number without its unit, or the text.</summary>
    public static string? Raw(SourcedValue? value) =>
        value?.Value.Quantity is { } q ? q.Value.ToString(CultureInfo.InvariantCulture) : value?.Value.ToString();

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
