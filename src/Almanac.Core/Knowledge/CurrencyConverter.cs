using Almanac.Periods;
using Almanac.Quantities;
using System.Diagnostics.CodeAnalysis;

namespace Almanac.Knowledge;

/// <summary>A converted amount and the sourced exchange-rate fact it was converted with.</summary>
/// <param name="Rate">The <c>exchange-rate</c> fact used, whose source is the conversion's source; null when no conversion was needed.</param>
public sealed record Conversion(Quantity Amount, Fact? Rate);

/// <summary>
/// Converts between currencies only through dated, sourced exchange-rate facts: CNY is not USD
/// until such a fact says how many yuan a dollar was worth, when.
/// </summary>
public sealed class CurrencyConverter
{
    private readonly IReadOnlyList<(Fact Fact, string Per, string Of, decimal Rate)> _rates;

    /// <param name="facts">Any facts; those of metric <c>exchange-rate</c> with a unit such as <c>CNY/USD</c> are used.</param>
    public CurrencyConverter(IEnumerable<Fact> facts)
    {
        _rates = facts
            .Where(f => f.MetricId == "exchange-rate" && f.Value.Quantity is { IsRange: false, Unit.Dimension: Dimension.ExchangeRate })
            .Select(f => (Fact: f, Parts: f.Value.Quantity!.Value.Unit.Code.Split('/'), Rate: f.Value.Quantity!.Value.Value))
            .Where(x => x.Parts.Length == 2 && x.Rate > 0)
            .Select(x => (x.Fact, Per: x.Parts[0], Of: x.Parts[1], x.Rate))
            .ToList();
    }

    /// <summary>
    /// Converts <paramref name="amount"/> into <paramref name="currency"/> with the rate for
    /// <paramref name="when"/>: a rate of that very period, else one whose period covers its middle,
    /// else the latest earlier one. Returns false, with the reason, when no such fact exists.
    /// </summary>
    public bool TryConvert(Quantity amount, string currency, Period when, [NotNullWhen(true)] out Conversion? conversion, [NotNullWhen(false)] out string? reason)
    {
        conversion = null;
        var from = amount.Unit.Currency;
        if (from is null || amount.Unit.Dimension != Dimension.Currency)
        {
            reason = $"{amount.Unit.Code} is not a currency";
            return false;
        }

        if (Unit.ForCurrency(currency) is not { } target)
        {
            reason = $"unknown currency '{currency}'";
            return false;
        }

        if (from == currency)
        {
            conversion = new Conversion(amount, null);
            reason = null;
            return true;
        }

        // A rate quoted either way round serves: CNY/USD 7.08 converts yuan to dollars by dividing.
        var candidates = _rates
            .Where(r => (r.Per == from && r.Of == currency) || (r.Per == currency && r.Of == from))
            .ToList();
        var middle = when.Start.AddDays((when.End.DayNumber - when.Start.DayNumber) / 2);
        var chosen = candidates.Where(r => r.Fact.Period == when).Cast<(Fact Fact, string Per, string Of, decimal Rate)?>().FirstOrDefault()
            ?? candidates.Where(r => r.Fact.Period.Start <= middle && middle <= r.Fact.Period.End).Cast<(Fact Fact, string Per, string Of, decimal Rate)?>().FirstOrDefault()
            ?? candidates.Where(r => r.Fact.Period.End < when.Start).OrderByDescending(r => r.Fact.Period.End).Cast<(Fact Fact, string Per, string Of, decimal Rate)?>().FirstOrDefault();
        if (chosen is not { } rate)
        {
            reason = $"no exchange-rate fact between {from} and {currency} for {when} or before it";
            return false;
        }

        decimal Apply(decimal value) => rate.Per == from ? value / rate.Rate : value * rate.Rate;
        var converted = amount.IsRange
            ? Quantity.Range(Apply(amount.Value), Apply(amount.High!.Value), target, amount.Qualifier)
            : Quantity.Of(Apply(amount.Value), target, amount.Qualifier);
        conversion = new Conversion(converted, rate.Fact);
        reason = null;
        return true;
    }
}
