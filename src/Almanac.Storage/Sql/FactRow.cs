using System.Globalization;
using Almanac.Knowledge;
using Almanac.Quantities;

namespace Almanac.Storage.Sql;

/// <summary>How a <see cref="FactValue"/> is kept in text columns, exactly and portably.</summary>
internal readonly record struct FactRow(string Kind, string Value, string? High, string Unit, string Qualifier)
{
    public static FactRow From(Fact fact)
    {
        var value = fact.Value;
        if (value.Quantity is { } q)
        {
            return new("quantity", Text(q.Value), q.High is { } h ? Text(h) : null, q.Unit.Code, q.Qualifier.ToCode());
        }

        return value.Date is { } date
            ? new("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, "date", "exact")
            : new("text", value.Text ?? string.Empty, null, "text", "exact");
    }

    public FactValue ToValue()
    {
        switch (Kind)
        {
            case "date":
                return FactValue.Of(DateOnly.ParseExact(Value, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            case "text":
                return FactValue.Of(Value);
        }

        if (!Quantities.Unit.TryFromCode(Unit, out var unit))
        {
            throw new StoreException($"stored fact has unknown unit '{Unit}'");
        }

        if (!QualifierCodes.TryParse(Qualifier, out var qualifier))
        {
            throw new StoreException($"stored fact has unknown qualifier '{Qualifier}'");
        }

        var low = decimal.Parse(Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return High is null
            ? FactValue.Of(Quantity.Of(low, unit.Value, qualifier))
            : FactValue.Of(Quantity.Range(low, decimal.Parse(High, NumberStyles.Float, CultureInfo.InvariantCulture), unit.Value, qualifier));
    }

    private static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
