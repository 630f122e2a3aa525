using System.Globalization;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Text;

namespace Almanac.Reports;

/// <summary>
/// What a report says in the reader's language: labels for periods and amounts, names of
/// entities, and the report's own sentences.
/// </summary>
public sealed class ReportLanguage
{
    private static readonly string[] MonthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly IReadOnlyDictionary<string, Entity> _entities;

    public ReportLanguage(Language language, IReadOnlyDictionary<string, Entity> entities)
    {
        Language = language;
        _entities = entities;
    }

    public Language Language { get; }

    public bool IsZh => Language == Language.Zh;

    public string Code => IsZh ? "zh" : "en";

    /// <summary>The sentence in the reader's language.</summary>
    public string T(string en, string zh) => IsZh ? zh : en;

    /// <summary>An entity's name in the reader's language; its id when the knowledge base has no such entity.</summary>
    public string Name(string entityId) =>
        _entities.TryGetValue(entityId, out var entity) ? entity.Name.In(Code) : entityId;

    /// <summary>A scope value in the reader's words (<see cref="ScopeWords"/>): <c>general-purpose-llm-developers</c> as "general-purpose LLM developers".</summary>
    public string ScopeValue(string key, string value) =>
        ScopeWords.Value(key, value, Language, id => _entities.TryGetValue(id, out var entity) ? entity.Name.In(Code) : null);

    /// <summary>A period as a reader writes it: <c>H1 2025</c> / <c>2025年上半年</c>.</summary>
    public string Period(Period period) => period.Kind switch
    {
        PeriodKind.Year or PeriodKind.FiscalYear => IsZh ? $"{period.Start.Year}年" : Invariant(period.Start.Year),
        PeriodKind.Half => IsZh ? $"{period.Start.Year}年{(period.Start.Month == 1 ? "上" : "下")}半年" : $"H{(period.Start.Month == 1 ? 1 : 2)} {period.Start.Year}",
        PeriodKind.Quarter => IsZh ? $"{period.Start.Year}年Q{((period.Start.Month - 1) / 3) + 1}" : $"Q{((period.Start.Month - 1) / 3) + 1} {period.Start.Year}",
        PeriodKind.Month => Month(period.Start),
        PeriodKind.Range => $"{Period(period.From)}–{Period(period.To)}",
        _ => Date(period.Start),
    };

    /// <summary>A moment a survey describes: <c>end 2023</c> for 31 Dec, else the date.</summary>
    public string Moment(DateOnly date) =>
        date is { Month: 12, Day: 31 } ? T($"end {date.Year}", $"{date.Year}年末")
        : date is { Month: 6, Day: 30 } ? T($"mid {date.Year}", $"{date.Year}年中")
        : Date(date);

    public string Month(DateOnly date) => IsZh ? $"{date.Year}年{date.Month}月" : $"{MonthsEn[date.Month - 1]} {date.Year}";

    public string Date(DateOnly date) => IsZh ? $"{date.Year}年{date.Month}月{date.Day}日" : $"{date.Day} {MonthsEn[date.Month - 1]} {date.Year}";

    /// <summary>How amounts of a currency are shown: in billions for English readers, in 亿 (10⁸) for Chinese ones.</summary>
    public MoneyScale Money(string currency) => (currency, IsZh) switch
    {
        ("CNY", true) => new MoneyScale(1e8m, "亿元"),
        ("CNY", false) => new MoneyScale(1e9m, "CN¥ billion"),
        ("USD", true) => new MoneyScale(1e8m, "亿美元"),
        ("USD", false) => new MoneyScale(1e9m, "US$ billion"),
        ("EUR", true) => new MoneyScale(1e8m, "亿欧元"),
        (_, true) => new MoneyScale(1e8m, "亿" + currency),
        _ => new MoneyScale(1e9m, currency + " billion"),
    };

    /// <summary>A number as the reader's language writes it in running text.</summary>
    public static string Number(decimal value, int decimals = 1) =>
        Math.Round(value, decimals).ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A display unit for money: amounts are divided by <paramref name="Divisor"/> and labelled <paramref name="Label"/>.</summary>
public readonly record struct MoneyScale(decimal Divisor, string Label)
{
    public decimal Of(decimal amount) => Math.Round(amount / Divisor, 3);
}
