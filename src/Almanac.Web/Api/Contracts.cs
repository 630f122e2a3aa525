using System.Globalization;
using System.Text.Json.Nodes;
using Almanac.Catalogue;
using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Quantities;
using Almanac.Storage;

namespace Almanac.Web.Api;

/// <summary>An organisation, model, market… with every name it goes by.</summary>
public sealed record EntityDto(string Id, string Kind, string NameEn, string? NameZh, IReadOnlyList<string> Aliases, string? Parent, string? Developer)
{
    internal static EntityDto From(Entity e) => new(e.Id, e.Kind.ToCode(), e.Name.En, e.Name.Zh, e.Aliases, e.Parent, e.Developer);
}

/// <summary>A citable document.</summary>
/// <param name="Facts">How many current facts cite it (in the sources list only).</param>
public sealed record SourceDto(string Id, string Publisher, string Title, string Url, string Published, string Kind, string? Licence, int? Facts = null)
{
    internal static SourceDto From(Source s, int? facts = null) =>
        new(s.Id, s.Publisher, s.Title, s.Url.ToString(), Day(s.Published), s.Kind.ToCode(), s.Licence, facts);

    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// A sourced fact. A number has <c>value</c> (and <c>high</c> for a range) in <c>unit</c>; a date or
/// a text value is in <c>text</c>, with unit <c>date</c> or <c>text</c>.
/// </summary>
public sealed record FactDto(
    string Id,
    string Entity,
    string EntityName,
    string? EntityNameZh,
    string Metric,
    IReadOnlyDictionary<string, string> Scope,
    string Period,
    string PeriodStart,
    string PeriodEnd,
    decimal? Value,
    decimal? High,
    string? Text,
    string Unit,
    string? Qualifier,
    string Obtained,
    int? Sample,
    SourceDto Source,
    string? Quote,
    string? Note,
    string? Dataset,
    DateTimeOffset RecordedAt,
    DateTimeOffset? RetractedAt)
{
    internal static FactDto From(StoredFact stored)
    {
        var fact = stored.Fact;
        var q = fact.Value.Quantity;
        var unit = q is not null ? q.Value.Unit.Code : fact.Value.Date is not null ? "date" : "text";
        var text = q is not null ? null : fact.Value.Date is { } date ? SourceDto.Day(date) : fact.Value.Text;
        return new FactDto(
            fact.Id,
            fact.EntityId,
            stored.EntityName.En,
            stored.EntityName.Zh,
            fact.MetricId,
            fact.Scope.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            fact.Period.ToString(),
            SourceDto.Day(fact.Period.Start),
            SourceDto.Day(fact.Period.End),
            q?.Value,
            q?.High,
            text,
            unit,
            q?.Qualifier.ToCode(),
            fact.Obtained.ToCode(),
            fact.Sample,
            SourceDto.From(stored.Source),
            fact.Quote,
            fact.Note,
            stored.Dataset,
            stored.RecordedAt,
            stored.RetractedAt);
    }
}

/// <summary>One property of a model and where it came from.</summary>
public sealed record ModelValueDto(decimal? Value, string? Text, string Unit, string Source, string SourceTitle, string SourceUrl, string Published, string? Dataset, string? Record)
{
    internal static ModelValueDto? From(SourcedValue? sourced) => sourced is not { } v ? null : new(
        v.Value.Quantity?.Value,
        v.Value.Quantity is null ? v.Value.ToString() : null,
        v.Value.Unit.Code,
        v.Source.Publisher,
        v.Source.Title,
        v.Source.Url.ToString(),
        SourceDto.Day(v.Source.Published),
        v.Dataset,
        v.Record);
}

/// <summary>One canonical model of the catalogue: prices are USD per million tokens.</summary>
public sealed record ModelDto(
    string Id,
    string Name,
    string? Developer,
    string? DeveloperName,
    ModelValueDto? ReleaseDate,
    ModelValueDto? OpenWeights,
    ModelValueDto? ContextWindow,
    ModelValueDto? PriceInput,
    ModelValueDto? PriceOutput,
    ModelValueDto? ParametersTotal,
    ModelValueDto? ParametersActive,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Sources)
{
    internal static ModelDto From(CatalogueRow r) => new(
        r.Model.Id,
        r.Model.Name.En,
        r.Model.Developer,
        r.DeveloperName,
        ModelValueDto.From(r.ReleaseDate),
        ModelValueDto.From(r.OpenWeights),
        ModelValueDto.From(r.ContextWindow),
        ModelValueDto.From(r.InputPrice),
        ModelValueDto.From(r.OutputPrice),
        ModelValueDto.From(r.Parameters),
        ModelValueDto.From(r.ActiveParameters),
        r.Providers,
        r.Publishers);
}

/// <summary>One side of a conflict: what a source said.</summary>
public sealed record StatementDto(string Value, string Period, SourceDto Source, string? Record);

/// <summary>Sources that disagree about one entity, metric and scope.</summary>
public sealed record ConflictDto(string Entity, string EntityName, string Metric, IReadOnlyDictionary<string, string> Scope, IReadOnlyList<StatementDto> Statements)
{
    internal static ConflictDto From(Conflict c, string entityName) => new(
        c.EntityId,
        entityName,
        c.MetricId,
        c.Scope.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
        c.Statements.Select(s => new StatementDto(s.Fact.Value.ToString(), s.Fact.Period.ToString(), SourceDto.From(s.Source), s.Fact.Origin)).ToList());
}

/// <summary>A chart in the list: its id and what it shows.</summary>
public sealed record ChartSummaryDto(string Id, string Title, string Subtitle);

/// <summary>A chart: its words, its sources, and the Vega-Lite spec with the data inline.</summary>
public sealed record ChartDto(string Id, string Title, string Subtitle, string SourceLine, IReadOnlyList<SourceDto> Sources, JsonObject Spec)
{
    // A copy: the chart is shared by every request and a JSON node has one parent.
    internal static ChartDto From(Chart c) => new(c.Id, c.Text.Title, c.Text.Subtitle, c.Text.SourceLine, c.Sources.Select(s => SourceDto.From(s)).ToList(), (JsonObject)c.Spec.DeepClone());
}

/// <summary>What an import stored.</summary>
public sealed record ImportResultDto(string Dataset, string Version, string Date, int Added, int Unchanged, int NewEntities, int Unresolved);

/// <summary>A fact to add, in the data files' terms (docs/data-format.md).</summary>
public sealed record NewFactDto(
    string? Entity,
    string? Metric,
    string? Period,
    System.Text.Json.JsonElement? Value,
    string? Unit,
    string? Obtained,
    string? Source,
    string? Quote,
    IReadOnlyDictionary<string, string>? Scope = null,
    string? Qualifier = null,
    int? Sample = null,
    string? Note = null,
    NewSourceDto? NewSource = null);

/// <summary>A source to add with a fact.</summary>
public sealed record NewSourceDto(string? Id, string? Publisher, string? Title, string? Url, string? Published, string? Kind, string? Licence = null);

/// <summary>Where an added fact now stands in the data files.</summary>
public sealed record AddedFactDto(string Entity, string Metric, string Period, string Location);
