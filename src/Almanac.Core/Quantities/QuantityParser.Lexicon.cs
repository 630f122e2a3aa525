namespace Almanac.Quantities;

/// <summary>The words the quantity parser knows, longest first within each table.</summary>
public static partial class QuantityParser
{
    private enum UnitWordKind
    {
        /// <summary>A unit proper (<c>tokens</c>, <c>%</c>, <c>倍</c>).</summary>
        Unit,

        /// <summary>A currency (<c>美元</c>, <c>USD</c>); a price suffix may follow.</summary>
        Currency,

        /// <summary>A Chinese measure word (<c>个</c>, <c>家</c>, <c>次</c>): a count, stated.</summary>
        Classifier,

        /// <summary>A calendar word (<c>年</c>, <c>月</c>): the number is a date, not a figure.</summary>
        Date,
    }

    /// <param name="Text">The word as written.</param>
    /// <param name="Unit">The unit it names (for dates, unused).</param>
    /// <param name="Factor">What one of it is in <paramref name="Unit"/> (<c>GB</c> = 1e9 bytes, <c>毫秒</c> = 0.001 s).</param>
    /// <param name="Kind">What sort of word it is.</param>
    /// <param name="SpaceBefore">Whether it may follow the number after a space (<c>558 tokens</c>).</param>
    private sealed record UnitWord(string Text, Unit Unit, decimal Factor, UnitWordKind Kind, bool SpaceBefore);

    private sealed record Magnitude(string Text, decimal Factor, bool SpaceBefore);

    private static readonly (string Text, Qualifier Qualifier)[] PrefixQualifiers = Longest(
    [
        ("大约", Qualifier.About), ("约", Qualifier.About), ("约合", Qualifier.About),
        ("接近", Qualifier.Nearly), ("将近", Qualifier.Nearly), ("近", Qualifier.Nearly),
        ("超过", Qualifier.MoreThan), ("超", Qualifier.MoreThan), ("逾", Qualifier.MoreThan), ("多于", Qualifier.MoreThan),
        ("不足", Qualifier.LessThan), ("不到", Qualifier.LessThan), ("少于", Qualifier.LessThan), ("低于", Qualifier.LessThan),
        ("至少", Qualifier.AtLeast), ("不少于", Qualifier.AtLeast), ("不低于", Qualifier.AtLeast),
        ("最高", Qualifier.AtMost), ("最多", Qualifier.AtMost), ("不超过", Qualifier.AtMost), ("高达", Qualifier.Exact),
        ("预计", Qualifier.Forecast), ("预测", Qualifier.Forecast), ("有望", Qualifier.Forecast),
        ("估计", Qualifier.Estimated), ("约计", Qualifier.Estimated), ("推测", Qualifier.Speculative), ("据传", Qualifier.Speculative),
        ("approximately", Qualifier.About), ("approx.", Qualifier.About), ("approx", Qualifier.About),
        ("about", Qualifier.About), ("around", Qualifier.About), ("roughly", Qualifier.About), ("~", Qualifier.About), ("≈", Qualifier.About),
        ("nearly", Qualifier.Nearly), ("almost", Qualifier.Nearly), ("close to", Qualifier.Nearly),
        ("more than", Qualifier.MoreThan), ("over", Qualifier.MoreThan), ("above", Qualifier.MoreThan), (">", Qualifier.MoreThan),
        ("less than", Qualifier.LessThan), ("fewer than", Qualifier.LessThan), ("under", Qualifier.LessThan),
        ("below", Qualifier.LessThan), ("<", Qualifier.LessThan),
        ("up to", Qualifier.AtMost), ("at most", Qualifier.AtMost), ("≤", Qualifier.AtMost),
        ("at least", Qualifier.AtLeast), ("≥", Qualifier.AtLeast),
        ("expected", Qualifier.Forecast), ("projected", Qualifier.Forecast), ("forecast", Qualifier.Forecast),
        ("an estimated", Qualifier.Estimated), ("estimated", Qualifier.Estimated), ("est.", Qualifier.Estimated),
        ("rumoured", Qualifier.Speculative), ("rumored", Qualifier.Speculative),
    ]);

    /// <summary>Hedges written after the figure in brackets: <c>30-65T（推测）</c>, <c>$5B (est.)</c>.</summary>
    private static readonly (string Text, Qualifier Qualifier)[] BracketQualifiers = Longest(
    [
        ("推测", Qualifier.Speculative), ("传闻", Qualifier.Speculative), ("预计", Qualifier.Forecast), ("预测", Qualifier.Forecast),
        ("估计", Qualifier.Estimated), ("估", Qualifier.Estimated), ("约", Qualifier.About),
        ("speculated", Qualifier.Speculative), ("speculative", Qualifier.Speculative), ("rumoured", Qualifier.Speculative),
        ("rumored", Qualifier.Speculative), ("est.", Qualifier.Estimated), ("estimated", Qualifier.Estimated),
        ("expected", Qualifier.Forecast), ("forecast", Qualifier.Forecast), ("projected", Qualifier.Forecast),
    ]);

