using System.Globalization;
using Almanac.Periods;
using Almanac.Quantities;
using Almanac.Text;

namespace Almanac.Web.Infrastructure;

/// <summary>
/// Reads query parameters that arrive as text and collects every problem, each naming the
/// parameter and what was expected, for one 400 ValidationProblem.
/// </summary>
internal sealed class QueryReader
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public IDictionary<string, string[]> Errors => _errors;

    public void Fail(string parameter, string message) =>
        _errors[parameter] = _errors.TryGetValue(parameter, out var existing) ? [.. existing, message] : [message];

    public DateOnly? Date(string parameter, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Fail(parameter, $"'{text}' is not a date; expected YYYY-MM-DD");
        return null;
    }

    public bool? Bool(string parameter, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Fail(parameter, $"'{text}' is not a truth value; expected true or false");
        return null;
    }

    public decimal? Decimal(string parameter, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        Fail(parameter, $"'{text}' is not a number; expected e.g. 3 or 0.5");
        return null;
    }

    public Period? Period(string parameter, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (PeriodInput.TryParse(text, out var period))
        {
            return period;
        }

        Fail(parameter, $"cannot read period '{text}'; expected e.g. 2025, 2025-H1, 2025-Q3, 2025-08, 2025年上半年, Q3 2025");
        return null;
    }

    /// <summary>A token count such as <c>128000</c>, <c>128K</c> or <c>1M</c>.</summary>
    public decimal? TokenCount(string parameter, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parsed = QuantityParser.Parse(text);
        if (parsed.IsSuccess && parsed.Value.Quantity.Unit.Dimension is Dimension.Count or Dimension.Tokens && !parsed.Value.Quantity.IsRange)
        {
            return parsed.Value.Quantity.Value;
        }

        Fail(parameter, $"'{text}' is not a token count; expected e.g. 128000, 128K or 1M");
        return null;
    }

    public Language Language(string parameter, string? text)
    {
        switch (text)
        {
            case null or "" or "en":
                return Text.Language.En;
            case "zh":
                return Text.Language.Zh;
            default:
                Fail(parameter, $"unknown language '{text}'; expected en or zh");
                return Text.Language.En;
        }
    }

    /// <summary>One of <paramref name="allowed"/>; the first when not given.</summary>
    public string OneOf(string parameter, string? text, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrEmpty(text))
        {
            return allowed[0];
        }

        if (allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        Fail(parameter, $"unknown value '{text}'; expected one of {string.Join(", ", allowed)}");
        return allowed[0];
    }

    public PageRequest Page(string? page, string? pageSize)
    {
        var number = Positive("page", page, 1, int.MaxValue, "a whole number from 1");
        var size = Positive("pageSize", pageSize, PageRequest.DefaultPageSize, PageRequest.MaxPageSize, $"a whole number from 1 to {PageRequest.MaxPageSize}");
        return new PageRequest(number, size);
    }

    private int Positive(string parameter, string? text, int fallback, int max, string expected)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max)
        {
            return value;
        }

        Fail(parameter, $"'{text}' is out of range; expected {expected}");
        return fallback;
    }
}
