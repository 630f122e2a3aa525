using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Quantities;

namespace Almanac.Tests.Analytics;

/// <summary>Catalogue rows as the model catalogue builds them from an imported dataset.</summary>
internal static class CatalogueRows
{
    public static readonly Source ModelsDev = new("models-dev-2026-01", "models.dev", "models.dev API", new Uri("https://models.dev/api.json"), new DateOnly(2026, 1, 15), SourceKind.Secondary);

    public static CatalogueRow Row(string id, string? released = null, bool? open = null, decimal? input = null, decimal? output = null, Unit? priceUnit = null)
    {
        SourcedValue? Value(FactValue? value) => value is { } v ? new SourcedValue(v, ModelsDev, "models.dev", id) : null;
        FactValue? Price(decimal? usd) => usd is { } p ? FactValue.Of(Quantity.Of(p, priceUnit ?? Unit.UsdPerMillionTokens)) : null;

        return new CatalogueRow(
            new Entity(id, EntityKind.Model, new LocalizedName(id, null), []),
            null,
            Value(released is null ? null : FactValue.Of(MenloFacts.Day(released))),
            Value(open is null ? null : FactValue.Of(open.Value ? "yes" : "no")),
            null,
            Value(Price(input)),
            Value(Price(output)),
            null,
            null,
            [],
            ["models.dev"]);
    }
}
