using Almanac.Checking.Extraction;

namespace Almanac.Tests.Checking.Extraction;

public sealed class DumpTests
{
    [Theory]
    [InlineData("000-menlo-article.md")]
    [InlineData("004-research-note.md")]
    public void Dump(string seed)
    {
        var text = File.ReadAllText(Knowledge.SpecPath("seeds", seed));
        var claims = new ClaimExtractor().Extract(text, Knowledge.Check);
        File.WriteAllLines("/tmp/dump-" + seed + ".txt", claims.Select(c => $"{c.Span.Line}:{c.Span.Column}+{c.Span.Length}\t{c.Text}\t{c.EntityId ?? "-"}\t{c.MetricId ?? "-"}\t{c.Period?.ToString() ?? "-"}\t{c.Quantity?.ToString() ?? c.Date?.ToString()}\t{c.Role}\t{c.Scope}"));
    }
}
