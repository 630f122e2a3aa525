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
/// metric names and aliases, and the checker's own words (<c>lexicon.tsv</c>: cues for a measure named in
/// passing, table headers, words that make an organisation a report's publisher).
/// </summary>
internal sealed class Lexicon
{
    public Lexicon(CheckKnowledge knowledge)
    {
        var words = CheckerWords.Shared;
        var kb = knowledge.Names;
        Entities = new NameIndex<NamedEntity>(EntityNames(kb.Entities, knowledge.CuratedIds, words));

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
            .Concat(words.Cues.Where(c => Metrics.ContainsKey(c.MetricId)).Select(c => (Name: c.Word, Value: c.MetricId)))
            .Concat(Metrics.ContainsKey("benchmark-score") ? benchmarkNames.Select(b => (b.Name, Value: "benchmark-score")) : []);
        MetricWords = new NameIndex<string>(metricNames);
        HeaderMetrics = words.Headers.Where(h => Metrics.ContainsKey(h.Value)).GroupBy(h => h.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Metrics[g.First().Value], StringComparer.Ordinal);
        PriceSides = new NameIndex<string>(words.PriceSides.Where(p => Metrics.ContainsKey(p.MetricId)).Select(p => (Name: p.Word, Value: p.MetricId)));
        ReportWords = new NameIndex<bool>(words.ReportWords.Select(w => (w, true)));
        Answers = new NameIndex<string>(words.Answers.Select(a => (a.Word, a.Answer)));
        // Every name of a segment, the generic ones too (企业, 初创公司): too common to be a figure's subject,
        // they still say which respondents a survey figure counts.
        Segments = new NameIndex<string>(kb.Entities
            .Where(e => e.Kind == EntityKind.Segment)
            .SelectMany(e => KnowledgeBase.NamesOf(e).Where(n => n.Length > 1).Select(n => (Name: n, Value: e.Id))));
        Developers = kb.Entities.Select(e => e.Developer).OfType<string>().ToHashSet(StringComparer.Ordinal);
        (ShortNames, ShortNameWords) = ShortNamesOf(kb);
        Words = words;
        Knowledge = knowledge;
    }

    /// <summary>Whether a whole text (a table cell) is the name of one model, model family or product.</summary>
    public bool NamesModel(string text) =>
        text.Length is > 0 and < 80 && Knowledge.Names.ResolveEntity(text) is [{ Kind: EntityKind.Model or EntityKind.ModelFamily or EntityKind.Product }];

