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

    public decimal? Decimal(string parameter, string? text) => Value<UsdPerMillionTokens>(parameter, text)?.Value;

    public Period? Period(string parameter, string? text) => Value<PeriodText>(parameter, text)?.Value;

    public decimal? TokenCount(string parameter, string? text) => Value<TokenCount>(parameter, text)?.Value;

    /// <summary>A value of a query value type, read as the binder reads it.</summary>
    public T? Value<T>(string parameter, string? text)
        where T : struct, IQueryValue<T>
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (T.TryParse(text, out var value))
        {
            return value;
        }

        Fail(parameter, T.Problem(text));
        return null;
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
        var number = Whole("page", page, 1, int.MaxValue) ?? 1;
        var size = Whole("pageSize", pageSize, 1, PageRequest.MaxPageSize) ?? PageRequest.DefaultPageSize;
        return new PageRequest(number, size);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, written in digits only.</summary>
    public int? Whole(string parameter, string? text, int min, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (WholeNumber.TryParse(text, min, max, out var value))
        {
            return value;
        }

        Fail(parameter, WholeNumber.Problem(text, min, max));
        return null;
    }
}
