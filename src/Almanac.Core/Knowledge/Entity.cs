namespace Almanac.Knowledge;

/// <summary>An organisation, model family, model, product, platform, market, region or segment.</summary>
/// <param name="Id">The canonical slug, e.g. <c>claude-3-5-sonnet</c>.</param>
/// <param name="Parent">The family, market or organisation this entity belongs to.</param>
/// <param name="Developer">For models and families: the organisation that makes them.</param>
/// <param name="Status">For models: <see cref="Unreleased"/> when the developer announced the model but never made it available; null otherwise.</param>
public sealed record Entity(
    string Id,
    EntityKind Kind,
    LocalizedName Name,
    IReadOnlyList<string> Aliases,
    string? Parent = null,
    string? Developer = null,
    string? Status = null)
{
    /// <summary>The status of a model announced (previewed, benchmarked) but never released: it has no release date to give.</summary>
    public const string Unreleased = "unreleased";
}