    /// <summary>Hedges written right after the number or unit: <c>300多个</c>, <c>十余个</c>, <c>15T+</c>, <c>100亿以上</c>.</summary>
    private static readonly (string Text, Qualifier Qualifier)[] SuffixQualifiers = Longest(
    [
        ("多", Qualifier.MoreThan), ("余", Qualifier.MoreThan), ("+", Qualifier.AtLeast),
        ("以上", Qualifier.AtLeast), ("以下", Qualifier.AtMost), ("左右", Qualifier.About),
    ]);

    private static readonly (string Text, string Iso)[] PrefixCurrencies = Longest(
    [
        ("US$", "USD"), ("$", "USD"), ("USD", "USD"), ("€", "EUR"), ("EUR", "EUR"),
        ("¥", "CNY"), ("￥", "CNY"), ("RMB", "CNY"), ("CNY", "CNY"),
    ]);

    private static readonly Magnitude[] Magnitudes = Longest(
    [
        new Magnitude("万亿", 1_000_000_000_000m, false), new Magnitude("千亿", 100_000_000_000m, false),
        new Magnitude("百亿", 10_000_000_000m, false), new Magnitude("十亿", 1_000_000_000m, false),
        new Magnitude("亿", 100_000_000m, false), new Magnitude("千万", 10_000_000m, false),
        new Magnitude("百万", 1_000_000m, false), new Magnitude("十万", 100_000m, false),
        new Magnitude("万", 10_000m, false), new Magnitude("千", 1_000m, false), new Magnitude("百", 100m, false),

        // Traditional forms (Taiwan, Hong Kong): 56.17億美元, 3萬.
        new Magnitude("萬億", 1_000_000_000_000m, false), new Magnitude("千億", 100_000_000_000m, false),
        new Magnitude("百億", 10_000_000_000m, false), new Magnitude("十億", 1_000_000_000m, false),
        new Magnitude("億", 100_000_000m, false), new Magnitude("千萬", 10_000_000m, false),
        new Magnitude("百萬", 1_000_000m, false), new Magnitude("十萬", 100_000m, false), new Magnitude("萬", 10_000m, false),
        new Magnitude("trillion", 1_000_000_000_000m, true), new Magnitude("billion", 1_000_000_000m, true),
        new Magnitude("million", 1_000_000m, true), new Magnitude("thousand", 1_000m, true),
        new Magnitude("tn", 1_000_000_000_000m, false), new Magnitude("bn", 1_000_000_000m, false),
        new Magnitude("mn", 1_000_000m, false),
        new Magnitude("T", 1_000_000_000_000m, false), new Magnitude("B", 1_000_000_000m, false),
        new Magnitude("M", 1_000_000m, false), new Magnitude("K", 1_000m, false), new Magnitude("k", 1_000m, false),
    ]);

    private static readonly UnitWord[] UnitWords = BuildUnitWords();

    /// <summary>Per-amount words of a price (<c>$15/百万输入tokens</c>): how many tokens the price is for.</summary>
    private static readonly (string Text, decimal Tokens)[] PriceAmounts = Longest(
    [
        ("百万", 1_000_000m), ("1百万", 1_000_000m), ("1M", 1_000_000m), ("M", 1_000_000m), ("1 million", 1_000_000m),
        ("million", 1_000_000m), ("千", 1_000m), ("1千", 1_000m), ("1K", 1_000m), ("K", 1_000m), ("1k", 1_000m),
        ("thousand", 1_000m), ("百萬", 1_000_000m),
    ]);

    private static readonly (string Text, string Label)[] PriceDirections = Longest(
    [
        ("输入", "输入"), ("输出", "输出"), ("input", "input"), ("output", "output"),
        ("cached reads", "cache read price"), ("cached read", "cache read price"), ("cache reads", "cache read price"),
        ("cache read", "cache read price"), ("cached input", "cache read price"), ("cached tokens", "cache read price"),
    ]);

    private static readonly string[] RangeSeparators = Longest(["-", "–", "—", "~", "～", "至", "到", " to ", "-"]);

    private static readonly string[] ChangeMarkers = ["至", "到", " to "];

    private const string ChineseDigits = "零〇一二两三四五六七八九";

