using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Checking.Extraction;

/// <summary>
/// Reads the figures of each <see cref="TextUnit"/> into claims. The context rules (nearest first):
/// entity from the sentence before the figure, the bold label, the table row label, the lead-in, the headings;
/// metric from the figure's own words, the clause, the column header, the label, the sentence, the headings;
/// period from the brackets after the figure, the clause, the label, the lead-in, the headings.
/// </summary>
internal sealed partial class UnitReader
{
    private const string SentenceBreaks = "。！？；;!?\n";
    private const string ClauseBreaks = "。！？；;!?\n，,、";

    private readonly DocumentContext _doc;
    private readonly List<TextUnit> _units;
    private readonly Lexicon _lexicon;
    private readonly Dictionary<string, Words> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _sectionFirstYear = [];
    private NamedEntity? _documentSubject;
    private string? _documentMarket;
    private string? _documentBasis;
    private int? _pricesPerMillionFrom;
    private int? _pricesPerThousandFrom;

    public UnitReader(DocumentContext doc, List<TextUnit> units)
    {
        _doc = doc;
        _units = units;
        _lexicon = doc.Lexicon;
    }

    /// <summary>Units read between two looks at the cancellation token: a look costs next to nothing, a unit a few microseconds.</summary>
    private const int UnitsPerCancellationCheck = 64;

    public List<Claim> ReadAll(CancellationToken cancellation = default)
    {
        var periods = new List<ParsedPeriod>[_units.Count];
        for (var u = 0; u < _units.Count; u++)
        {
            if (u % UnitsPerCancellationCheck == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            var unit = _units[u];
            periods[u] = PeriodsIn(unit.BodyStart, unit.End);
            var labelPeriods = unit.Label is null ? [] : WordsOf(unit.Label).Periods;
            foreach (var p in periods[u].Concat(labelPeriods))
            {
                if (p.Period.Kind is PeriodKind.Year or PeriodKind.Half or PeriodKind.Quarter or PeriodKind.Month or PeriodKind.Day)
                {
                    var year = p.Period.Start.Year;
                    _sectionFirstYear[unit.Section] = _sectionFirstYear.TryGetValue(unit.Section, out var y) ? Math.Min(y, year) : year;
                }
            }
        }

        ReadDocumentContext();
        var claims = new List<Claim>();
        for (var u = 0; u < _units.Count; u++)
        {
            if (u % UnitsPerCancellationCheck == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            ReadUnit(_units[u], periods[u], claims);
        }

        return claims;
    }

    /// <summary>
    /// What the whole document is about, read from its opening: the subject, when one dominates it (named at
    /// least three times and at least twice as often as any other): a company profile's table rows and figures
    /// that do not repeat the name are that company's; none for a note about a market or several companies.
    /// And the market and basis of its shares, when one dominates: an article retelling one survey names the
    /// survey's market and what its shares are measured on once or twice, and its other share figures are of
    /// that same market, on that same basis.
    /// </summary>
    private void ReadDocumentContext()
    {
        // The opening of a document says what it is about; a 20 MB dump is not searched twice for it.
        const int Opening = 100_000;
        var counts = new Dictionary<NamedEntity, int>();
        var markets = new Dictionary<string, int>(StringComparer.Ordinal);
        var marketMentions = 0;
        var bases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var unit in _units.TakeWhile(u => u.Start < Opening))
        {
            var end = Math.Min(unit.End, Opening);
            foreach (var m in _lexicon.Entities.FindAll(_doc.Masked, unit.Start, end))
            {
                if (m.Value.Kind is EntityKind.Organisation or EntityKind.Product or EntityKind.Model or EntityKind.ModelFamily)
                {
                    counts[m.Value] = counts.GetValueOrDefault(m.Value) + 1;
                }
                else if (m.Value.Kind == EntityKind.Market && _lexicon.Knowledge.Names.Entity(m.Value.Id)?.Parent is not null)
                {
                    // A mention of a market is also one of the markets it is part of (企业LLM API is in 企业LLM市场);
                    // the whole market (LLM行业) is part of every note and says nothing about which market it is.
                    marketMentions++;
                    for (var (id, depth) = (m.Value.Id, 0); id is not null && depth < 8; id = _lexicon.Knowledge.Names.Entity(id)?.Parent, depth++)
                    {
                        markets[id] = markets.GetValueOrDefault(id) + 1;
                    }
                }
            }

            if (unit.Kind != UnitKind.Heading && _lexicon.MetricWords.FindAll(_doc.Masked, unit.BodyStart, end).Any(m => m.Value == "market-share")
                && BasisIn(string.Join('\n', _doc.Masked[unit.Start..end], unit.LeadIn ?? string.Empty)) is { } basis)
            {
                bases[basis] = bases.GetValueOrDefault(basis) + 1;
            }
        }

        var ranked = counts.OrderByDescending(kv => kv.Value).Take(2).ToList();
        _documentSubject = ranked.Count > 0 && ranked[0].Value >= 3 && (ranked.Count == 1 || ranked[0].Value >= 2 * ranked[1].Value) ? ranked[0].Key : null;

        // The most specific market that two in three market mentions are in; the broadest one ("LLM") says nothing.
        _documentMarket = markets
            .Where(kv => marketMentions >= 3 && kv.Value * 3 >= marketMentions * 2 && _lexicon.Knowledge.Names.Entity(kv.Key)?.Parent is not null
                && _lexicon.Knowledge.Names.Entity(_lexicon.Knowledge.Names.Entity(kv.Key)!.Parent!)?.Kind == EntityKind.Market)
            .OrderBy(kv => kv.Value)
            .Select(kv => kv.Key)
            .FirstOrDefault();

        // A basis stated with shares at least twice, and no other basis stated with shares.
        _documentBasis = bases.Count == 1 && bases.First().Value >= 2 ? bases.First().Key : null;
    }

    /// <summary>What a text says shares are measured on (usage, spend), by the lexicon's basis words in their order.</summary>
    private string? BasisIn(ReadOnlySpan<char> text)
    {
        foreach (var (word, basis) in _lexicon.Words.BasisWords)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return basis;
            }
        }

