using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Almanac.Cli.Commands;

/// <summary>
/// Numeric options that say in words what they expect and hold their bounds at parse time, so
/// "--limit abc" and "--limit -1" are both a bad command line (exit 2) with a message a user can
/// act on, not a .NET type name or a silent empty answer.
/// </summary>
internal static class NumberOptions
{
    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>; absent means null.</summary>
    public static Option<int?> Whole(string name, string description, int minimum, int maximum = int.MaxValue) =>
        new(name) { Description = description, CustomParser = result => ParseWhole(result, name, minimum, maximum) };

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/> with a default.</summary>
    public static Option<int> Whole(string name, string? alias, string description, int defaultValue, int minimum, int maximum = int.MaxValue)
    {
        var option = alias is null ? new Option<int>(name) : new Option<int>(name, alias);
        option.Description = description;
        option.DefaultValueFactory = _ => defaultValue;
        option.CustomParser = result => ParseWhole(result, name, minimum, maximum) ?? defaultValue;
        return option;
    }

    /// <summary>A decimal number at least <paramref name="minimum"/>; absent means null.</summary>
    public static Option<decimal?> Decimal(string name, string description, decimal minimum) =>
        new(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var token = Token(result);
                if (!decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    result.AddError($"{name} expects a number, got '{token}'");
                    return null;
                }

                if (value < minimum)
                {
                    result.AddError($"{name} expects a number of at least {minimum.ToString(CultureInfo.InvariantCulture)}, got {token}");
                    return null;
                }

                return value;
            },
        };

    /// <summary>A real number from <paramref name="minimum"/> to <paramref name="maximum"/> with a default.</summary>
    public static Option<double> Real(string name, string description, double defaultValue, double minimum, double maximum)
    {
        var option = new Option<double>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.CustomParser = result =>
        {
            var token = Token(result);
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                result.AddError($"{name} expects a number, got '{token}'");
                return defaultValue;
            }

            if (value < minimum || value > maximum)
            {
                result.AddError($"{name} expects a number from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}, got {token}");
                return defaultValue;
            }

            return value;
        };
        return option;
    }

    private static int? ParseWhole(ArgumentResult result, string name, int minimum, int maximum)
    {
        var token = Token(result);
        var whole = int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value);
        if (!whole && !decimal.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            result.AddError($"{name} expects a whole number{Bounds(minimum, maximum)}, got '{token}'");
            return null;
        }

        // A whole number too large to hold is out of the option's bounds like any other.
        if (!whole || value < minimum || value > maximum)
        {
            result.AddError($"{name} expects a whole number{Bounds(minimum, maximum)}, got {token}");
            return null;
        }

        return value;
    }

    private static string Bounds(int minimum, int maximum) => maximum == int.MaxValue
        ? $" of at least {minimum.ToString("N0", CultureInfo.InvariantCulture)}"
        : $" from {minimum.ToString("N0", CultureInfo.InvariantCulture)} to {maximum.ToString("N0", CultureInfo.InvariantCulture)}";

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
}
