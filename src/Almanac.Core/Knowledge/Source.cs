namespace Almanac.Knowledge;

/// <summary>Whether a source measured or announced a figure itself, or reports someone else's.</summary>
public enum SourceKind
{
    Primary,
    Secondary,
}

/// <summary>A citable document: every fact names one.</summary>
/// <param name="Published">The publication date; a month-only date is the first of that month.</param>
public sealed record Source(
    string Id,
    string Publisher,
    string Title,
    Uri Url,
    DateOnly Published,
    SourceKind Kind,
    string? Licence = null);
