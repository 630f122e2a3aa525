using System.Globalization;
using Almanac.Quantities;

namespace Almanac.Knowledge;

/// <summary>What a fact states: a quantity, a date (release dates) or a text (licences).</summary>
public readonly record struct FactValue
{
    private FactValue(Quantity? quantity, DateOnly? date, string? text)
    {
        Quantity = quantity;
        Date = date;
        Text = text;
    }

    public Quantity? Quantity { get; }

    public DateOnly? Date { get; }

    public string? Text { get; }

    public static FactValue Of(Quantity quantity) => new(quantity, null, null);

    public static FactValue Of(DateOnly date) => new(null, date, null);

    public static FactValue Of(string text) => new(null, null, text);

    /// <summary>The unit: the quantity's, or <c>date</c> / <c>text</c>.</summary>
    public Unit Unit => Quantity?.Unit ?? (Date is not null ? Unit.Date : Unit.Text);

    public override string ToString() =>
        Quantity?.ToString() ?? Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Text ?? string.Empty;
}
