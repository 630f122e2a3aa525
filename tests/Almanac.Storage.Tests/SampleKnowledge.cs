using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Tests.Storage;

/// <summary>A small knowledge base built in code, so store tests know every value they assert.</summary>
internal static class SampleKnowledge
{
    public static readonly Source Menlo = new("menlo-2025", "Menlo Ventures", "2025 Mid-Year LLM Market Update", new Uri("https://menlovc.com/perspective/2025-mid-year-llm-market-update/"), new DateOnly(2025, 7, 31), SourceKind.Primary);
    public static readonly Source Series = new("anthropic-series-f", "Anthropic", "Anthropic raises Series F", new Uri("https://www.anthropic.com/news/anthropic-raises-series-f-at-usd183b-post-money-valuation"), new DateOnly(2025, 9, 2), SourceKind.Primary);

    public static readonly Fact Share = new(
        "anthropic", "market-share", Scope.Of([KeyValuePair.Create("basis", "usage"), KeyValuePair.Create("market", "enterprise-llm-api")]),
        Period.Instant(new DateOnly(2025, 6, 30)), FactValue.Of(Quantity.Of(32m, Unit.Percent)), Obtained.Survey, Menlo.Id,
        "Anthropic now earns 32% of enterprise LLM market share", Sample: 150);

    public static readonly Fact Valuation = new(
        "anthropic", "valuation", Scope.Empty, Period.Instant(new DateOnly(2025, 9, 2)),
        FactValue.Of(Quantity.Of(183_000_000_000m, Unit.Usd)), Obtained.Announced, Series.Id, "$183 billion post-money valuation");

    public static readonly Fact Mixtral = new(
        "mixtral-8x7b", "parameters-total", Scope.Empty, Period.Month(2023, 12),
        FactValue.Of(Quantity.Range(46_700_000_000m, 47_000_000_000m, Unit.Parameters, Qualifier.About)), Obtained.Reported, Menlo.Id, null);

    public static readonly Fact Release = new(
        "mixtral-8x7b", "release-date", Scope.Empty, Period.Month(2023, 12),
        FactValue.Of(new DateOnly(2023, 12, 11)), Obtained.Announced, Menlo.Id, null);

    public static KnowledgeBase With(params Fact[] facts) => new(
        [
            new Entity("anthropic", EntityKind.Organisation, new LocalizedName("Anthropic", null), ["安索普"]),
            new Entity("google", EntityKind.Organisation, new LocalizedName("Google", "谷歌"), []),
            new Entity("mixtral-8x7b", EntityKind.Model, new LocalizedName("Mixtral 8x7B", null), [], Developer: null),
            new Entity("enterprise-llm-api", EntityKind.Market, new LocalizedName("Enterprise LLM API", "企业LLM API"), []),
        ],
        [
            new Metric("market-share", new LocalizedName("market share", "市场份额"), Dimension.Percent, ["份额"]),
            new Metric("valuation", new LocalizedName("valuation", "估值"), Dimension.Currency, []),
            new Metric("parameters-total", new LocalizedName("parameters", "参数量"), Dimension.Parameters, []),
            new Metric("release-date", new LocalizedName("release date", "发布时间"), Dimension.Date, []),
        ],
        [Menlo, Series],
        facts);
}
