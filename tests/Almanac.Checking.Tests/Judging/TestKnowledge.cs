using Almanac.Checking;
using Almanac.DataFiles;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Tests.Checking.Judging;

/// <summary>Knowledge to judge by: a small invented one for rule cases, and the repository's curated data.</summary>
internal static class TestKnowledge
{
    private static readonly Lazy<CheckKnowledge> Curated = new(LoadCurated);

    public static readonly Source PubA = new("pub-a", "Alpha Research", "Alpha report", new Uri("https://alpha.example/report"), new DateOnly(2025, 7, 31), SourceKind.Primary);
    public static readonly Source PubA2 = new("pub-a2", "Alpha Research", "Alpha revision", new Uri("https://alpha.example/revision"), new DateOnly(2025, 6, 1), SourceKind.Primary);
    public static readonly Source PubAEarly = new("pub-a0", "Alpha Research", "Alpha first look", new Uri("https://alpha.example/first"), new DateOnly(2025, 1, 15), SourceKind.Primary);
    public static readonly Source PubB = new("pub-b", "Beta Wiki", "Beta page", new Uri("https://beta.example/page"), new DateOnly(2024, 12, 1), SourceKind.Secondary);
    public static readonly Source PubC = new("pub-c", "Gamma Paper", "Gamma paper", new Uri("https://gamma.example/paper"), new DateOnly(2024, 1, 8), SourceKind.Primary);
    public static readonly Source Fed = new("fed", "Federal Reserve", "G.5A", new Uri("https://fed.example/g5a"), new DateOnly(2025, 1, 2), SourceKind.Primary);

    /// <summary>The repository's data folder, loaded once.</summary>
    public static CheckKnowledge Repository => Curated.Value;

    /// <summary>An invented market with one fact per situation a rule must tell apart.</summary>
    public static CheckKnowledge Invented()
    {
        var entities = new[]
        {
            new Entity("acme", EntityKind.Organisation, new LocalizedName("Acme", "艾克米"), []),
            new Entity("gadget", EntityKind.Product, new LocalizedName("Gadget", null), []),
            new Entity("widget-llm", EntityKind.Market, new LocalizedName("Widget LLM market", null), []),
            new Entity("model-x", EntityKind.Model, new LocalizedName("Model X", null), []),
            new Entity("family-f", EntityKind.ModelFamily, new LocalizedName("Family F", null), []),
            new Entity("model-f1", EntityKind.Model, new LocalizedName("Model F1", null), [], Parent: "family-f"),
            new Entity("model-p", EntityKind.Model, new LocalizedName("Model P", null), []),
            new Entity("model-q", EntityKind.Model, new LocalizedName("Model Q 72B", null), []),
            new Entity("model-u", EntityKind.Model, new LocalizedName("Model U", null), [], Status: Entity.Unreleased),
            new Entity("rival", EntityKind.Organisation, new LocalizedName("Rival", "对手"), []),
            new Entity("world", EntityKind.Region, new LocalizedName("World", "全球"), []),
            new Entity("united-states", EntityKind.Region, new LocalizedName("United States", "美国"), [], Parent: "world"),
        };
        var statements = new List<Statement>
        {
            Q("acme", "market-share", "market=m;basis=usage", "@2025-06-30", Quantity.Of(32, Unit.Percent), PubA, Obtained.Survey),
            Q("acme", "market-share", "market=m;basis=spend", "@2025-06-30", Quantity.Of(40, Unit.Percent), PubA, Obtained.Survey),
            Q("acme", "market-share", "market=m;basis=usage", "@2025-12-31", Quantity.Of(9, Unit.Percent), PubA, Obtained.Survey),
            Q("widget-llm", "market-size", "region=world", "2024", Quantity.Of(5.617e9m, Unit.Usd), PubA, Obtained.Estimated),
            Q("widget-llm", "market-size", "region=world", "2030", Quantity.Of(2e10m, Unit.Usd, Qualifier.Forecast), PubA, Obtained.Forecast),
            Q("model-x", "parameters-total", "", "2023-12", Quantity.Of(4.67e10m, Unit.Parameters), PubB, Obtained.Reported),
            Q("model-x", "parameters-total", "", "2024-01", Quantity.Of(4.7e10m, Unit.Parameters, Qualifier.About), PubC, Obtained.Announced),
            Q("model-x", "context-window", "", "2024-06", Quantity.Of(200_000, Unit.Tokens), PubB, Obtained.Reported),
            new(new Fact("model-x", "release-date", Scope.Empty, P("2024-06"), FactValue.Of(new DateOnly(2024, 6, 20)), Obtained.Reported, PubB.Id, null), PubB),
            Q("family-f", "context-window", "", "2024-07", Quantity.Of(128_000, Unit.Tokens), PubC, Obtained.Announced),
            Q("gadget", "users", "", "2025-Q2", Quantity.Of(30_000_000, Unit.Count), PubA, Obtained.Reported),
            Q("gadget", "users", "", "2025-Q2", Quantity.Of(50_000_000, Unit.Count), PubB, Obtained.Reported),
            Q("acme", "revenue", "", "2024", Quantity.Of(1e9m, Unit.Usd), PubAEarly, Obtained.Reported),
            Q("acme", "revenue", "", "2024", Quantity.Of(1.2e9m, Unit.Usd), PubA2, Obtained.Reported),
            Q("acme", "net-loss", "", "2024", Quantity.Of(1e9m, Unit.Usd), PubB, Obtained.Reported),
            Q("acme", "net-loss", "basis=adjusted", "2024", Quantity.Of(8e8m, Unit.Usd), PubB, Obtained.Reported),
            Q("acme", "revenue", "", "2023", Quantity.Of(5e8m, Unit.Usd), PubA, Obtained.Reported),
            Q("rival", "revenue-run-rate", "", "@2025-07-31", Quantity.Of(3e9m, Unit.Usd), PubA, Obtained.Reported),
            Q("rival", "funding-raised", "", "2024-10", Quantity.Of(6.6e9m, Unit.Usd), PubA, Obtained.Reported),
            Q("model-x", "parameters-active", "", "2024-01", Quantity.Of(1.3e10m, Unit.Parameters), PubC, Obtained.Announced),
            Q("model-x", "context-window", "", "2024-11", Quantity.Of(1_000_000, Unit.Tokens), PubA, Obtained.Announced),
            Q("acme", "valuation", "round=series-f", "@2025-09-02", Quantity.Of(1.83e11m, Unit.Usd), PubA, Obtained.Announced),
            Q("acme", "valuation", "round=series-e", "@2025-03-03", Quantity.Of(6.15e10m, Unit.Usd), PubA, Obtained.Announced),
            Q("acme", "funding-raised", "round=series-f", "@2025-09-02", Quantity.Of(1.3e10m, Unit.Usd), PubA, Obtained.Announced),
            Q("acme", "revenue-run-rate", "", "@2025-01-31", Quantity.Of(1e9m, Unit.Usd), PubA, Obtained.Reported),
            Q("acme", "revenue-run-rate", "", "@2025-07-31", Quantity.Of(5e9m, Unit.Usd), PubB, Obtained.Reported),
            Q("model-q", "parameters-total", "", "2024-09", Quantity.Of(7.271e10m, Unit.Parameters), PubB, Obtained.Reported),
            Q("usd-cny", "exchange-rate", "", "2024", Quantity.Of(7.1m, Unit.CnyPerUsd), Fed, Obtained.Reported),
            Q("acme", "tokens-processed", "", "2025-04-30", Quantity.Of(1.6e13m, Unit.Tokens), PubB, Obtained.Reported),
            Q("model-x", "benchmark-score", "benchmark=gpqa-diamond;evaluator=alpha;variant=32k", "@2025-11-25", Quantity.Of(86.0m, Unit.Percent), PubA, Obtained.Reported),
            Q("model-x", "benchmark-score", "benchmark=gpqa-diamond;evaluator=alpha", "@2025-11-25", Quantity.Of(80.7m, Unit.Percent), PubA, Obtained.Reported),
        };
        statements.AddRange(PriceSnapshots());
        var litellm = new Source("litellm-2026-07-24", "BerriAI (LiteLLM)", "LiteLLM model prices and context windows", new Uri("https://github.com/BerriAI/litellm"), new DateOnly(2026, 7, 24), SourceKind.Secondary);
        statements.Add(new(new Fact("model-p", "context-window", Scope.Parse("offering=first-party;provider=p-lab"), P("@2026-07-24"), FactValue.Of(Quantity.Of(65_536, Unit.Tokens)), Obtained.Reported, litellm.Id, null), litellm, "litellm"));

        // The repository's metrics: how each relates to time (flow, stock, property) and to other
        // metrics (within, additive) is theirs to declare.
        return new CheckKnowledge(entities, Repository.Names.Metrics, statements);
    }

