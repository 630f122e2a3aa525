using Almanac.Knowledge;
using Almanac.Quantities;

namespace Almanac.Checking.Extraction;

/// <summary>What an entity name found in text stands for.</summary>
internal readonly record struct NamedEntity(string Id, EntityKind Kind)
{
    /// <summary>Organisations, models, families, products and platforms are what figures are about; markets, regions and segments narrow them.</summary>
    public bool IsSubject => Kind is EntityKind.Organisation or EntityKind.Model or EntityKind.ModelFamily or EntityKind.Product or EntityKind.Platform;
}

/// <summary>
/// The words an extractor looks for, built once per <see cref="CheckKnowledge"/>: entity names and aliases,
/// metric names and aliases, and a few cue words notes use for a measure without naming it.
/// </summary>
internal sealed class Lexicon
{
    /// <summary>Names too generic to point at one entity: they are everywhere in notes about enterprises and developers.</summary>
    private static readonly HashSet<string> GenericNames = new(StringComparer.Ordinal)
    {
        "企业", "大型企业", "大企业", "enterprise", "enterprises", "largeenterprises", "开发者", "developer", "developers", "开发人员",
        "初创公司", "初创企业", "创业公司", "startup", "startups", "公司", "社区", "大学", "universities", "非营利组织",
        "ai", "llm", "model", "模型", "大模型", "api", "meta ai",
    };

    /// <summary>Words that name a measure in passing (<c>占27.5%</c>, <c>占总使用量的82%</c>), beyond the metric aliases in the data.</summary>
    private static readonly (string Word, string MetricId)[] Cues =
    [
        ("占", "market-share"), ("占据", "market-share"), ("使用量", "market-share"), ("市场收入", "market-share"),
        ("年化收益", "revenue-run-rate"), ("收入", "revenue"), ("中标金额", "revenue"),
        ("参数", "parameters-total"), ("参数级", "parameters-total"), ("千亿", "parameters-total"),
        ("百万输入tokens", "price-input"), ("百万输出tokens", "price-output"), ("per million input tokens", "price-input"), ("per million output tokens", "price-output"),
        ("下载", "downloads"), ("周下载", "downloads"), ("融资", "funding-raised"), ("投后估值", "valuation"),
        ("用户", "users"), ("月活用户", "monthly-active-users"), ("同比增长", "yoy-growth"), ("增长", "growth"),
        ("训练于", "training-tokens"), ("轮", "funding-raised"), ("基准", "benchmark-score"),
        ("视觉推理", "benchmark-score"), ("tokens/秒", "output-speed"),
    ];

    public Lexicon(CheckKnowledge knowledge)
    {
        var kb = knowledge.Names;
        var byKey = kb.Entities
            .SelectMany(e => KnowledgeBase.NamesOf(e).Select(n => (Key: AliasKey.Of(n), Entity: e)))
            .Where(x => IsUsableName(x.Key))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Entity.Id).Distinct(StringComparer.Ordinal).Count() == 1)
            .Select(g => (Name: g.Key, Value: new NamedEntity(g.First().Entity.Id, g.First().Entity.Kind)));
        Entities = new NameIndex<NamedEntity>(byKey);

        Metrics = new Dictionary<string, Metric>(StringComparer.Ordinal);
        foreach (var m in kb.Metrics)
        {
            Metrics[m.Id] = m;
        }

        // A benchmark's name says the figure is a score on it ("83% on GPQA Diamond").
        var benchmarkNames = kb.Entities
            .Where(e => e.Kind == EntityKind.Benchmark)
            .SelectMany(e => KnowledgeBase.NamesOf(e).Where(n => n.Length > 1).Select(n => (Name: n, Value: e.Id)))
            .ToList();
        Benchmarks = new NameIndex<string>(benchmarkNames);

        var metricNames = kb.Metrics
            .SelectMany(m => new[] { m.Name.En, m.Name.Zh ?? string.Empty }.Concat(m.Aliases).Where(n => n.Length > 1).Select(n => (Name: n, Value: m.Id)))
            .Concat(Cues.Where(c => Metrics.ContainsKey(c.MetricId)).Select(c => (Name: c.Word, Value: c.MetricId)))
            .Concat(Metrics.ContainsKey("benchmark-score") ? benchmarkNames.Select(b => (b.Name, Value: "benchmark-score")) : []);
        MetricWords = new NameIndex<string>(metricNames);
        Knowledge = knowledge;
    }

    public CheckKnowledge Knowledge { get; }

    public NameIndex<NamedEntity> Entities { get; }

    public NameIndex<string> MetricWords { get; }

    /// <summary>The names and aliases of the benchmark entities, each to its id: what <c>scope.benchmark</c> is read from.</summary>
    public NameIndex<string> Benchmarks { get; }

    public Dictionary<string, Metric> Metrics { get; }

    /// <summary>The metric a whole label or column header names (<c>参数量</c>, <c>上下文窗口</c>), if any.</summary>
    public Metric? MetricNamed(string text) => Knowledge.Names.ResolveMetric(text);

    /// <summary>Whether <paramref name="figure"/> can be a value of a metric of <paramref name="dimension"/>.</summary>
    public static bool Fits(Dimension dimension, ParsedQuantity figure)
    {
        var unit = figure.Quantity.Unit.Dimension;
        if (unit == dimension)
        {
            return true;
        }

        if (!figure.UnitStated && unit == Dimension.Count)
        {
            return dimension is Dimension.Parameters or Dimension.Tokens or Dimension.Count or Dimension.Score;
        }

        return (unit, dimension) switch
        {
            (Dimension.Multiple, Dimension.Percent) => true,
            (Dimension.Words or Dimension.Bytes, Dimension.Tokens) => true,
            _ => false,
        };
    }

    private static bool IsUsableName(string key)
    {
        if (key.Length < 2 || GenericNames.Contains(key))
        {
            return false;
        }

        // Short Latin names (AI, V3, R1) match inside too many other words.
        return key.Length >= 3 || key.Any(c => c > '\u2E80');
    }
}
