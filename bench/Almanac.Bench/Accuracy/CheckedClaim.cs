using System.Text.Json;

namespace Almanac.Bench.Accuracy;

/// <summary>One claim of <c>almanac check --format json</c>: where it is, its figure as written, the verdict and the rule behind it.</summary>
internal sealed record CheckedClaim(int Line, string Text, string Verdict, string? Rule)
{
    /// <summary>A flag: the checker says the figure is wrong (against a source, or against the note itself).</summary>
    public bool IsFlag => Verdict is "contradicted" or "inconsistent";

    /// <summary>
    /// The claim is about this keyed figure: one text contains the other once spaces and case are ignored
    /// ("$13 billion" against "13 billion"), the development scorer's test.
    /// </summary>
    public bool IsAbout(KeyedFigure figure) => Overlaps(Fold(Text), Fold(figure.Text));

    private static bool Overlaps(string a, string b) =>
        a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));

    private static string Fold(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    public static IReadOnlyList<CheckedClaim> Read(string path)
    {
        using var document = AnswerKey.ReadJson(path);
        if (!document.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
        {
            throw new AccuracyException($"{path}: $.claims: expected the list of claims of a check report");
        }

        return claims.EnumerateArray()
            .Where(c => c.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number)
            .Select(c => new CheckedClaim(
                c.GetProperty("line").GetInt32(),
                StringOf(c, "text") ?? string.Empty,
                (StringOf(c, "verdict") ?? string.Empty).ToLowerInvariant(),
                StringOf(c, "rule")))
            .ToList();
    }

    private static string? StringOf(JsonElement claim, string name) =>
        claim.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
