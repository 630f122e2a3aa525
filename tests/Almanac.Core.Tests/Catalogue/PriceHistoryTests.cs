using Almanac.Catalogue;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Tests.Catalogue;

/// <summary><see cref="PriceHistory"/> over hand-made snapshots: when a price starts, ends, and what is in force.</summary>
public class PriceHistoryTests
{
    private static readonly Scope Reseller = Scope.Of([KeyValuePair.Create("provider", "openrouter"), KeyValuePair.Create("offering", "reseller")]);

    private static Source Snapshot(string day) =>
        new($"openrouter-{day}", "OpenRouter (openrouter.ai)", $"OpenRouter models, snapshot {day}", new Uri("https://openrouter.ai/api/v1/models"),
            DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), SourceKind.Secondary);

    private static CatalogueFact Price(string model, string metric, decimal value, Source snapshot, Scope? scope = null, string? dataset = "openrouter") =>
        new(new Fact(model, metric, scope ?? Reseller, Period.Instant(snapshot.Published), FactValue.Of(Quantity.Of(value, Unit.UsdPerMillionTokens)), Obtained.Reported, snapshot.Id, null),
            snapshot, dataset);

    private static readonly Source January = Snapshot("2025-01-01");
    private static readonly Source February = Snapshot("2025-02-01");
    private static readonly Source March = Snapshot("2025-03-01");
    private static readonly Source April = Snapshot("2025-04-01");

    [Fact]
    public void A_price_holds_until_the_first_snapshot_showing_another()
    {
        var history = PriceHistory.Build(
        [
            Price("m", "price-input", 3, January), Price("m", "price-output", 15, January),
            Price("m", "price-input", 3.000m, February), Price("m", "price-output", 15, February),
            Price("m", "price-input", 1, March), Price("m", "price-output", 5, March),
        ]);

        var periods = history.Of("m");
        periods.Count.ShouldBe(2);
        periods[0].From.ShouldBe(January.Published);
        periods[0].To.ShouldBe(March.Published);
        periods[0].Input.ShouldBe([3m]);
        periods[0].Output.ShouldBe([15m]);
        periods[0].FirstSource.ShouldBe(January);
        periods[0].LastSource.ShouldBe(February);
        periods[1].From.ShouldBe(March.Published);
        periods[1].To.ShouldBeNull();
        periods[1].Input.ShouldBe([1m]);
    }

    [Fact]
    public void A_snapshot_that_no_longer_lists_the_model_ends_its_price()
    {
        // Another model keeps February in the dataset's snapshots.
        var history = PriceHistory.Build(
        [
            Price("m", "price-input", 3, January), Price("other", "price-input", 1, February), Price("m", "price-input", 3, March),
        ]);

        var periods = history.Of("m");
        periods.Select(p => (p.From, p.To)).ShouldBe([(January.Published, (DateOnly?)February.Published), (March.Published, null)]);
        history.InForce("m", new DateOnly(2025, 2, 15)).ShouldBeEmpty();
        history.InForce("m", new DateOnly(2025, 1, 31)).Single().Input.ShouldBe([3m]);
    }

    [Fact]
    public void The_price_in_force_on_a_day_is_the_latest_snapshot_on_or_before_it()
    {
        var history = PriceHistory.Build([Price("m", "price-input", 3, January), Price("m", "price-input", 2, March), Price("x", "price-input", 9, April)]);

        history.InForce("m", new DateOnly(2024, 12, 31)).ShouldBeEmpty();
        history.InForce("m", new DateOnly(2025, 2, 28)).Single().Input.ShouldBe([3m]);
        history.InForce("m", March.Published).Single().Input.ShouldBe([2m]);
        history.InForce("m", new DateOnly(2025, 3, 31)).Single().Input.ShouldBe([2m]);
        history.InForce("m", April.Published).ShouldBeEmpty();
    }

    [Fact]
    public void Offerings_and_datasets_are_histories_of_their_own()
    {
        var beta = Scope.Of([.. Reseller.Values, KeyValuePair.Create("variant", "beta")]);
        var history = PriceHistory.Build(
        [
            Price("m", "price-input", 3, January), Price("m", "price-input", 4, January, beta),
            Price("m", "price-input", 3, February), Price("m", "price-input", 5, February, beta),
            Price("m", "price-input", 2.5m, January, dataset: "litellm"),
        ]);

        history.Of("m").Count.ShouldBe(4);
        history.Of("m").Where(p => p.Scope.Equals(Reseller) && p.Dataset == "openrouter").Single().To.ShouldBeNull();
        history.Of("m").Where(p => p.Scope.Equals(beta)).Select(p => p.Input[0]).ShouldBe([4m, 5m]);
        history.Snapshots["litellm"].Count.ShouldBe(1);
    }

    [Fact]
    public void Curated_facts_are_no_snapshots()
    {
        var history = PriceHistory.Build([Price("m", "price-input", 3, January, dataset: null)]);
        history.Of("m").ShouldBeEmpty();
        history.Snapshots.ShouldBeEmpty();
    }

    [Fact]
    public void Two_prices_under_one_offering_are_both_in_force_until_either_changes()
    {
        var history = PriceHistory.Build(
        [
            Price("m", "price-input", 5, January), Price("m", "price-input", 2.5m, January),
            Price("m", "price-input", 5, February), Price("m", "price-input", 2.5m, February),
            Price("m", "price-input", 2.5m, March),
        ]);

        var periods = history.Of("m");
        periods[0].Input.ShouldBe([2.5m, 5m]);
        periods[0].To.ShouldBe(March.Published);
        periods[1].Input.ShouldBe([2.5m]);
    }
}