    /// <summary>
    /// Model P's prices as successive dataset snapshots show them: its developer's API at 5 USD per 1M input
    /// tokens from January 2025, cut to 2.5 on 2025-03-01; a reseller at 6 throughout.
    /// </summary>
    private static IEnumerable<Statement> PriceSnapshots()
    {
        var firstParty = "offering=first-party;provider=p-lab";
        var reseller = "offering=reseller;provider=openrouter";
        foreach (var (day, input) in new[] { ("2025-01-01", 5m), ("2025-02-01", 5m), ("2025-03-01", 2.5m), ("2025-04-01", 2.5m) })
        {
            var labSnapshot = new Source($"models-dev-{day}", "models.dev", $"models.dev API, snapshot {day}", new Uri("https://models.dev/api.json"), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), SourceKind.Secondary);
            var resellerSnapshot = labSnapshot with { Id = $"openrouter-{day}", Publisher = "OpenRouter (openrouter.ai)", Title = $"OpenRouter models, snapshot {day}", Url = new Uri("https://openrouter.ai/api/v1/models") };
            yield return Priced(firstParty, day, input, labSnapshot, "models-dev");
            yield return Priced(reseller, day, 6m, resellerSnapshot, "openrouter");
        }
    }

    private static Statement Priced(string scope, string day, decimal input, Source snapshot, string dataset) =>
        new(new Fact("model-p", "price-input", Scope.Parse(scope), P($"@{day}"), FactValue.Of(Quantity.Of(input, Unit.UsdPerMillionTokens)), Obtained.Reported, snapshot.Id, null), snapshot, dataset);

    private static Statement Q(string entity, string metric, string scope, string period, Quantity value, Source source, Obtained obtained) =>
        new(new Fact(entity, metric, Scope.Parse(scope), P(period), FactValue.Of(value), obtained, source.Id, $"{entity} {metric} quote"), source);

    private static Period P(string canonical) => Period.TryParseCanonical(canonical, out var p) ? p : throw new ArgumentException(canonical);

    private static CheckKnowledge LoadCurated()
    {
        var result = DataFolder.Load(FindData());
        result.Succeeded.ShouldBeTrue(string.Join('\n', result.Diagnostics));
        var kb = result.Knowledge!;
        var statements = kb.Facts.Select(f => new Statement(f, kb.Source(f.SourceId)!)).ToList();
        return new CheckKnowledge(kb.Entities, kb.Metrics, statements);
    }

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "metrics.yaml")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new DirectoryNotFoundException("the repository's data folder was not found above " + AppContext.BaseDirectory);
    }
}