    /// <summary>English numbers written out, read only before a magnitude word (<c>five million</c>, <c>twenty-five billion</c>).</summary>
    private static readonly (string Text, int Value)[] EnglishUnits = Longest(
    [
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9),
        ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
        ("seventeen", 17), ("eighteen", 18), ("nineteen", 19),
    ]);

    private static readonly (string Text, int Value)[] EnglishTens = Longest(
    [
        ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
    ]);

    /// <summary>How a power of ten is written after a coefficient: <c>2×10^25</c>, <c>3.8 x 10^25</c>, <c>2×10²⁵</c>.</summary>
    private static readonly string[] TimesTen = Longest(["×10^", "x10^", "*10^", " × 10^", " x 10^", "×10", " × 10", "x10"]);

    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private static UnitWord[] BuildUnitWords()
    {
        var words = new List<UnitWord>();
        void Add(string text, Unit unit, UnitWordKind kind = UnitWordKind.Unit, decimal factor = 1m, bool space = false) =>
            words.Add(new UnitWord(text, unit, factor, kind, space));

        // Currencies.
        foreach (var w in new[] { "美元", "美金" })
        {
            Add(w, Unit.Usd, UnitWordKind.Currency);
        }

        foreach (var w in new[] { "元人民币", "人民币", "元" })
        {
            Add(w, Unit.Cny, UnitWordKind.Currency);
        }

        Add("欧元", Unit.Eur, UnitWordKind.Currency);
        foreach (var (w, u) in new[] { ("USD", Unit.Usd), ("US dollars", Unit.Usd), ("dollars", Unit.Usd), ("CNY", Unit.Cny), ("RMB", Unit.Cny), ("yuan", Unit.Cny), ("EUR", Unit.Eur), ("euros", Unit.Eur) })
        {
            Add(w, u, UnitWordKind.Currency, space: true);
        }

        // Shares, multiples, durations.
        Add("%", Unit.Percent);
        Add("％", Unit.Percent);
        Add("percent", Unit.Percent, space: true);
        Add("per cent", Unit.Percent, space: true);
        Add("个百分点", Unit.PercentagePoints);
        Add("百分点", Unit.PercentagePoints);
        Add("percentage points", Unit.PercentagePoints, space: true);
        Add("percentage point", Unit.PercentagePoints, space: true);
        Add("ppt", Unit.PercentagePoints, space: true);
        Add("倍", Unit.Multiple);
        Add("×", Unit.Multiple);
        Add("times", Unit.Multiple, space: true);
        Add("秒钟", Unit.Seconds);
        Add("秒", Unit.Seconds);
        Add("毫秒", Unit.Seconds, factor: 0.001m);
        Add("seconds", Unit.Seconds, space: true);
        Add("second", Unit.Seconds, space: true);
        Add("sec", Unit.Seconds, space: true);
        Add("ms", Unit.Seconds, factor: 0.001m, space: true);

        // Tokens, parameters, words, bytes.
        foreach (var w in new[] { "tokens/秒", "tokens/s", "tokens/sec", "token/s", "tok/s", "tokens per second", "个tokens/秒" })
        {
            Add(w, Unit.TokensPerSecond, space: true);
        }

        foreach (var w in new[] { "tokens", "token", "个tokens", "个token", "词元", "个词元" })
        {
            Add(w, Unit.Tokens, space: true);
        }

        foreach (var w in new[] { "参数", "个参数", "parameters", "params" })
        {
            Add(w, Unit.Parameters, space: true);
        }

        foreach (var w in new[] { "词", "个词", "words" })
        {
            Add(w, Unit.Words, space: true);
        }

        foreach (var (w, f) in new[] { ("KB", 1e3m), ("kB", 1e3m), ("MB", 1e6m), ("GB", 1e9m), ("TB", 1e12m), ("PB", 1e15m) })
        {
            Add(w, Unit.Bytes, factor: f, space: true);
        }

        Add("FLOPs", Unit.Flop, space: true);
        Add("FLOP", Unit.Flop, space: true);

        // Chinese measure words: what is counted is left to the caller.
        foreach (var w in new[] { "个", "家", "次", "名", "位", "款", "人", "项", "条", "篇", "台", "张", "部", "件", "种", "所", "座" })
        {
            Add(w, Unit.Count, UnitWordKind.Classifier);
        }

        // Calendar words: 2024年, 5-7月, 9到12个月 are dates and durations, not figures.
        foreach (var w in new[] { "年", "月", "日", "号", "季度", "个月", "天", "小时", "分钟", "周年", "岁", "世纪", "年代" })
        {
            Add(w, Unit.Date, UnitWordKind.Date);
        }

        // Every canonical unit code, as data files write it (`73.32 score`, `7.1 CNY/USD`).
        foreach (var unit in Unit.All)
        {
            if (unit.Dimension is not (Dimension.Date or Dimension.Text)
                && !words.Any(w => string.Equals(w.Text, unit.Code, StringComparison.OrdinalIgnoreCase)))
            {
                Add(unit.Code, unit, unit.Dimension == Dimension.Currency ? UnitWordKind.Currency : UnitWordKind.Unit, space: true);
            }
        }

        return Longest([.. words]);
    }

    private static (string Text, T Value)[] Longest<T>((string Text, T Value)[] items) =>
        [.. items.OrderByDescending(i => i.Text.Length)];

    private static string[] Longest(string[] items) => [.. items.Distinct().OrderByDescending(i => i.Length)];

    private static Magnitude[] Longest(Magnitude[] items) => [.. items.OrderByDescending(i => i.Text.Length)];

    private static UnitWord[] Longest(UnitWord[] items) => [.. items.OrderByDescending(i => i.Text.Length)];
}
