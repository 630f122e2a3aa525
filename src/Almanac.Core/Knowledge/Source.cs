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

/// <summary>Codes of <see cref="SourceKind"/> and <see cref="Obtained"/> as written in data files.</summary>
public static class SourceCodes
{
    public static string ToCode(this SourceKind kind) => kind == SourceKind.Primary ? "primary" : "secondary";

    // Every stored fact writes its code: each is made once, not lower-cased anew per fact.
    private static readonly string[] ObtainedCodes = [.. Enum.GetValues<Obtained>().Select(o => o.ToString().ToLowerInvariant())];

    public static string ToCode(this Obtained obtained) =>
        (uint)obtained < (uint)ObtainedCodes.Length ? ObtainedCodes[(int)obtained] : obtained.ToString().ToLowerInvariant();

    public static bool TryParseKind(string code, out SourceKind kind) =>
        Enum.TryParse(code, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(code, out _);

    public static bool TryParseObtained(string code, out Obtained obtained) =>
        Enum.TryParse(code, ignoreCase: true, out obtained) && Enum.IsDefined(obtained) && !int.TryParse(code, out _);
}
