using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Tests.Knowledge;

public sealed class ConflictFinderTests
{
    private static readonly Scope DeepSeek = Scope.Of([KeyValuePair.Create("provider", "deepseek")]);

    [Fact]
    public void Keeps_two_datasets_prices_side_by_side_when_they_differ()
    {
        var modelsDev = Price("models.dev", 2026, 7, 0.14m);
        var liteLlm = Price("LiteLLM", 2026, 7, 0.28m);

        var conflict = ConflictFinder.Find([modelsDev, liteLlm]).ShouldHaveSingleItem();

        conflict.EntityId.ShouldBe("deepseek-chat");
        conflict.MetricId.ShouldBe("price-input");
        conflict.Statements.Select(s => s.Source.Publisher).ShouldBe(["LiteLLM", "models.dev"], ignoreOrder: true);
    }

    [Fact]
    public void A_publishers_newer_figure_supersedes_its_own_older_one()
    {
        ConflictFinder.Find([Price("models.dev", 2026, 1, 0.27m), Price("models.dev", 2026, 7, 0.14m), Price("LiteLLM", 2026, 7, 0.14m)]).ShouldBeEmpty();
    }

    [Fact]
    public void Figures_within_their_stated_precision_agree()
    {
        var about = Fact("mixtral-8x7b", "parameters-total", Scope.Empty, Quantity.Of(47_000_000_000m, Unit.Parameters, Qualifier.About), "arXiv");
        var exact = Fact("mixtral-8x7b", "parameters-total", Scope.Empty, Quantity.Of(46_700_000_000m, Unit.Parameters), "Mistral AI");
        var wrong = Fact("mixtral-8x7b", "parameters-total", Scope.Empty, Quantity.Of(141_000_000_000m, Unit.Parameters), "Some blog");

        ConflictFinder.Find([about, exact]).ShouldBeEmpty();
        ConflictFinder.Find([about, exact, wrong]).ShouldHaveSingleItem().Statements.Count.ShouldBe(3);
    }

    [Fact]
    public void Different_scopes_are_different_measures()
    {
        var usage = Fact("openai", "market-share", Scope.Of([KeyValuePair.Create("basis", "usage")]), Quantity.Of(25m, Unit.Percent), "Menlo Ventures");
        var spend = Fact("openai", "market-share", Scope.Of([KeyValuePair.Create("basis", "spend")]), Quantity.Of(27m, Unit.Percent), "Other");

        ConflictFinder.Find([usage, spend]).ShouldBeEmpty();
    }

    [Fact]
    public void A_lower_bound_agrees_with_any_value_above_it()
    {
        var moreThan = Fact("anthropic", "revenue-run-rate", Scope.Empty, Quantity.Of(5_000_000_000m, Unit.Usd, Qualifier.MoreThan), "Anthropic");
        var value = Fact("anthropic", "revenue-run-rate", Scope.Empty, Quantity.Of(5_200_000_000m, Unit.Usd), "Reuters");
        var below = Fact("anthropic", "revenue-run-rate", Scope.Empty, Quantity.Of(4_000_000_000m, Unit.Usd), "Blog");

        ConflictFinder.Find([moreThan, value]).ShouldBeEmpty();
        ConflictFinder.Find([moreThan, below]).ShouldHaveSingleItem();
    }

    [Fact]
    public void Figures_for_different_times_are_a_history_not_a_dispute()
    {
        var early = Fact("chatgpt", "weekly-active-users", Scope.Empty, Quantity.Of(400_000_000m, Unit.Count), "Reuters", Period.Instant(new DateOnly(2025, 2, 20)));
        var later = Fact("chatgpt", "weekly-active-users", Scope.Empty, Quantity.Of(800_000_000m, Unit.Count), "OpenAI", Period.Instant(new DateOnly(2025, 10, 6)));
        var sameTime = Fact("chatgpt", "weekly-active-users", Scope.Empty, Quantity.Of(500_000_000m, Unit.Count), "CNBC", Period.Instant(new DateOnly(2025, 2, 28)));

        ConflictFinder.Find([early, later]).ShouldBeEmpty();
        ConflictFinder.Find([early, later, sameTime]).ShouldHaveSingleItem().Statements.Select(s => s.Source.Publisher).ShouldBe(["Reuters", "CNBC"], ignoreOrder: true);
    }

    [Fact]
    public void Amounts_in_different_currencies_are_not_called_a_conflict()
    {
        var dollars = Fact("baichuan", "funding-raised", Scope.Empty, Quantity.Of(300_000_000m, Unit.Usd), "Bamboo Works");
        var yuan = Fact("baichuan", "funding-raised", Scope.Empty, Quantity.Of(5_000_000_000m, Unit.Cny), "bg3");

        ConflictFinder.Find([dollars, yuan]).ShouldBeEmpty();
    }

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
