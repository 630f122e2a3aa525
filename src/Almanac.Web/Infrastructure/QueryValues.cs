using System.Globalization;
using System.Text.Json.Nodes;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;
using Almanac.Text;
using Almanac.Usage.Analyses;
using Microsoft.OpenApi;

namespace Almanac.Web.Infrastructure;

/// <summary>
/// A query parameter's value type: the binder reads it with <see cref="TryParse"/>, and
/// <see cref="QueryValidation"/> reads it with the same method first, so a bad value is a 400
/// naming the parameter with <see cref="Problem"/> rather than the binder's bare 400.
/// </summary>
public interface IQueryValue<TSelf>
    where TSelf : IQueryValue<TSelf>
{
    static abstract bool TryParse(string? text, out TSelf value);

    /// <summary>What is said about <paramref name="text"/> when it is not a value of this type.</summary>
    static abstract string Problem(string text);

    /// <summary>Writes what the type accepts into the parameter's schema in <c>docs/openapi.json</c>.</summary>
    static abstract void Describe(OpenApiSchema schema);
}

/// <summary>How a list answers: JSON, or CSV for a spreadsheet.</summary>
public enum AnswerFormat
{
    Json,
    Csv,
}

/// <summary>The orders of the model catalogue (<c>almanac models --sort</c>).</summary>
public enum ModelSort
{
    Release,
    Name,
    Context,
    Price,
    Parameters,
}

/// <summary>The language a note is read in; auto tells from the note itself.</summary>
public enum NoteLanguage
{
    Auto,
    Zh,
    En,
}

/// <summary>The bases an adoption share can be measured on (the spend bases of a share need list prices per event).</summary>
public enum AdoptionBasis
{
    Tokens,
    Requests,
    Spend,
}

/// <summary>
/// The words the API accepts for each enumeration a query parameter takes, in the order the
/// documentation lists them; the handler names its default.
/// </summary>
public static class QueryCodes
{
    private static readonly Dictionary<Type, object> Tables = new()
    {
        [typeof(AnswerFormat)] = Words<AnswerFormat>("json", "csv"),
        [typeof(Language)] = Words<Language>("en", "zh"),
        [typeof(NoteLanguage)] = Words<NoteLanguage>("auto", "zh", "en"),
        [typeof(ModelSort)] = Words<ModelSort>([.. Catalogue.CatalogueOrder.Sorts]),
        [typeof(EntityKind)] = new CodeTable<EntityKind>([.. Enum.GetValues<EntityKind>().Select(k => (k, k.ToCode()))]),
        [typeof(SourceKind)] = Words<SourceKind>("primary", "secondary"),
        [typeof(ShareDimension)] = Words<ShareDimension>("developer", "provider", "model"),
        [typeof(ShareBasis)] = Words<ShareBasis>("tokens", "requests", "spend", "spendlogged", "spendlisted"),
        [typeof(AdoptionBasis)] = Words<AdoptionBasis>("tokens", "requests", "spend"),
        [typeof(UsagePeriod)] = Words<UsagePeriod>("month", "week", "day"),
        [typeof(CostDimension)] = Words<CostDimension>("model", "team", "user", "tag", "app"),
        [typeof(SwitchingSubject)] = Words<SwitchingSubject>("user", "app", "team"),
    };

    public static CodeTable<TEnum> Table<TEnum>()
        where TEnum : struct, Enum =>
        Tables.TryGetValue(typeof(TEnum), out var table)
            ? (CodeTable<TEnum>)table
            : throw new InvalidOperationException($"no query words for {typeof(TEnum).Name}: add them to {nameof(QueryCodes)}");

    // Each word is the member's name in lower case, so a renamed member fails at start-up, not on a request.
    private static CodeTable<TEnum> Words<TEnum>(params string[] words)
        where TEnum : struct, Enum =>
        new([.. words.Select(w => (Enum.Parse<TEnum>(w, ignoreCase: true), w))]);
}

/// <summary>One of the words of <see cref="QueryCodes"/> for <typeparamref name="TEnum"/>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The binder reads a parameter with a static TryParse of the parameter's own type.")]
public readonly record struct Code<TEnum>(TEnum Value) : IQueryValue<Code<TEnum>>
    where TEnum : struct, Enum
{
    public static bool TryParse(string? text, out Code<TEnum> value)
    {
        var found = QueryCodes.Table<TEnum>().TryParse(text ?? string.Empty, out var parsed);
        value = new Code<TEnum>(parsed);
        return found;
    }

    public static string Problem(string text) => $"unknown value '{text}'; expected one of {string.Join(", ", QueryCodes.Table<TEnum>().All)}";

    public static void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Enum = [.. QueryCodes.Table<TEnum>().All.Select(w => (JsonNode)JsonValue.Create(w))];
    }

    public override string ToString() => QueryCodes.Table<TEnum>().ToCode(Value);
}

