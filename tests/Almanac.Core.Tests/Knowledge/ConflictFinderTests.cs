using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Tests.Knowledge;

public sealed class ConflictFinderTests
{
    private static readonly Scope DeepSeek = Scope.Of([KeyValuePair.Create("provider", "deepseek")]);

    // The timing each metric declares in data/metrics.yaml, as the loader reads it.
    private static readonly Metric[] Metrics =
    [
        Metric("price-input", new MetricTiming(TemporalKind.Stock, UntilNext: true)),
        Metric("parameters-total", new MetricTiming(TemporalKind.Property)),
        Metric("context-window", new MetricTiming(TemporalKind.Property)),
        Metric("market-share", new MetricTiming(TemporalKind.Stock)),
        Metric("revenue-run-rate", new MetricTiming(TemporalKind.Stock)),
        Metric("weekly-active-users", new MetricTiming(TemporalKind.Stock)),
        Metric("funding-raised", new MetricTiming(TemporalKind.Flow)),
        Metric("revenue", new MetricTiming(TemporalKind.Flow)),
    ];

    [Fact]
    public void Keeps_two_datasets_prices_side_by_side_when_they_differ()
    {
        var modelsDev = Price("models.dev", 2026, 7, 0.14m);
        var liteLlm = Price("LiteLLM", 2026, 7, 0.28m);

        var conflict = ConflictFinder.Find([modelsDev, liteLlm], Metrics).ShouldHaveSingleItem();

        conflict.EntityId.ShouldBe("deepseek-chat");
        conflict.MetricId.ShouldBe("price-input");
        conflict.Statements.Select(s => s.Source.Publisher).ShouldBe(["LiteLLM", "models.dev"], ignoreOrder: true);
    }

    [Fact]
    public void A_publishers_newer_figure_supersedes_its_own_older_one()
    {
        ConflictFinder.Find([Price("models.dev", 2026, 1, 0.27m), Price("models.dev", 2026, 7, 0.14m), Price("LiteLLM", 2026, 7, 0.14m)], Metrics).ShouldBeEmpty();
    }

    [Fact]
    public void Figures_within_their_stated_precision_agree()
    {
        var about = Fact("mixtral-8x7b", "parameters-total", Scope.Empty, Quantity.Of(47_000_000_000m, Unit.Parameters, Qualifier.About), "arXiv");
        var exact = Fact("mixtral-8x7b", "parameters-total", Scope.Empty, Quantity.Of(46_700_000_000m, Unit.Parameters), "Mistral AI");
        var wrong = Fact("mixtral-8x7b", "parameters-total", Scope.Empty, Quantity.Of(141_000_000_000m, Unit.Parameters), "Some blog");

        ConflictFinder.Find([about, exact], Metrics).ShouldBeEmpty();
        ConflictFinder.Find([about, exact, wrong], Metrics).ShouldHaveSingleItem().Statements.Count.ShouldBe(3);
    }

    [Fact]
    public void Different_scopes_are_different_measures()
    {
        var usage = Fact("openai", "market-share", Scope.Of([KeyValuePair.Create("basis", "usage")]), Quantity.Of(25m, Unit.Percent), "Menlo Ventures");
        var spend = Fact("openai", "market-share", Scope.Of([KeyValuePair.Create("basis", "spend")]), Quantity.Of(27m, Unit.Percent), "Other");

        ConflictFinder.Find([usage, spend], Metrics).ShouldBeEmpty();
    }

    [Fact]
    public void A_lower_bound_agrees_with_any_value_above_it()
    {
        var moreThan = Fact("anthropic", "revenue-run-rate", Scope.Empty, Quantity.Of(5_000_000_000m, Unit.Usd, Qualifier.MoreThan), "Anthropic");
        var value = Fact("anthropic", "revenue-run-rate", Scope.Empty, Quantity.Of(5_200_000_000m, Unit.Usd), "Reuters");
        var below = Fact("anthropic", "revenue-run-rate", Scope.Empty, Quantity.Of(4_000_000_000m, Unit.Usd), "Blog");

        ConflictFinder.Find([moreThan, value], Metrics).ShouldBeEmpty();
        ConflictFinder.Find([moreThan, below], Metrics).ShouldHaveSingleItem();
    }

    [Fact]
    public void Figures_for_different_times_are_a_history_not_a_dispute()
    {
        var early = Fact("chatgpt", "weekly-active-users", Scope.Empty, Quantity.Of(400_000_000m, Unit.Count), "Reuters", Period.Instant(new DateOnly(2025, 2, 20)));
        var later = Fact("chatgpt", "weekly-active-users", Scope.Empty, Quantity.Of(800_000_000m, Unit.Count), "OpenAI", Period.Instant(new DateOnly(2025, 10, 6)));
        var sameTime = Fact("chatgpt", "weekly-active-users", Scope.Empty, Quantity.Of(500_000_000m, Unit.Count), "CNBC", Period.Instant(new DateOnly(2025, 2, 24)));

        ConflictFinder.Find([early, later], Metrics).ShouldBeEmpty();
        ConflictFinder.Find([early, later, sameTime], Metrics).ShouldHaveSingleItem().Statements.Select(s => s.Source.Publisher).ShouldBe(["Reuters", "CNBC"], ignoreOrder: true);
    }

