using Almanac.Checking;
using Almanac.Checking.Extraction;

namespace Almanac.Tests.Checking.Extraction;

/// <summary>The cases of <c>Specs/extraction.tsv</c>: each figure found where it is written, and understood.</summary>
public sealed class ClaimExtractorSpecs
{
    private static readonly ClaimExtractor Extractor = new();
    private static readonly Dictionary<string, IReadOnlyList<Claim>> Cache = new(StringComparer.Ordinal);
    private static readonly Lock CacheLock = new();

    public static TheoryData<int, string, string, string, string, string, string, string, string> Cases()
    {
        var data = new TheoryData<int, string, string, string, string, string, string, string, string>();
        var n = 0;
        foreach (var line in File.ReadLines(Knowledge.SpecPath("extraction.tsv")))
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            data.Add(n, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
        }

        return data;
    }

    [Fact]
    public void The_spec_holds_at_least_sixty_cases() => Cases().Count.ShouldBeGreaterThanOrEqualTo(60);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extracts_the_figure_as_specified(int specLine, string source, string text, string at, string entity, string metric, string period, string value, string extra)
    {
        var claims = ClaimsOf(source);
        var (line, column, length) = ParseAt(at);
        var claim = claims.FirstOrDefault(c => c.Span.Line == line && c.Span.Column == column);
        if (extra.StartsWith("not=", StringComparison.Ordinal))
        {
            // A number that must not be read as a figure of that metric (it may be another figure, or none).
            claim?.MetricId.ShouldNotBe(extra[4..], $"spec line {specLine}: {text} at {at} was read as {claim?.MetricId} {claim?.Quantity}");
            return;
        }

        if (extra == "none")
        {
            // Words that read like a number but are no figure (the 每百万tokens basis of the prices beside it).
            claim.ShouldBeNull($"spec line {specLine}: {text} at {at} was read as {claim?.MetricId} {claim?.Quantity}");
            return;
        }

        claim.ShouldNotBeNull($"spec line {specLine}: no claim at {at}; found {string.Join(", ", claims.Where(c => c.Span.Line == line).Select(c => $"{c.Text}@{c.Span.Column}"))}");
        claim.Text.ShouldBe(text, $"spec line {specLine}");
        claim.Span.Length.ShouldBe(length, $"spec line {specLine}");
        Check(specLine, "entity", entity, claim.EntityId);
        Check(specLine, "metric", metric, claim.MetricId);
        Check(specLine, "period", period, claim.Period?.ToString());
        Check(specLine, "value", value, claim.Quantity?.ToString() ?? claim.Date?.ToString());
        if (extra == "*")
        {
            return;
        }

        foreach (var check in extra.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, expected) = (check[..check.IndexOf('=', StringComparison.Ordinal)], check[(check.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var actual = key switch
            {
                "role" => claim.Role.ToString(),
                "qualifier" => claim.Quantity is { } q ? Almanac.Quantities.QualifierCodes.ToCode(q.Qualifier) : null,
                _ => claim.Scope[key],
            };
            Check(specLine, key, expected, actual);
        }
    }

    private static void Check(int specLine, string what, string expected, string? actual)
    {
        if (expected == "*")
        {
            return;
        }

        actual.ShouldBe(expected == "-" ? null : expected, $"spec line {specLine}: {what}");
    }

    private static (int Line, int Column, int Length) ParseAt(string at)
    {
        var colon = at.IndexOf(':', StringComparison.Ordinal);
        var plus = at.IndexOf('+', StringComparison.Ordinal);
        return (int.Parse(at[..colon], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(at[(colon + 1)..plus], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(at[(plus + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IReadOnlyList<Claim> ClaimsOf(string source)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(source, out var claims))
            {
                var text = source.StartsWith("seed:", StringComparison.Ordinal)
                    ? File.ReadAllText(Knowledge.SeedPath(source[5..]))
                    : source.Replace("\\n", "\n", StringComparison.Ordinal);
                claims = Extractor.Extract(text, Knowledge.Check);
                Cache[source] = claims;
            }

            return claims;
        }
    }
}
