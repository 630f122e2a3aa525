namespace Almanac.Knowledge;

/// <summary>An organisation, model family, model, product, platform, market, region or segment.</summary>
/// <param name="Id">The canonical slug, e.g. <c>claude-3-5-sonnet</c>.</param>
/// <param name="Parent">The family, market or organisation this entity belongs to.</param>
/// <param name="Developer">For models and families: the organisation that makes them.</param>
public sealed record Entity(
    string Id,
    EntityKind Kind,
    LocalizedName Name,
    IReadOnlyList<string> Aliases,
    string? Parent = null,
    string? Developer = null);