    [Fact]
    public void Amounts_in_different_currencies_are_not_called_a_conflict()
    {
        var dollars = Fact("baichuan", "funding-raised", Scope.Empty, Quantity.Of(300_000_000m, Unit.Usd), "Bamboo Works");
        var yuan = Fact("baichuan", "funding-raised", Scope.Empty, Quantity.Of(5_000_000_000m, Unit.Cny), "bg3");

        ConflictFinder.Find([dollars, yuan], Metrics).ShouldBeEmpty();
    }

    [Fact]
    public void Shares_of_successive_years_are_a_history_not_a_dispute()
    {
        var share2023 = Fact("anthropic", "market-share", Survey, Quantity.Of(12m, Unit.Percent), "Menlo Ventures", Period.Year(2023));
        var share2024 = Fact("anthropic", "market-share", Survey, Quantity.Of(24m, Unit.Percent), "Other survey", Period.Year(2024));

        ConflictFinder.Find([share2023, share2024], Metrics).ShouldBeEmpty();
    }

    [Fact]
    public void A_half_year_is_not_its_full_year()
    {
        var half = Fact("openai", "revenue", Scope.Empty, Quantity.Of(4_300_000_000m, Unit.Usd), "The Information", Period.Half(2025, 1));
        var year = Fact("openai", "revenue", Scope.Empty, Quantity.Of(13_000_000_000m, Unit.Usd), "Reuters", Period.Year(2025));
        var sameHalf = Fact("openai", "revenue", Scope.Empty, Quantity.Of(5_000_000_000m, Unit.Usd), "Blog", Period.Half(2025, 1));

        ConflictFinder.Find([half, year], Metrics).ShouldBeEmpty();
        ConflictFinder.Find([half, year, sameHalf], Metrics).ShouldHaveSingleItem().Statements.Select(s => s.Source.Publisher).ShouldBe(["The Information", "Blog"], ignoreOrder: true);
    }

    [Fact]
    public void A_monthly_series_does_not_chain_into_one_moment()
    {
        // A month apart each, and the last two months after the first: three moments, not one.
        var june = Fact("anthropic", "revenue-run-rate", Scope.Empty, Quantity.Of(4_000_000_000m, Unit.Usd), "Reuters", Period.Instant(new DateOnly(2025, 6, 1)));
        var july = Fact("anthropic", "revenue-run-rate", Scope.Empty, Quantity.Of(5_000_000_000m, Unit.Usd), "The Information", Period.Instant(new DateOnly(2025, 7, 1)));
        var august = Fact("anthropic", "revenue-run-rate", Scope.Empty, Quantity.Of(6_000_000_000m, Unit.Usd), "CNBC", Period.Instant(new DateOnly(2025, 7, 31)));

        ConflictFinder.Find([june, july, august], Metrics).ShouldBeEmpty();
    }

    [Fact]
    public void A_token_window_in_binary_and_decimal_multiples_is_one_size()
    {
        var binary = Fact("deepseek-chat", "context-window", Scope.Empty, Quantity.Of(65_536m, Unit.Tokens), "models.dev");
        var rounded = Fact("deepseek-chat", "context-window", Scope.Empty, Quantity.Of(64_000m, Unit.Tokens), "LiteLLM");
        var million = Fact("gemini-1-5-pro", "context-window", Scope.Empty, Quantity.Of(1_048_576m, Unit.Tokens), "models.dev");
        var millionRounded = Fact("gemini-1-5-pro", "context-window", Scope.Empty, Quantity.Of(1_000_000m, Unit.Tokens), "LiteLLM");
        var other = Fact("deepseek-chat", "context-window", Scope.Empty, Quantity.Of(128_000m, Unit.Tokens), "Blog");

        ConflictFinder.Find([binary, rounded, million, millionRounded], Metrics).ShouldBeEmpty();
        ConflictFinder.Find([binary, rounded, other], Metrics).ShouldHaveSingleItem();
    }

    private static readonly Scope Survey = Scope.Of([KeyValuePair.Create("basis", "usage"), KeyValuePair.Create("market", "enterprise-llm-api")]);

    private static Metric Metric(string id, MetricTiming timing) =>
        new(id, new LocalizedName(id, null), Dimension.Count, [], Timing: timing);

    private static Statement Price(string publisher, int year, int month, decimal usd)
    {
        var day = new DateOnly(year, month, 1);
        var source = new Source($"{publisher}-{day:yyyyMM}", publisher, "snapshot", new Uri("https://example.org/" + publisher), day, SourceKind.Secondary);
        return new Statement(
            new Fact("deepseek-chat", "price-input", DeepSeek, Period.Instant(day), FactValue.Of(Quantity.Of(usd, Unit.UsdPerMillionTokens)), Obtained.Reported, source.Id, null),
            source);
    }

    private static Statement Fact(string entity, string metric, Scope scope, Quantity value, string publisher, Period? period = null)
    {
        var source = new Source(publisher.ToLowerInvariant().Replace(' ', '-'), publisher, "page", new Uri("https://example.org/"), new DateOnly(2025, 1, 1), SourceKind.Primary);
        return new Statement(new Fact(entity, metric, scope, period ?? Period.Year(2025), FactValue.Of(value), Obtained.Reported, source.Id, null), source);
    }
}
