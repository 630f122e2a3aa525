using Almanac.Knowledge;
using Almanac.Knowledge.Imports;
using Almanac.Periods;
using Almanac.Quantities;
using Almanac.Storage;

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

    /// <summary>A models.dev snapshot of one model at two prices, one record without a name, and a new canonical model.</summary>
    public static ImportBatch Import(string date, decimal inputPrice = 3m)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var source = new Source($"models-dev-{date}", "models.dev", $"models.dev api.json ({date})", new Uri("https://models.dev/api.json"), day, SourceKind.Secondary, "MIT");
        const string Key = "providers/anthropic/models/claude-3-5-sonnet-20240620";
        var scope = Scope.Of([KeyValuePair.Create("provider", "anthropic")]);
        Fact Price(string metric, decimal value) => new("claude-3-5-sonnet", metric, scope, Period.Instant(day), FactValue.Of(Quantity.Of(value, Unit.UsdPerMillionTokens)), Obtained.Reported, source.Id, null, Origin: Key);
        return new ImportBatch(
            "models-dev",
            date,
            [source],
            [new Entity("claude-3-5-sonnet", EntityKind.Model, new LocalizedName("Claude 3.5 Sonnet", null), [], Developer: "anthropic")],
            [new EntityAlias("claude-3-5-sonnet", "claude-3-5-sonnet-20240620"), new EntityAlias("claude-3-5-sonnet", "Claude Sonnet 3.5")],
            [Price("price-input", inputPrice), Price("price-output", 15m)],
            [new UnresolvedRecord("models-dev", "providers/x/models/", null, "x", "no model name")],
            [new LandedRecord(Key, "claude-3-5-sonnet")]);
    }

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
            new Metric("price-input", new LocalizedName("input price", "输入价格"), Dimension.PricePerMillionTokens, []),
            new Metric("price-output", new LocalizedName("output price", "输出价格"), Dimension.PricePerMillionTokens, []),
        ],
        [Menlo, Series],
        facts);
}
