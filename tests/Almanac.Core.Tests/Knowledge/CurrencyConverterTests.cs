using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Tests.Knowledge;

public sealed class CurrencyConverterTests
{
    private static readonly Fact Yuan2023 = Rate("usd-cny", Period.Year(2023), 7.0809m, Unit.CnyPerUsd);
    private static readonly Fact Yuan2022 = Rate("usd-cny", Period.Year(2022), 6.7290m, Unit.CnyPerUsd);
    private static readonly Fact Euro2023 = Rate("eur-usd", Period.Year(2023), 1.0817m, Unit.UsdPerEur);

    private readonly CurrencyConverter _converter = new([Yuan2022, Yuan2023, Euro2023]);

    [Fact]
    public void Converts_yuan_to_dollars_with_the_rate_of_the_same_year()
    {
        _converter.TryConvert(Quantity.Of(147_0000_0000m, Unit.Cny), "USD", Period.Year(2023), out var conversion, out _).ShouldBeTrue();

        conversion.Rate.ShouldBe(Yuan2023);
        conversion.Amount.Unit.ShouldBe(Unit.Usd);
        conversion.Amount.Value.ShouldBe(147_0000_0000m / 7.0809m);
    }

    [Fact]
    public void Uses_a_rate_quoted_the_other_way_round()
    {
        _converter.TryConvert(Quantity.Of(1_000m, Unit.Usd), "CNY", Period.Year(2022), out var conversion, out _).ShouldBeTrue();

        conversion.Amount.ShouldBe(Quantity.Of(6_729m, Unit.Cny));
        conversion.Rate.ShouldBe(Yuan2022);
    }

    [Fact]
    public void Converts_euros_with_a_dollars_per_euro_rate_keeping_range_and_qualifier()
    {
        _converter.TryConvert(Quantity.Range(10m, 20m, Unit.Eur, Qualifier.About), "USD", Period.Half(2023, 2), out var conversion, out _).ShouldBeTrue();

        conversion.Amount.ShouldBe(Quantity.Range(10.817m, 21.634m, Unit.Usd, Qualifier.About));
    }

    [Fact]
    public void Falls_back_to_the_latest_earlier_rate()
    {
        _converter.TryConvert(Quantity.Of(7.0809m, Unit.Cny), "USD", Period.Year(2025), out var conversion, out _).ShouldBeTrue();

        conversion.Rate.ShouldBe(Yuan2023);
        conversion.Amount.Value.ShouldBe(1m);
    }

    [Fact]
    public void Refuses_without_a_dated_rate()
    {
        _converter.TryConvert(Quantity.Of(1m, Unit.Cny), "USD", Period.Year(2021), out _, out var reason).ShouldBeFalse();
        reason.ShouldBe("no exchange-rate fact between CNY and USD for 2021 or before it");

        _converter.TryConvert(Quantity.Of(1m, Unit.Cny), "EUR", Period.Year(2023), out _, out reason).ShouldBeFalse();
        reason.ShouldStartWith("no exchange-rate fact between CNY and EUR");
    }

    [Fact]
    public void Refuses_what_is_not_money()
    {
        _converter.TryConvert(Quantity.Of(1m, Unit.Tokens), "USD", Period.Year(2023), out _, out var reason).ShouldBeFalse();
        reason.ShouldBe("tokens is not a currency");
    }

    [Fact]
    public void Needs_no_rate_for_the_same_currency()
    {
        new CurrencyConverter([]).TryConvert(Quantity.Of(5m, Unit.Usd), "USD", Period.Year(2023), out var conversion, out _).ShouldBeTrue();
        conversion.Rate.ShouldBeNull();
    }

    private static Fact Rate(string pair, Period period, decimal value, Unit unit) =>
        new(pair, "exchange-rate", Scope.Empty, period, FactValue.Of(Quantity.Of(value, unit)), Obtained.Reported, "fed-g5a", "rate");
}
