using Almanac.Checking;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Tests.Checking.Reports;

/// <summary>A judged two-figure note whose text tries to inject markup, for the report writers.</summary>
internal static class SampleReport
{
    public const string Text = "# 市场 <script>alert('x')</script>\n- **2034年预测规模**: 1,113.04亿美元，CAGR 21.63%\n";

    public static CheckReport Create()
    {
        var size = new Claim(
            "1,113.04亿美元", new ClaimSpan(Text.IndexOf("1,113.04", StringComparison.Ordinal), "1,113.04亿美元".Length, 2, 18), "llm", "market-size",
            Scope.Of([KeyValuePair.Create("region", "world")]), Period.Year(2034), Quantity.Of(111_304_000_000m, Unit.Usd, Qualifier.Forecast),
            null, QuantityRole.Standalone, "市场 › 2034年预测规模", "- **2034年预测规模**: 1,113.04亿美元，CAGR 21.63%");
        var cagr = size with
        {
            Text = "21.63%",
            Span = new ClaimSpan(Text.IndexOf("21.63", StringComparison.Ordinal), 6, 2, 35),
            MetricId = "cagr",
            Period = Period.Between(Period.Year(2025), Period.Year(2034)),
            Quantity = Quantity.Of(21.63m, Unit.Percent),
        };
        return new CheckReport("notes/<b>market</b>.md", Text,
        [
            new Judgement(size, Verdict.Inconsistent, "the CAGR does not connect 56.17亿 (2024) with 1,113.04亿 (2034)",
                [new Evidence("arithmetic", "56.17亿 × (1+21.63%)^10 = 395.7亿, not 1,113.04亿"), new Evidence("claim", "56.17亿美元 (2024)", "line 1")]) { Rule = "cagr-endpoints" },
            new Judgement(cagr, Verdict.Unverifiable, "no source <i>knows</i> this forecast", []),
        ]);
    }
}