    /// <summary>
    /// Each usable name to the one entity it names. A name several entities share goes to the curated one
    /// when exactly one of them is curated (the data files are reviewed; imported aliases are not), and to
    /// none otherwise. Entities the curated files do not define are indexed only as models, and only by
    /// names with a version or several words: a dataset's one-word names (Transformer, Chinchilla) are
    /// ordinary words in notes.
    /// </summary>
    private static IEnumerable<(string Name, NamedEntity Value)> EntityNames(IEnumerable<Entity> entities, IReadOnlySet<string>? curatedIds, CheckerWords words)
    {
        bool IsCurated(Entity e) => curatedIds is null || curatedIds.Contains(e.Id);
        return entities
            .Where(e => IsCurated(e) || e.Kind == EntityKind.Model)
            .SelectMany(e => KnowledgeBase.NamesOf(e)
                .Where(n => IsCurated(e) || IsSpecificName(n))
                .Select(n => (Key: AliasKey.Of(n), Entity: e, Curated: IsCurated(e))))
            .Where(x => IsUsableName(x.Key, words))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var named = g.Select(x => x.Entity).DistinctBy(e => e.Id).ToList();
                var curated = g.Where(x => x.Curated).Select(x => x.Entity).DistinctBy(e => e.Id).ToList();
                var chosen = named.Count == 1 ? named[0] : curated.Count == 1 ? curated[0] : null;
                return (Name: g.Key, Entity: chosen);
            })
            .Where(x => x.Entity is not null)
            .Select(x => (x.Name, new NamedEntity(x.Entity!.Id, x.Entity.Kind)));
    }

    /// <summary>
    /// A model's name without its parent's (<c>Scout</c> of <c>Llama 4 Scout</c> under <c>Llama 4</c>): notes
    /// name the family once and its members by the rest ("Llama 4 in two variants: Scout … and Maverick").
    /// Keyed by the rest's <see cref="AliasKey"/>, each with the parents it is the rest under.
    /// </summary>
    private static (Dictionary<string, List<(string ParentId, NamedEntity Model)>>, NameIndex<string>) ShortNamesOf(KnowledgeBase kb)
    {
        var byKey = new Dictionary<string, List<(string ParentId, NamedEntity Model)>>(StringComparer.Ordinal);
        var names = new List<(string Name, string Key)>();
        foreach (var entity in kb.Entities.Where(e => e.Kind == EntityKind.Model && e.Parent is not null))
        {
            if (kb.Entity(entity.Parent!) is not { } parent)
            {
                continue;
            }

            foreach (var name in KnowledgeBase.NamesOf(entity))
            {
                foreach (var parentName in KnowledgeBase.NamesOf(parent))
                {
                    if (name.Length > parentName.Length + 3 && name.StartsWith(parentName + " ", StringComparison.OrdinalIgnoreCase))
                    {
                        var rest = name[(parentName.Length + 1)..].Trim();
                        var key = AliasKey.Of(rest);
                        if (key.Length < 3 || !key.Any(char.IsAsciiLetter))
                        {
                            continue;
                        }

                        var list = byKey.TryGetValue(key, out var l) ? l : byKey[key] = [];
                        if (!list.Any(x => x.ParentId == parent.Id))
                        {
                            list.Add((parent.Id, new NamedEntity(entity.Id, entity.Kind)));
                            names.Add((rest, key));
                        }
                    }
                }
            }
        }

        return (byKey, new NameIndex<string>(names));
    }

    /// <summary>A name with a digit (GPT-4o, Qwen2.5) or of several words (Mistral Large).</summary>
    private static bool IsSpecificName(string name) =>
        name.Any(char.IsAsciiDigit) || name.Trim().Any(c => c is ' ' or '-' or '_' or '.');

    public CheckKnowledge Knowledge { get; }

    public NameIndex<NamedEntity> Entities { get; }

    public NameIndex<string> MetricWords { get; }

    /// <summary>Words naming the side of a token price (输入, output), to price metric ids.</summary>
    public NameIndex<string> PriceSides { get; }

    /// <summary>Whole table headers and labels that name a measure (<c>Input</c>, <c>上下文</c>), by their <see cref="AliasKey"/>.</summary>
    public IReadOnlyDictionary<string, Metric> HeaderMetrics { get; }

    /// <summary>Answers of survey respondents, each to its <c>scope.answer</c> id.</summary>
    public NameIndex<string> Answers { get; }

    /// <summary>Segments by every name they have, to their ids.</summary>
    public NameIndex<string> Segments { get; }

    /// <summary>Words that, after an organisation's name, make it the publisher of what follows (<c>report</c>, <c>数据显示</c>).</summary>
    public NameIndex<bool> ReportWords { get; }

    /// <summary>The ids of organisations that develop some entity the store knows: they report on themselves.</summary>
    public IReadOnlySet<string> Developers { get; }

    public CheckerWords Words { get; }

    /// <summary>Models by the rest of their name after their parent's, with the parent each is under.</summary>
    public IReadOnlyDictionary<string, List<(string ParentId, NamedEntity Model)>> ShortNames { get; }

    /// <summary>Finds those rests in text; each value is the rest's key into <see cref="ShortNames"/>.</summary>
    public NameIndex<string> ShortNameWords { get; }

    /// <summary>The names and aliases of the benchmark entities, each to its id: what <c>scope.benchmark</c> is read from.</summary>
    public NameIndex<string> Benchmarks { get; }

    public Dictionary<string, Metric> Metrics { get; }

    /// <summary>The metric a whole label or column header names (<c>参数量</c>, <c>上下文窗口</c>), if any.</summary>
    public Metric? MetricNamed(string text) =>
        Knowledge.Names.ResolveMetric(text) ?? HeaderMetrics.GetValueOrDefault(AliasKey.Of(text));

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

    private static bool IsUsableName(string key, CheckerWords words)
    {
        if (key.Length < 2 || words.GenericNames.Contains(key))
        {
            return false;
        }

        // Short Latin names (AI, V3, R1) match inside too many other words.
        return key.Length >= 3 || key.Any(c => c > '\u2E80');
    }
}
