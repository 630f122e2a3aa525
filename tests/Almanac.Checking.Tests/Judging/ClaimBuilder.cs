using Almanac.Checking;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Tests.Checking.Judging;

/// <summary>Claims as the extractor would hand them over, written compactly for tests.</summary>
internal static class ClaimBuilder
{
    /// <summary>
    /// A claim for the figure <paramref name="text"/> (parsed as the extractor parses it), about
    /// <paramref name="entity"/>'s <paramref name="metric"/>, with a canonical period (<c>2024</c>,
    /// <c>2025-H1</c>, <c>2025/2034</c>) and scope (<c>market=m;basis=usage</c>).
    /// </summary>
    public static Claim Figure(
        string text,
        string? entity,
        string? metric,
        string? period = null,
        string scope = "",
        int line = 1,
        QuantityRole role = QuantityRole.Standalone,
        string? sentence = null,
        string context = "",
        Unit? unit = null)
    {
        var parsed = QuantityParser.Parse(text);
        parsed.IsSuccess.ShouldBeTrue($"test figure '{text}' should parse: {parsed}");
        var quantity = parsed.Value.Quantity;
        if (unit is { } u)
        {
            quantity = quantity.WithUnit(u);
        }

        return new Claim(text, new ClaimSpan(line * 100, text.Length, line, 1), entity, metric, Scope.Parse(scope),
            Parse(period), quantity, null, role, context, sentence ?? text);
    }

    /// <summary>A date claim, as in a release-date column (<c>2025年3月</c> → <c>2025-03</c>).</summary>
    public static Claim Date(string text, string entity, string date, int line = 1) =>
        new(text, new ClaimSpan(line * 100, text.Length, line, 1), entity, "release-date", Scope.Empty, null, null,
            Parse(date), QuantityRole.Standalone, string.Empty, text);

    private static Period? Parse(string? canonical)
    {
        if (canonical is null)
        {
            return null;
        }

        Period.TryParseCanonical(canonical, out var period).ShouldBeTrue($"test period '{canonical}'");
        return period;
    }
}
