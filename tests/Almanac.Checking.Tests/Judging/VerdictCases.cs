using Almanac.Checking;
using Almanac.Quantities;
using static Almanac.Tests.Checking.Judging.ClaimBuilder;

namespace Almanac.Tests.Checking.Judging;

/// <summary>
/// One row per situation a rule must tell apart: the document's claims, which of them is looked at,
/// and the verdict, reason and evidence it must get.
/// </summary>
/// <param name="Target">Index of the judged claim in <paramref name="Claims"/>.</param>
/// <param name="Reason">Text the one-line reason must contain.</param>
/// <param name="Evidence">Text some evidence must contain (kind:text), or null for none required.</param>
public sealed record VerdictCase(
    string Name,
    Claim[] Claims,
    int Target,
    Verdict Verdict,
    string Reason,
    string? Evidence = null,
    DateOnly? AsOf = null)
{
    public override string ToString() => Name;

    public static IReadOnlyDictionary<string, VerdictCase> All { get; } = Build().ToDictionary(c => c.Name, StringComparer.Ordinal);

    private const string Usage = "market=m;basis=usage";

    private static IEnumerable<VerdictCase> Build()
    {
        // ---- supported
        yield return new("share equal to the survey", [Figure("32%", "acme", "market-share", "2025-H1", Usage)], 0, Verdict.Supported, "Alpha Research gives 32%", "fact:Acme market-share");
        yield return new("precision of 56.17亿 covers 5.617e9", [Figure("56.17亿美元", "widget-llm", "market-size", "2024", "region=world")], 0, Verdict.Supported, "Alpha Research gives 56.17亿美元", "fact:estimated");
        yield return new("约 stretches 5% either way", [Figure("约59亿美元", "widget-llm", "market-size", "2024", "region=world")], 0, Verdict.Supported, "Alpha Research");
        yield return new("超过 accepts any larger value", [Figure("超过50亿美元", "widget-llm", "market-size", "2024", "region=world")], 0, Verdict.Supported, "gives 56.17亿美元");
        yield return new("a range containing the value", [Figure("30%-35%", "acme", "market-share", "2025-H1", Usage)], 0, Verdict.Supported, "32%");
        yield return new("a model property matches whatever period the note gives", [Figure("46.7B", "model-x", "parameters-total", "2025", unit: Unit.Parameters)], 0, Verdict.Supported, "Gamma Paper, Beta Wiki gives about 47B");
        yield return new("rounded 47B agrees with both sources", [Figure("47B", "model-x", "parameters-total", unit: Unit.Parameters)], 0, Verdict.Supported, "Gamma Paper, Beta Wiki gives about 47B parameters (2024-01)");
        yield return new("a bare count in a parameters column", [Figure("47B", "model-x", "parameters-total")], 0, Verdict.Supported, "Gamma Paper");
        yield return new("release month containing the release day", [Date("2024年6月", "model-x", "2024-06")], 0, Verdict.Supported, "2024-06-20");
        yield return new("a family's context window supports its model", [Figure("128K", "model-f1", "context-window", unit: Unit.Tokens)], 0, Verdict.Supported, "whole Family F family", "fact:Family F context-window");
        yield return new("yuan converted with a dated rate", [Figure("71亿元", "acme", "revenue", "2024")], 0, Verdict.Supported, "Alpha Research", "fact:7.1 CNY/USD for 2024 (Federal Reserve, 2025-01-02)", new DateOnly(2025, 3, 1));
        yield return new("as of a date before a revision", [Figure("10亿美元", "acme", "revenue", "2024")], 0, Verdict.Supported, "gives 10亿美元", "fact:Alpha Research, 2025-01-15", new DateOnly(2025, 3, 1));
        yield return new("valuation matches a round's valuation without naming the round", [Figure("1830亿美元", "acme", "valuation", "2025-09")], 0, Verdict.Supported, "1830亿美元");
        yield return new("不足9% against a rounded 9% is supported at the bound", [Figure("不足9%", "acme", "market-share", "2025-H2", Usage)], 0, Verdict.Supported, "at the bound");

        // ---- contradicted
        yield return new("exact figure outside the precision", [Figure("60亿美元", "widget-llm", "market-size", "2024", "region=world")], 0, Verdict.Contradicted, "给出 56.17亿美元", "fact:https://alpha.example/report");
        yield return new("超过 a bound above the value", [Figure("超过60亿美元", "widget-llm", "market-size", "2024", "region=world")], 0, Verdict.Contradicted, "而非 超过60亿美元");
        yield return new("every publisher disagrees on parameters", [Figure("141B", "model-x", "parameters-total", unit: Unit.Parameters)], 0, Verdict.Contradicted, "46.7B parameters (2023-12), not 141B", "fact:https://gamma.example/paper");
        yield return new("spend basis against the spend figure", [Figure("32%", "acme", "market-share", "2025-H1", "market=m;basis=spend")], 0, Verdict.Contradicted, "40%");
        yield return new("release month not containing the release day", [Date("2025年3月", "model-x", "2025-03")], 0, Verdict.Contradicted, "2024-06-20", "fact:release-date");
        yield return new("a publisher's revision supersedes its first figure", [Figure("10亿美元", "acme", "revenue", "2024")], 0, Verdict.Contradicted, "12亿美元");
        yield return new("a context window below the model's", [Figure("32K", "model-x", "context-window", unit: Unit.Tokens)], 0, Verdict.Contradicted, "Beta Wiki");

        // ---- prices from successive dataset snapshots: the price in force at the claim's date
        var perMillion = Unit.UsdPerMillionTokens;
        yield return new("a launch price dated at launch is supported", [Figure("$5", "model-p", "price-input", "2025-01", unit: perMillion)], 0, Verdict.Supported, "models.dev gives $5/1M tokens");
        yield return new("a later cut dated after it is supported", [Figure("$2.5", "model-p", "price-input", "2025-04", unit: perMillion)], 0, Verdict.Supported, "models.dev gives $2.5/1M tokens");
        yield return new("the launch price dated after the cut is contradicted", [Figure("$5", "model-p", "price-input", "2025-04", unit: perMillion)], 0, Verdict.Contradicted, "models.dev gives $2.5/1M tokens");
        yield return new("the cut price dated before it is contradicted", [Figure("$2.5", "model-p", "price-input", "2025-01", unit: perMillion)], 0, Verdict.Contradicted, "$5/1M tokens");
        yield return new("an undated current price is supported", [Figure("$2.5", "model-p", "price-input", unit: perMillion)], 0, Verdict.Supported, "models.dev gives $2.5/1M tokens");
        yield return new("an undated earlier price was the price until the cut", [Figure("$5", "model-p", "price-input", unit: perMillion)], 0, Verdict.Supported, "was the price until 2025-03-01", "fact:models.dev, 2025-01-01");
        yield return new("an undated price no snapshot showed is not contradicted: it may be of another time", [Figure("$7", "model-p", "price-input", unit: perMillion)], 0, Verdict.Unverifiable, "gives no date", "fact:models.dev");
        yield return new("an undated launch price is current as of a day before the cut", [Figure("$5", "model-p", "price-input", unit: perMillion)], 0, Verdict.Supported, "models.dev gives $5/1M tokens", AsOf: new DateOnly(2025, 2, 15));
        yield return new("a reseller's price when the claim names the reseller", [Figure("$6", "model-p", "price-input", "2025-02", "provider=openrouter", unit: perMillion)], 0, Verdict.Supported, "OpenRouter (openrouter.ai) gives $6/1M tokens");
        yield return new("the developer's price is preferred to a reseller's", [Figure("$6", "model-p", "price-input", "2025-02", unit: perMillion)], 0, Verdict.Contradicted, "models.dev gives $5/1M tokens");

        // ---- what a contradicted figure is instead: excused when the note likely states another measure, named when it is a slip
        yield return new("a figure matching the narrower measure the sentence names is not flagged",
            [Figure("8亿美元", "acme", "net-loss", "2024", sentence: "2024年年内亏损10亿美元，经调整净亏损8亿美元")], 0, Verdict.Unverifiable, "可能指的是后者", "fact:basis=adjusted");
        yield return new("active parameters read as the total are not flagged",
            [Figure("13B", "model-x", "parameters-total", unit: Unit.Parameters, sentence: "| Model X | 46.7B total / 12.9B active (paper: 47B / 13B) |")], 0, Verdict.Unverifiable, "may be of that measure", "fact:Model X parameters-active");
        yield return new("one of several years a sentence lists is not flagged for another of them",
            [Figure("5亿美元", "acme", "revenue", "2024", sentence: "2023年、2024年收入分别为5亿美元、12亿美元")], 0, Verdict.Unverifiable, "艾克米的收入 5亿美元 (2023)");
        yield return new("a figure of another period the sentence does not name is a period slip",
            [Figure("5亿美元", "acme", "revenue", "2024", sentence: "艾克米2024年收入为5亿美元")], 0, Verdict.Contradicted, "疑似时间错位");
        yield return new("another company's figure for the same measure and moment is a misattribution",
            [Figure("$3 billion", "acme", "revenue-run-rate", "2025-07", sentence: "Acme's run-rate reached $3 billion in July 2025.")], 0, Verdict.Contradicted, "is Rival's annualised revenue run-rate $3B (@2025-07-31) (Alpha Research): likely misattributed");
        yield return new("another company's round, where the store knows none of this one's then, is a misattribution",
            [Figure("$6.6 billion", "acme", "funding-raised", "2024-10", sentence: "Acme raised $6.6 billion at a $157 billion valuation in October 2024.")], 0, Verdict.Contradicted, "is Rival's", "fact:Rival funding-raised");
        yield return new("another company's round is not a product's figure",
            [Figure("$6.6 billion", "gadget", "funding-raised", "2024-10", sentence: "Gadget raised $6.6 billion in October 2024.")], 0, Verdict.Unverifiable, "No fact");
        yield return new("a share another company holds is no misattribution where the store knows none of this one's",
            [Figure("9%", "rival", "market-share", "@2025-12-31", Usage, sentence: "Rival held 9% at the end of 2025.")], 0, Verdict.Unverifiable, "No fact");
        yield return new("a window a model gained later, dated at launch, is a period slip",
            [Figure("1M", "model-x", "context-window", "2024-06", unit: Unit.Tokens, sentence: "Model X shipped in June 2024 with a 1M-token context window.")], 0, Verdict.Contradicted, "is the later figure (Alpha Research: 1M");
        yield return new("a price dated just before the first snapshot that lists it is supported by it",
            [Figure("$5", "model-p", "price-input", "2024-12", unit: perMillion)], 0, Verdict.Supported, "models.dev gives $5/1M tokens");
        yield return new("a price dated just before the first snapshot that differs is not contradicted by it",
            [Figure("$7", "model-p", "price-input", "2024-12", unit: perMillion)], 0, Verdict.Unverifiable, "another moment");

        // ---- a model announced but never released
        yield return new("a price for a model never released is contradicted",
            [Figure("$3", "model-u", "price-input", unit: perMillion, sentence: "Model U costs $3 per 1M input tokens.")], 0, Verdict.Contradicted, "never released, so it has no public price");
        yield return new("a release date for a model never released is not supported",
            [Date("April 2025", "model-u", "2025-04")], 0, Verdict.Unverifiable, "not a release date");

        // ---- disputed
        yield return new("sources disagree and one agrees", [Figure("3000万", "gadget", "users", "2025-Q2")], 0, Verdict.Disputed, "Sources disagree", "fact:Beta Wiki");

        yield return new("a benchmark score matches the run it was quoted from, whichever variant", [Figure("80.7%", "model-x", "benchmark-score", scope: "benchmark=gpqa-diamond")], 0, Verdict.Supported, "80.7%");
        yield return new("a benchmark score no run of the evaluator it names gave is contradicted", [Figure("75%", "model-x", "benchmark-score", scope: "benchmark=gpqa-diamond;evaluator=alpha")], 0, Verdict.Contradicted, "not 75%");
        yield return new("a score a few points from an evaluator's runs is not contradicted when the claim names no evaluator", [Figure("75%", "model-x", "benchmark-score", scope: "benchmark=gpqa-diamond")], 0, Verdict.Unverifiable, "another evaluator or at another setting");
        yield return new("a score far from every run of any evaluator is contradicted", [Figure("62.9%", "model-x", "benchmark-score", scope: "benchmark=gpqa-diamond")], 0, Verdict.Contradicted, "not 62.9%");
        yield return new("a run-rate matching one report of its year is not disputed by another source's report of another moment", [Figure("$1 billion", "acme", "revenue-run-rate", "2025")], 0, Verdict.Supported, "Alpha Research gives $1B");
        yield return new("a bare count far from the order of a context window counts something else", [Figure("123B", "model-x", "context-window")], 0, Verdict.Unverifiable, "counts something else");

        // ---- a figure against the fact standing at its time
        yield return new("an undated flow is supported by a fact of any date, which is named", [Figure("12亿美元", "acme", "revenue")], 0, Verdict.Supported, "gives no date, and this is the figure for 2024");
        yield return new("an undated flow no fact gives is not contradicted: it may be of another period", [Figure("20亿美元", "acme", "revenue")], 0, Verdict.Unverifiable, "gives no date", "fact:Acme revenue");
        yield return new("an undated valuation of a named round is judged by that round", [Figure("$150 billion", "acme", "valuation", scope: "round=series-f")], 0, Verdict.Contradicted, "$183B", "fact:round=series-f");
        yield return new("a valuation stands until the next round", [Figure("$61.5 billion", "acme", "valuation", "2025-05")], 0, Verdict.Supported, "$61.5B");
        yield return new("a valuation other than the round standing then is contradicted", [Figure("$18 billion", "acme", "valuation", "2025-05")], 0, Verdict.Contradicted, "$61.5B (@2025-03-03)");
        yield return new("a valuation after the last round known is not contradicted by it", [Figure("$350 billion", "acme", "valuation", "2025-11")], 0, Verdict.Unverifiable, "another moment");
        yield return new("a run-rate series: the January figure matches January's", [Figure("$1 billion", "acme", "revenue-run-rate", "2025-01")], 0, Verdict.Supported, "$1B");
        yield return new("a run-rate series: the July figure matches July's", [Figure("$5 billion", "acme", "revenue-run-rate", "2025-07")], 0, Verdict.Supported, "$5B");
        yield return new("a run-rate reported at another moment is contradicted by the one of its own", [Figure("$1 billion", "acme", "revenue-run-rate", "2025-07")], 0, Verdict.Contradicted, "$5B");
        yield return new("an undated run-rate matching an earlier report is supported, saying when", [Figure("$1 billion", "acme", "revenue-run-rate")], 0, Verdict.Supported, "the figure for @2025-01-31");
        yield return new("a round's amount supports the money raised in its month", [Figure("$13 billion", "acme", "funding-raised", "2025-09")], 0, Verdict.Supported, "$13B (@2025-09-02)");
        yield return new("one round does not contradict a year's total raised", [Figure("$20 billion", "acme", "funding-raised", "2025")], 0, Verdict.Unverifiable, "another moment");
        yield return new("an undated amount raised matches the round that raised it", [Figure("$13 billion", "acme", "funding-raised")], 0, Verdict.Supported, "gives no date, and this is the figure for @2025-09-02");
        yield return new("a context window above the limit a provider serves is not contradicted by it", [Figure("128K", "model-p", "context-window", unit: Unit.Tokens)], 0, Verdict.Unverifiable, "not enough to contradict");
        yield return new("a context window below the limit a provider serves is contradicted", [Figure("32K", "model-p", "context-window", unit: Unit.Tokens)], 0, Verdict.Contradicted, "not 32K");
        yield return new("a nominal size in a model's name is its truncated count", [Figure("72B", "model-q", "parameters-total", unit: Unit.Parameters)], 0, Verdict.Supported, "72.7B parameters");
        yield return new("a size rounded to the nearest billion", [Figure("73B", "model-q", "parameters-total", unit: Unit.Parameters)], 0, Verdict.Supported, "72.7B parameters");
        yield return new("a size a billion off its count is contradicted", [Figure("70B", "model-q", "parameters-total", unit: Unit.Parameters)], 0, Verdict.Contradicted, "72.7B parameters (2024-09), not 70B");

        // ---- unverifiable
        yield return new("a month's tokens are not compared with one day's", [Figure("480T", "acme", "tokens-processed", "2025-04", unit: Unit.Tokens)], 0, Verdict.Unverifiable, "No fact");
        yield return new("a share without its basis is another measure", [Figure("32%", "acme", "market-share", "2025-H1", "market=m")], 0, Verdict.Unverifiable, "No fact");
        yield return new("a share without its market is another measure", [Figure("32%", "acme", "market-share", "2025-H1", "basis=usage")], 0, Verdict.Unverifiable, "No fact");
        yield return new("another year of a changing measure", [Figure("32%", "acme", "market-share", "2023", Usage)], 0, Verdict.Unverifiable, "No fact");
        yield return new("no entity", [Figure("32%", null, "market-share", "2025-H1", Usage)], 0, Verdict.Unverifiable, "no entity");
        yield return new("no metric", [Figure("32%", "acme", null, "2025-H1", Usage)], 0, Verdict.Unverifiable, "no metric");
        yield return new("only another forecaster's forecast", [Figure("300亿美元", "widget-llm", "market-size", "2030", "region=world")], 0, Verdict.Unverifiable, "one forecast does not contradict another");
        yield return new("a family figure that differs is no contradiction of a model", [Figure("32K", "model-f1", "context-window", unit: Unit.Tokens)], 0, Verdict.Unverifiable, "for the Family F family");
        yield return new("yuan without a rate for the period", [Figure("11亿欧元", "acme", "revenue", "2024")], 0, Verdict.Unverifiable, "no exchange-rate fact between EUR and USD");
        yield return new("nothing published yet as of the date", [Figure("32%", "acme", "market-share", "2025-H1", Usage)], 0, Verdict.Unverifiable, "No fact", AsOf: new DateOnly(2025, 7, 1));

        // ---- inconsistent (a) the same measure twice
        var china147 = Figure("147亿元", "china-llm", "market-size", "2024", "region=china", line: 23, sentence: "2024年语言大模型市场规模147亿元人民币，2024年约209亿元");
        var china209 = Figure("约209亿元", "china-llm", "market-size", "2024", "region=china", line: 31, sentence: "2024年中国语言大模型市场规模约209亿元");
        yield return new("the later of two conflicting statements is flagged", [china147, china209], 1, Verdict.Inconsistent, "约209亿元（line 31）与 147亿元（line 23）", "claim:147亿元");
        yield return new("the first statement stands when nothing tells them apart", [china147, china209], 0, Verdict.Unverifiable, "No fact");
        var sameLine = "2024年语言大模型市场规模147亿元人民币，2024年约209亿元";
        yield return new("one sentence dating each of two values to one year restates the measure",
            [Figure("147亿元", "china-llm", "market-size", "2024", "region=china", line: 23, sentence: sameLine), Figure("约209亿元", "china-llm", "market-size", "2024", "region=china", line: 23, sentence: sameLine)],
            1, Verdict.Inconsistent, "约209亿元（line 23）与 147亿元（line 23）");
        var change = "Anthropic's run-rate grew from about $1B at the start of 2025 to over $5B";
        yield return new("one sentence giving a measure two values is a change",
            [Figure("about $1B", "bot", "revenue-run-rate", "@2025-01-01", line: 49, sentence: change), Figure("$5B", "bot", "revenue-run-rate", "@2025-01-01", line: 49, sentence: change)],
            1, Verdict.Unverifiable, "No fact");
        var wau = "The company said weekly active users reached 800 million; later in the note 80 million weekly users";
        yield return new("ten times apart reads as a likely unit slip",
            [Figure("800 million", "gadget", "weekly-active-users", "2025-10", line: 4, sentence: wau), Figure("80 million", "gadget", "weekly-active-users", "2025-10", line: 9, sentence: wau)],
            1, Verdict.Inconsistent, "likely unit slip", "claim:800 million");
        yield return new("a stock dated to a year is not one moment",
            [Figure("$1B", "bot", "revenue-run-rate", "2025", line: 3), Figure("$5B", "bot", "revenue-run-rate", "2025", line: 8)],
            1, Verdict.Unverifiable, "No fact");
        yield return new("a stock at one month stated twice",
            [Figure("$4B", "bot", "revenue-run-rate", "2025-07", line: 3), Figure("$6B", "bot", "revenue-run-rate", "2025-07", line: 8)],
            1, Verdict.Inconsistent, "both $6B (line 8) and $4B (line 3)");
        yield return new("two values within their written precision agree",
            [Figure("$4B", "bot", "revenue-run-rate", "2025-07", line: 3), Figure("$5B", "bot", "revenue-run-rate", "2025-07", line: 8)],
            1, Verdict.Unverifiable, "No fact");
        yield return new("two rounds' valuations in one year are two measures",
            [Figure("$61.5B", "bot", "valuation", "2025", "round=series-e", line: 3), Figure("$183B", "bot", "valuation", "2025", "round=series-f", line: 8)],
            1, Verdict.Unverifiable, "No fact");
        yield return new("one round's valuation stated twice",
            [Figure("$230B", "bot", "valuation", "2026-01", "round=series-e", line: 66), Figure("$203B", "bot", "valuation", "2026-01", "round=series-e", line: 71)],
            1, Verdict.Inconsistent, "both $203B (line 71) and $230B (line 66)");
        yield return new("a round's valuation dated once and undated once is one moment",
            [Figure("117亿欧元", "bot", "valuation", "2025-09", "round=series-c", line: 37, sentence: "C轮投后估值117亿欧元"), Figure("171亿欧元", "bot", "valuation", null, "round=series-c", line: 41, sentence: "C轮后估值171亿欧元")],
            1, Verdict.Inconsistent, "171亿欧元（line 41）与 117亿欧元（line 37）");
        yield return new("about and over stretch what two statements allow",
            [Figure("about $5B", "bot", "revenue-run-rate", "2025-08", line: 3), Figure("over $5.2B", "bot", "revenue-run-rate", "2025-08", line: 8)],
            1, Verdict.Unverifiable, "No fact");
        var tokens2024 = Figure("9.7T", "acme", "tokens-processed", "2023/2026", line: 44, unit: Unit.Tokens);
        var tokens2025 = Figure("480T", "acme", "tokens-processed", "2023/2026", line: 45, unit: Unit.Tokens);
        yield return new("levels dated within a note's span are a series, not one measure twice", [tokens2024, tokens2025], 1, Verdict.Unverifiable, "No fact");
        var cagrA = Figure("21.6%", "widget-llm", "cagr", "2025/2034", "region=world", line: 10);
        var cagrB = Figure("28.0%", "widget-llm", "cagr", "2025/2034", "region=world", line: 12);
        yield return new("a rate over one span stated twice is the same measure", [cagrA, cagrB], 1, Verdict.Inconsistent, "both 28.0% (line 12) and 21.6% (line 10)");
        yield return new("a figure marked as another forecast is no inconsistency",
            [Figure("73.58亿美元", "llm", "market-size", "2025", "region=world", line: 7), Figure("50.3亿美元", "llm", "market-size", "2025", "region=world", line: 8, context: "2025年另一预测")],
            1, Verdict.Unverifiable, "No fact");
        yield return new("inconsistency comes before the knowledge base",
            [Figure("56.17亿美元", "widget-llm", "market-size", "2024", "region=world", line: 5), Figure("80亿美元", "widget-llm", "market-size", "2024", "region=world", line: 9)],
            1, Verdict.Inconsistent, "80亿美元（line 9）与 56.17亿美元（line 5）");
        yield return new("the figure the knowledge base backs is not flagged",
            [Figure("56.17亿美元", "widget-llm", "market-size", "2024", "region=world", line: 9), Figure("80亿美元", "widget-llm", "market-size", "2024", "region=world", line: 5)],
            0, Verdict.Supported, "Alpha Research");

        // ---- (b) growth against its levels
        var level24 = Figure("56.17亿美元", "llm", "market-size", "2024", "region=world", line: 6);
        var level25 = Figure("73.58亿美元", "llm", "market-size", "2025", "region=world", line: 7);
        yield return new("31% growth connects 56.17亿 and 73.58亿", [level24, level25, Figure("31%", "llm", "yoy-growth", "2025", "region=world", line: 7)], 2, Verdict.Unverifiable, "No fact");
        yield return new("40% growth does not connect them", [level24, level25, Figure("40%", "llm", "yoy-growth", "2025", "region=world", line: 7)], 2, Verdict.Inconsistent, "does not connect", "arithmetic:73.58亿美元 / 56.17亿美元 − 1 = 31%, not 40%");
        yield return new("the levels of a broken growth are its evidence, not flagged", [level24, level25, Figure("40%", "llm", "yoy-growth", "2025", "region=world", line: 7)], 0, Verdict.Unverifiable, "No fact");

        // ---- (c) CAGR against its endpoints
        var level29 = Figure("135.2亿美元", "llm", "market-size", "2029", "region=world", line: 9);
        var other25 = Figure("50.3亿美元", "llm", "market-size", "2025", "region=world", line: 8, context: "2025年另一预测");
        var level34 = Figure("1,113.04亿美元", "llm", "market-size", "2034", "region=world", line: 10);
        var cagr34 = Figure("21.63%", "llm", "cagr", "2034", "region=world", line: 10);
        var cagr29 = Figure("28.0%", "llm", "cagr", "2029", "region=world", line: 9);
        Claim[] seed = [level24, level25, other25, level29, cagr29, level34, cagr34];
        yield return new("a CAGR that connects no base to 2034", seed, 6, Verdict.Inconsistent, "CAGR 21.63% does not connect", "arithmetic:56.17亿美元 × (1+21.63%)^10 = ");
        yield return new("the 2034 level of a broken CAGR is marked", seed, 5, Verdict.Inconsistent, "CAGR 21.63%", "claim:21.63%");
        yield return new("28.0% to 2029 connects from the 2025 50.3亿 base", seed, 4, Verdict.Unverifiable, "No fact");
        yield return new("a CAGR over a stated range uses the range's start",
            [Figure("67亿美元", "ent", "market-size", "2024", line: 16), Figure("711亿美元", "ent", "market-size", "2034", line: 16), Figure("40%", "ent", "cagr", "2024/2034", line: 16)],
            2, Verdict.Inconsistent, "(the two imply 26.6", "arithmetic:67亿美元 × (1+40%)^10");
        yield return new("a CAGR within a point of its endpoints holds",
            [Figure("67亿美元", "ent", "market-size", "2024", line: 16), Figure("711亿美元", "ent", "market-size", "2034", line: 16), Figure("26.1%", "ent", "cagr", "2024/2034", line: 16)],
            2, Verdict.Unverifiable, "No fact");

        // ---- (d) shares past 100%
        Claim[] shares = [Figure("45%", "a", "market-share", "2024", "market=x", line: 1), Figure("40%", "b", "market-share", "2024", "market=x", line: 2), Figure("30%", "c", "market-share", "2024", "market=x", line: 3)];
        yield return new("shares of one market adding to 115%", shares, 1, Verdict.Inconsistent, "add up to at least 113.5%", "arithmetic:45% + 40% + 30%");
        yield return new("shares adding to 100% are fine",
            [Figure("60%", "a", "market-share", "2025", "market=y"), Figure("20%", "b", "market-share", "2025", "market=y"), Figure("15%", "c", "market-share", "2025", "market=y"), Figure("6%", "d", "market-share", "2025", "market=y")],
            0, Verdict.Unverifiable, "No fact");
        yield return new("不足2% counts as nothing in the sum",
            [Figure("82%", "a", "market-share", "2025", "market=z"), Figure("10%", "b", "market-share", "2025", "market=z"), Figure("6%", "c", "market-share", "2025", "market=z"), Figure("不足2%", "d", "market-share", "2025", "market=z")],
            3, Verdict.Unverifiable, "No fact");

        // ---- (e) a part above its whole
        yield return new("a region above the world",
            [Figure("56.17亿美元", "llm", "market-size", "2024", "region=world", line: 6), Figure("60亿美元", "llm", "market-size", "2024", "region=united-states", line: 20)],
            1, Verdict.Inconsistent, "united-states 属于 world", "arithmetic:60亿美元 > 56.17亿美元");
        yield return new("a region below the world is fine",
            [Figure("56.17亿美元", "llm", "market-size", "2024", "region=world", line: 6), Figure("13.126亿美元", "llm", "market-size", "2024", "region=united-states", line: 20)],
            1, Verdict.Unverifiable, "No fact");
        yield return new("weekly active users above monthly ones in the same month",
            [Figure("4.85亿", "bot", "weekly-active-users", "2025-05", line: 34), Figure("4亿", "bot", "monthly-active-users", "2025-05", line: 35)],
            0, Verdict.Inconsistent, "周活用户不超过月活用户", "claim:4亿");
        yield return new("the whole of a part over its whole is not flagged",
            [Figure("4.85亿", "bot", "weekly-active-users", "2025-05", line: 34), Figure("4亿", "bot", "monthly-active-users", "2025-05", line: 35)],
            1, Verdict.Unverifiable, "No fact");
        yield return new("weekly users above 超过 monthly users is not flagged",
            [Figure("4.85亿", "bot", "weekly-active-users", "2025-05", line: 34), Figure("超过4亿", "bot", "monthly-active-users", "2025-05", line: 35)],
            0, Verdict.Unverifiable, "No fact");
        yield return new("monthly active users above total users are not related unless declared",
            [Figure("3000万", "bot", "monthly-active-users", "2025-06", line: 90), Figure("1900万", "bot", "users", "2025-06", line: 95)],
            0, Verdict.Unverifiable, "No fact");
        yield return new("a segment above its market",
            [Figure("56.17亿美元", "llm", "market-size", "2024", "region=world", line: 6), Figure("62.8亿美元", "llm", "market-size", "2024", "region=world;segment=general", line: 30)],
            1, Verdict.Inconsistent, "细分 general 属于整体市场");

        // ---- (f) a latest figure below an earlier one
        Claim[] valuations =
        [
            Figure("180亿美元", "acme-ai", "valuation", "2025-05", line: 82, context: "2025年5月估值"),
            Figure("1830亿美元", "acme-ai", "valuation", null, "round=series-f", line: 83, sentence: "Series F融资: 130亿美元，投后估值1830亿美元"),
            Figure("350亿美元", "acme-ai", "valuation", "2025", line: 84, context: "2025年最新估值"),
        ];
        yield return new("a latest valuation below the Series F", valuations, 2, Verdict.Inconsistent, "最新估值 350亿美元 低于更早的 1830亿美元 (line 83)", "arithmetic:350亿美元 (latest) < 1830亿美元");
        yield return new("the higher earlier valuation is not flagged", valuations, 1, Verdict.Unverifiable, "No fact");
        yield return new("a lower earlier valuation is not", valuations, 0, Verdict.Unverifiable, "No fact");

        // ---- (g) MoE active above total
        Claim[] moe =
        [
            Figure("17B", "scout", "parameters-total", role: QuantityRole.Total, line: 120, unit: Unit.Parameters),
            Figure("109B", "scout", "parameters-active", role: QuantityRole.Active, line: 120, unit: Unit.Parameters),
        ];
        yield return new("active parameters above the total", moe, 1, Verdict.Inconsistent, "Active parameters 109B exceed the total 17B", "arithmetic:109B active > 17B total");
        yield return new("the total of a swapped pair is marked", moe, 0, Verdict.Inconsistent, "exceed the total 17B");
        yield return new("an ordinary MoE row is fine",
            [Figure("109B", null, null, role: QuantityRole.Total, line: 120), Figure("17B", null, null, role: QuantityRole.Active, line: 120)],
            1, Verdict.Unverifiable, "no entity");
    }
}