/// <summary>A period as people write it: 2025, 2025-H1, 2025-Q3, 2025-08, 2025年上半年, Q3 2025.</summary>
public readonly record struct PeriodText(Period Value) : IQueryValue<PeriodText>
{
    public static bool TryParse(string? text, out PeriodText value)
    {
        var found = PeriodInput.TryParse(text ?? string.Empty, out var period);
        value = new PeriodText(period);
        return found;
    }

    public static string Problem(string text) => $"cannot read period '{text}'; expected e.g. 2025, 2025-H1, 2025-Q3, 2025-08, 2025年上半年, Q3 2025";

    public static void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Description = "a period: 2025, 2025-H1, 2025-Q3, 2025-08, 2025年上半年 or Q3 2025";
        schema.Example = JsonValue.Create("2025-H1");
    }
}

/// <summary>A token count such as <c>128000</c>, <c>128K</c> or <c>1M</c>.</summary>
public readonly record struct TokenCount(decimal Value) : IQueryValue<TokenCount>
{
    public static bool TryParse(string? text, out TokenCount value)
    {
        value = default;
        var parsed = QuantityParser.Parse(text ?? string.Empty);
        if (parsed.IsSuccess && parsed.Value.Quantity.Unit.Dimension is Dimension.Count or Dimension.Tokens && !parsed.Value.Quantity.IsRange)
        {
            value = new TokenCount(parsed.Value.Quantity.Value);
            return true;
        }

        return false;
    }

    public static string Problem(string text) => $"'{text}' is not a token count; expected e.g. 128000, 128K or 1M";

    public static void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Description = "a token count: 128000, 128K or 1M";
        schema.Example = JsonValue.Create("128K");
    }
}

/// <summary>Whole numbers within bounds, written in digits only: what each bounded count below accepts and says.</summary>
internal static class WholeNumber
{
    public static bool TryParse(string? text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    public static string Problem(string text, int min, int max) =>
        $"'{text}' is out of range; expected {(max == int.MaxValue ? $"a whole number from {min}" : $"a whole number from {min} to {max}")}";

    public static void Describe(OpenApiSchema schema, int min, int max)
    {
        schema.Type = JsonSchemaType.Integer;
        schema.Format = "int32";
        schema.Pattern = null;
        schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = max == int.MaxValue ? null : max.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>A page of a list, from 1.</summary>
public readonly record struct PageNumber(int Value) : IQueryValue<PageNumber>
{
    public static bool TryParse(string? text, out PageNumber value) => (value = WholeNumber.TryParse(text, 1, int.MaxValue, out var n) ? new(n) : default) != default;

    public static string Problem(string text) => WholeNumber.Problem(text, 1, int.MaxValue);

    public static void Describe(OpenApiSchema schema) => WholeNumber.Describe(schema, 1, int.MaxValue);
}

/// <summary>How many items a page holds, from 1 to <see cref="PageRequest.MaxPageSize"/>.</summary>
public readonly record struct PageSize(int Value) : IQueryValue<PageSize>
{
    public static bool TryParse(string? text, out PageSize value) => (value = WholeNumber.TryParse(text, 1, PageRequest.MaxPageSize, out var n) ? new(n) : default) != default;

    public static string Problem(string text) => WholeNumber.Problem(text, 1, PageRequest.MaxPageSize);

    public static void Describe(OpenApiSchema schema) => WholeNumber.Describe(schema, 1, PageRequest.MaxPageSize);
}

/// <summary>How many rows a leaderboard lists, from 1 to <see cref="Api.MarketViewsApi.MaxTop"/>.</summary>
public readonly record struct LeaderboardTop(int Value) : IQueryValue<LeaderboardTop>
{
    public static bool TryParse(string? text, out LeaderboardTop value) => (value = WholeNumber.TryParse(text, 1, Api.MarketViewsApi.MaxTop, out var n) ? new(n) : default) != default;

    public static string Problem(string text) => WholeNumber.Problem(text, 1, Api.MarketViewsApi.MaxTop);

    public static void Describe(OpenApiSchema schema) => WholeNumber.Describe(schema, 1, Api.MarketViewsApi.MaxTop);
}

/// <summary>How many rows a usage cost table lists, from 1 to <see cref="Api.UsageApi.MaxCostRows"/>.</summary>
public readonly record struct CostRows(int Value) : IQueryValue<CostRows>
{
    public static bool TryParse(string? text, out CostRows value) => (value = WholeNumber.TryParse(text, 1, Api.UsageApi.MaxCostRows, out var n) ? new(n) : default) != default;

    public static string Problem(string text) => WholeNumber.Problem(text, 1, Api.UsageApi.MaxCostRows);

    public static void Describe(OpenApiSchema schema) => WholeNumber.Describe(schema, 1, Api.UsageApi.MaxCostRows);
}

/// <summary>A price in USD per 1M tokens, 0 or more, such as <c>3</c> or <c>0.5</c>.</summary>
public readonly record struct UsdPerMillionTokens(decimal Value) : IQueryValue<UsdPerMillionTokens>
{
    public static bool TryParse(string? text, out UsdPerMillionTokens value)
    {
        // Digits and a point only: no sign, and no thousands separator, which would read a repeated maxPrice=1&maxPrice=1 as 11.
        var found = decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price);
        value = new UsdPerMillionTokens(found ? price : 0);
        return found;
    }

    public static string Problem(string text) => $"'{text}' is not a number; expected e.g. 3 or 0.5";

    public static void Describe(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.Number;
        schema.Format = "decimal";
        schema.Minimum = "0";
        schema.Description = "USD per 1M tokens";
    }
}