        return null;
    }

    /// <summary>
    /// 每百万tokens输入3美元: the per-million basis of the prices beside it is not itself a token count. Only a count
    /// lying inside a basis phrase goes, and only in a unit that states an amount of money.
    /// </summary>
    private List<ParsedQuantity> WithoutPriceBasis(string masked, TextUnit unit, List<ParsedQuantity> figures)
    {
        if (!figures.Any(f => f.Quantity.Unit.Dimension is Dimension.Currency or Dimension.PricePerMillionTokens))
        {
            return figures;
        }

        var phrases = new List<(int Start, int End)>();
        foreach (var word in _lexicon.Words.PerMillion)
        {
            for (var at = masked.IndexOf(word, unit.BodyStart, unit.End - unit.BodyStart, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = at + word.Length >= unit.End ? -1 : masked.IndexOf(word, at + word.Length, unit.End - at - word.Length, StringComparison.OrdinalIgnoreCase))
            {
                phrases.Add((at, at + word.Length));
            }
        }

        return phrases.Count == 0
            ? figures
            : figures.Where(f => f.Quantity.Unit.Dimension is not (Dimension.Tokens or Dimension.Count)
                || !phrases.Any(p => p.Start <= f.Span.Offset && f.Span.End <= p.End)).ToList();
    }

    private List<ParsedPeriod> PeriodsIn(int start, int end)
    {
        var found = PeriodParser.FindAll(_doc.Masked[start..end], _doc.ReferenceYear);
        return found.Select(p => p with { Span = new Almanac.Text.SourceSpan(p.Span.Offset + start, p.Span.Length) }).ToList();
    }

    /// <summary>The names, metric words and periods of a label, header, lead-in or heading, read once per distinct text.</summary>
    private sealed record Words(string Text, List<Mention<NamedEntity>> Entities, List<Mention<string>> Metrics, List<ParsedPeriod> Periods);

    private Words WordsOf(string text)
    {
        if (!_words.TryGetValue(text, out var words))
        {
            words = new Words(
                text,
                _lexicon.Entities.FindAll(text, 0, text.Length),
                _lexicon.MetricWords.FindAll(text, 0, text.Length),
                PeriodParser.FindAll(text, _doc.ReferenceYear).ToList());
            if (_words.Count < 100_000)
            {
                _words[text] = words;
            }
        }

        return words;
    }

    private void ReadUnit(TextUnit unit, List<ParsedPeriod> periods, List<Claim> claims)
    {
        var masked = _doc.Masked;
        var body = masked[unit.BodyStart..unit.End];
        var figures = QuantityParser.FindAll(body)
            .Select(f => f with { Span = new Almanac.Text.SourceSpan(f.Span.Offset + unit.BodyStart, f.Span.Length) })
            .ToList();
        var headerMetric = unit.ColumnHeader is null ? null : HeaderMetric(unit.ColumnHeader);
        if (figures.Count == 0 && headerMetric is not null && QuantityParser.Parse(body).TryGetValue(out var whole))
        {
            // A bare number in a column that says what it is (综合得分: 73.32).
            figures = whole.Parts.Select(f => f with { Span = new Almanac.Text.SourceSpan(f.Span.Offset + unit.BodyStart, f.Span.Length) }).ToList();
        }

        // A table's cells have their column header to say what a number is; a heading speaks for running text.
        var underArenaHeading = !unit.IsTableCell && unit.Kind != UnitKind.Heading && unit.Headings.Count > 0 && ArenaScores.Names(unit.Headings[^1]);
        figures = ArenaScores.With(masked, unit.BodyStart, unit.End, figures, periods, underArenaHeading);
        figures = WithoutPriceBasis(masked, unit, figures);
        if (figures.Count == 0 && periods.Count == 0)
        {
            return;
        }

        var entities = _lexicon.Entities.FindAll(masked, unit.BodyStart, unit.End);
        var metrics = _lexicon.MetricWords.FindAll(masked, unit.BodyStart, unit.End);
        var context = new UnitContext(unit, entities, metrics, periods, figures, headerMetric);

        var datePeriods = new HashSet<int>();
        foreach (var (period, index) in periods.Select((p, i) => (p, i)))
        {
            if (headerMetric?.Id == "release-date" ? index == 0 : IsReleaseDate(period))
            {
                datePeriods.Add(index);
                claims.Add(DateClaim(context, period));
            }
        }

        context.ReleasePeriods = datePeriods;
        foreach (var figure in figures)
        {
            if (figure.Quantity.Unit.Dimension == Dimension.Date)
            {
                continue;
            }

            claims.Add(QuantityClaim(context, figure));
        }
    }

    /// <summary>A period written as when something came out: <c>（2025年3月发布）</c>, <c>2024年6月发布的</c>, <c>released in 2024</c>.</summary>
    private bool IsReleaseDate(ParsedPeriod period)
    {
        var masked = _doc.Masked;
        var j = period.Span.End;
        if (j < masked.Length && masked[j] == ' ')
        {
            j++;
        }

        var rest = masked.AsSpan(j, Math.Min(10, masked.Length - j));
        return rest.StartsWith("发布") || rest.StartsWith("推出") || rest.StartsWith("上线") || rest.StartsWith("开源")
            || rest.StartsWith("released", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("launched", StringComparison.OrdinalIgnoreCase);
    }

    private Metric? HeaderMetric(string header)
    {
        if (_lexicon.MetricNamed(header) is { } whole)
        {
            return whole;
        }

        var words = WordsOf(header);
        return words.Metrics.Count > 0 ? _lexicon.Metrics[words.Metrics[^1].Value] : null;
    }

    /// <summary>What one unit offers the claims in it.</summary>
    private sealed class UnitContext(TextUnit unit, List<Mention<NamedEntity>> entities, List<Mention<string>> metrics, List<ParsedPeriod> periods, List<ParsedQuantity> figures, Metric? headerMetric)
    {
        public TextUnit Unit { get; } = unit;

        public List<Mention<NamedEntity>> Entities { get; } = entities;

        public List<Mention<string>> Metrics { get; } = metrics;

        public List<ParsedPeriod> Periods { get; } = periods;

        public List<ParsedQuantity> Figures { get; } = figures;

        public Metric? HeaderMetric { get; } = headerMetric;

        public HashSet<int> ReleasePeriods { get; set; } = [];

        /// <summary>Members of families named by the rest of their name (<c>Scout</c>), found once per unit when first asked for.</summary>
        public List<Mention<string>>? ShortNames { get; set; }
    }
}
