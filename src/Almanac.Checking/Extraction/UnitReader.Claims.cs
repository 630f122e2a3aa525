using System.Text.RegularExpressions;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Checking.Extraction;

internal sealed partial class UnitReader
{
    private const int MaxScan = 2_000;

    private static readonly System.Buffers.SearchValues<char> ClauseBreakValues = System.Buffers.SearchValues.Create(ClauseBreaks);

    private static readonly System.Buffers.SearchValues<char> HeadlinePunctuation = System.Buffers.SearchValues.Create("，,。！!？?");

    private static readonly string[] ComparisonWords = ["超过", "超越", "击败", "领先于", "领先", "对标", "比", "较", "than ", "vs. ", "vs ", "versus ", "over "];
    // What joins a share to the population it is of: 45%的Anthropic用户, 45% of Anthropic users.
    private static readonly string[] PopulationLinks = ["的", " of "];
    private static readonly string[] PresentWords = ["如今", "现在", "目前", "当前", "今天", " now", "today", "currently"];
    private Claim DateClaim(UnitContext ctx, ParsedPeriod period)
    {
        var unit = ctx.Unit;
        var (sentenceStart, sentenceEnd) = Bounds(unit, period.Span.Offset, period.Span.End, SentenceBreaks);
        var entity = LastSubject(ctx.Entities, sentenceStart, period.Span.Offset)
            ?? ctx.Entities.Where(m => m.Start >= period.Span.End && m.End <= sentenceEnd && m.Value.IsSubject).Select(m => (NamedEntity?)m.Value).FirstOrDefault()
            ?? FromRowAndAbove(unit, includeLeadIn: false);
        var span = period.Span;
        return new Claim(
            _doc.Text.Substring(span.Offset, span.Length),
            SpanOf(span.Offset, span.Length),
            entity?.Id,
            _lexicon.Metrics.ContainsKey("release-date") ? "release-date" : null,
            Scope.Empty,
            null,
            null,
            period.Period,
            QuantityRole.Standalone,
            ContextOf(unit),
            SentenceOf(unit, sentenceStart, sentenceEnd))
        {
            Table = unit.Table,
        };
    }

    private Claim QuantityClaim(UnitContext ctx, ParsedQuantity figure)
    {
        var unit = ctx.Unit;
        var start = figure.Span.Offset;
        var end = figure.Span.End;
        var (sentenceStart, sentenceEnd) = Bounds(unit, start, end, SentenceBreaks);
        var (clauseStart, clauseEnd) = Bounds(unit, start, end, ClauseBreaks);
        var index = ctx.Figures.IndexOf(figure);
        var previousEnd = index > 0 ? Math.Max(ctx.Figures[index - 1].Span.End, sentenceStart) : sentenceStart;
        var nextStart = index + 1 < ctx.Figures.Count ? Math.Min(ctx.Figures[index + 1].Span.Offset, sentenceEnd) : sentenceEnd;

        var metric = MetricFor(ctx, figure, clauseStart, clauseEnd, sentenceStart, sentenceEnd, previousEnd, nextStart);
        var quantity = figure.Quantity;
        if (metric is { Dimension: Dimension.PricePerMillionTokens } && quantity.Unit.Currency is { } currency && quantity.Unit.Dimension == Dimension.Currency
            && Unit.PricePerMillionTokensIn(currency) is { } perMillion)
        {
            quantity = quantity.WithUnit(perMillion);
        }
        else if (metric is not null && !figure.UnitStated && quantity.Unit.Dimension == Dimension.Count)
        {
            quantity = metric.Dimension switch
            {
                Dimension.Parameters => quantity.WithUnit(Unit.Parameters),
                Dimension.Tokens => quantity.WithUnit(Unit.Tokens),
                Dimension.Score => quantity.WithUnit(Unit.Score),
                _ => quantity,
            };
        }
        else if (metric is { Dimension: Dimension.Parameters } && quantity.Unit.Dimension == Dimension.Count)
        {
            quantity = quantity.WithUnit(Unit.Parameters);
        }

        var inSentence = LastSubject(ctx.Entities, sentenceStart, start);
        var subject = inSentence ?? (metric?.Id == "market-share" ? Vendor(unit) : null) ?? FromRowAndAbove(unit, includeLeadIn: true);
        var entity = subject
            ?? ctx.Entities.Where(m => m.Start >= end && m.End <= sentenceEnd && m.Value.Kind is EntityKind.Market or EntityKind.Segment).Select(m => (NamedEntity?)m.Value).FirstOrDefault()
            ?? Nearest(ctx, unit, sentenceStart, start, k => k is EntityKind.Market or EntityKind.Segment, headings: true);
        // A table's row may be named by its model column (| 公司 | 市场份额 | 主要模型 |): the share is still the company's.
        if (metric?.Id == "market-share" && (inSentence ?? (unit.IsTableCell ? subject : null)) is { Kind: EntityKind.ModelFamily } family && !family.Id.Any(char.IsAsciiDigit)
            && _lexicon.Knowledge.Names.Entity(family.Id)?.Developer is { } developer && _lexicon.Knowledge.Names.Entity(developer) is { } organisation)
        {
            // Shares of a market are held by companies: 'Claude … 42%的市场份额' is Anthropic's share.
            entity = new NamedEntity(organisation.Id, organisation.Kind);
        }

        // 将GitHub Copilot市场转变为价值19亿美元的生态系统: a market's size is the market's, not that of the company the sentence credits with it.
        if (metric?.Id == "market-size" && entity is { IsSubject: true }
            && ctx.Entities.LastOrDefault(m => m.Start >= sentenceStart && m.End <= start && m.Value.Kind == EntityKind.Market) is { Value.Id: not null } sized)
        {
            entity = sized.Value;
            subject = null;
        }

        // A share of respondents is of the survey's market: the one its sentence or section names, else the document's,
        // read as the market the survey measured.
        if (metric?.Id == "respondent-share" && entity is null or { Kind: EntityKind.Market } && MeasuredMarket(entity?.Id ?? _documentMarket) is { } surveyed)
        {
            entity = surveyed;
        }

        // Measures of a company or product (not of a market), in a document about one subject.
        if (entity is null && _documentSubject is { } documentSubject && metric is not null && metric.Id is not ("market-size" or "market-share" or "cagr" or "respondent-share"))
        {
            entity = documentSubject;
        }

        if (Qualified(ctx, unit, entity, sentenceStart, start) is { } member)
        {
            entity = member;
            subject ??= member;
        }

        var period = PeriodFor(ctx, figure, metric, sentenceStart, sentenceEnd, previousEnd);
        if (figure.Role == QuantityRole.From && period is { Kind: PeriodKind.Year or PeriodKind.Half or PeriodKind.Quarter or PeriodKind.Month } shared
            && metric is { Time.Kind: TemporalKind.Stock } && index + 1 < ctx.Figures.Count && ctx.Figures[index + 1] is { Role: QuantityRole.To } to
            && !ctx.Periods.Any(p => p.Span.Offset >= sentenceStart && p.Span.End <= sentenceEnd)
            && PeriodFor(ctx, to, metric, sentenceStart, sentenceEnd, end) == shared)
        {
            // ### …（2024年） › 份额: 从50%下降至34%: a stock that changed over the period its context states stood at the
            // From value when that period began. A period in the sentence itself may be a span the parser read only in part
            // (Between March and August 2025): the rule is left to context periods.
            period = Period.Instant(shared.Start.AddDays(-1));
        }

        // 只有13%的AI工作负载使用开源模型: a segment of models holds its share of a market as a company does.
        var holdsShare = subject is not null || (metric?.Id == "market-share" && entity is { Kind: EntityKind.Segment });
        var scope = ScopeFor(ctx, unit, entity, holdsShare, metric, sentenceStart, sentenceEnd, start);

        return new Claim(
            _doc.Text.Substring(start, figure.Span.Length),
            SpanOf(start, figure.Span.Length),
            entity?.Id,
            metric?.Id,
            scope,
            period,
            quantity,
            null,
            figure.Role,
            ContextOf(unit),
            SentenceOf(unit, sentenceStart, sentenceEnd))
        {
            Table = unit.Table,
        };
    }

    // ---------------------------------------------------------------- entity

    /// <summary>The subject named last before <paramref name="before"/> in the sentence, not counting the object of a comparison (<c>超过Claude</c>).</summary>
    private NamedEntity? LastSubject(List<Mention<NamedEntity>> mentions, int from, int before)
    {
        for (var i = mentions.Count - 1; i >= 0; i--)
        {
            var m = mentions[i];
            if (m.End > before)
            {
                continue;
            }

            if (m.Start < from)
            {
                break;
            }

            if (m.Value.IsSubject && !IsCompared(_doc.Masked, m.Start) && !IsPublisher(m))
            {
                return m.Value;
            }
        }

        return null;
    }

    /// <summary>A market as its surveys measure it (lexicon <c>measured-market</c>: enterprise LLM use is measured on API calls).</summary>
    private NamedEntity? MeasuredMarket(string? market)
    {
        if (market is not null && _lexicon.Words.MeasuredMarkets.TryGetValue(market, out var measured))
        {
            market = measured;
        }

        return market is not null && _lexicon.Knowledge.Names.Entity(market) is { } found ? new NamedEntity(found.Id, found.Kind) : null;
    }

    /// <summary>
    /// Whether an organisation is named as the publisher of what the sentence reports ("Menlo Ventures' latest
    /// report reveals…", "据IDC数据显示"), not its subject: one that develops nothing the store knows, followed
    /// closely by a report word or preceded by "according to".
    /// </summary>
    private bool IsPublisher(Mention<NamedEntity> m)
    {
        if (m.Value.Kind != EntityKind.Organisation || _lexicon.Developers.Contains(m.Value.Id))
        {
            return false;
        }

        var masked = _doc.Masked;
        var windowEnd = Math.Min(masked.Length, m.End + 24);
        var stop = masked.AsSpan(m.End, windowEnd - m.End).IndexOfAny(ClauseBreakValues);
        if (stop >= 0)
        {
            windowEnd = m.End + stop;
        }

        if (_lexicon.ReportWords.FindAll(masked, m.End, windowEnd).Count > 0)
        {
            return true;
        }

        var before = masked.AsSpan(Math.Max(0, m.Start - 14), Math.Min(14, m.Start)).TrimEnd();
        foreach (var word in _lexicon.Words.SourceBefore)
        {
            if (before.EndsWith(word.TrimEnd(), StringComparison.OrdinalIgnoreCase)
                && (before.Length == word.Length || !char.IsAsciiLetter(before[before.Length - word.Length - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A member of a family named by the rest of its name ("Llama 4 … Scout (17B active)", a table whose
    /// columns are Scout and Maverick under a caption about Llama 4): the rest written in the column header,
    /// the row label or the sentence before the figure, under a parent the context names. Replaces no entity,
    /// the parent itself or the member's developer; anything else the sentence names stays.
    /// </summary>
    private NamedEntity? Qualified(UnitContext ctx, TextUnit unit, NamedEntity? entity, int sentenceStart, int figureStart)
    {
        var shortNames = _lexicon.ShortNames;
        if (shortNames.Count == 0)
        {
            return null;
        }

        var written = new List<string>();
        foreach (var text in new[] { unit.ColumnHeader, unit.RowLabel })
        {
            if (text is not null)
            {
                written.AddRange(_lexicon.ShortNameWords.FindAll(text, 0, text.Length).Select(m => m.Value));
            }
        }

        ctx.ShortNames ??= _lexicon.ShortNameWords.FindAll(_doc.Masked, unit.Start, unit.End);
        // In running text a short name that reads as a figure ("13B" of Llama 2 13B) is more likely one of
        // the sentence's figures ("7B, 13B, 70B") than a model's name: only a header or a row label says so.
        written.AddRange(ctx.ShortNames
            .Where(m => m.Start >= sentenceStart && m.End <= figureStart && !QuantityParser.Parse(_doc.Masked[m.Start..m.End]).TryGetValue(out _))
            .Reverse()
            .Select(m => m.Value));
        if (written.Count == 0)
        {
            return null;
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        named.UnionWith(ctx.Entities.Where(m => m.Start >= sentenceStart && m.End <= figureStart).Select(m => m.Value.Id));
        foreach (var text in new[] { unit.Label, unit.LeadIn, unit.RowLabel, unit.ColumnHeader }.Concat(unit.Headings))
        {
            if (text is not null)
            {
                named.UnionWith(WordsOf(text).Entities.Select(m => m.Value.Id));
            }
        }

        foreach (var key in written)
        {
            var members = shortNames[key].Where(x => named.Contains(x.ParentId)).ToList();
            if (members.Count != 1)
            {
                continue;
            }

            var member = members[0];
            var model = _lexicon.Knowledge.Names.Entity(member.Model.Id);
            if (entity is null || entity.Value.Id == member.ParentId || entity.Value.Id == model?.Developer)
            {
                return member.Model;
            }
        }

        return null;
    }

    private static bool IsCompared(string text, int start)
    {
        var window = text.AsSpan(Math.Max(0, start - 8), Math.Min(8, start));
        foreach (var word in ComparisonWords)
        {
            if (window.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The subject of the bold label, the table row, the lead-in, then the headings, innermost first.</summary>
    private NamedEntity? FromRowAndAbove(TextUnit unit, bool includeLeadIn)
    {
        if (unit.Label is not null && FirstSubject(WordsOf(unit.Label)) is { } fromLabel)
        {
            return fromLabel;
        }

        if (unit.RowLabel is not null)
        {
            var resolved = _lexicon.Knowledge.Names.ResolveEntity(unit.RowLabel);
            if (resolved.Count == 1)
            {
                return new NamedEntity(resolved[0].Id, resolved[0].Kind);
            }

            if (FirstSubject(WordsOf(unit.RowLabel)) is { } fromRow)
            {
                return fromRow;
            }
        }

        if (includeLeadIn && unit.LeadIn is not null && WordsOf(unit.LeadIn).Entities.LastOrDefault(m => m.Value.IsSubject) is { Value.Id: not null } lead)
        {
            return lead.Value;
        }

        for (var h = unit.Headings.Count - 1; h >= 0; h--)
        {
            // A heading that is a sentence (LLM天下三分，OpenAI痛失一城) is a news headline, not the subject of what follows.
            if (unit.Headings[h].AsSpan().IndexOfAny(HeadlinePunctuation) < 0 && FirstSubject(WordsOf(unit.Headings[h])) is { } fromHeading)
            {
                return fromHeading;
            }
        }

        return null;
    }

    /// <summary>The company a table row's vendor column names, when a model column labels the row: a share is the company's.</summary>
    private NamedEntity? Vendor(TextUnit unit) =>
        unit.RowVendor is null ? null : FirstSubject(WordsOf(unit.RowVendor)) is { Kind: EntityKind.Organisation or EntityKind.Product or EntityKind.ModelFamily } vendor ? vendor : null;

    private static NamedEntity? FirstSubject(Words words) =>
        words.Entities.Where(m => m.Value.IsSubject).Select(m => (NamedEntity?)m.Value).FirstOrDefault();

    /// <summary>The nearest mention of an entity of the given kinds: in the sentence before the figure, the label, the row, the lead-in, then (optionally) the headings.</summary>
    private NamedEntity? Nearest(UnitContext ctx, TextUnit unit, int from, int before, Func<EntityKind, bool> kinds, bool headings, bool innermostHeadingOnly = false)
    {
        for (var i = ctx.Entities.Count - 1; i >= 0; i--)
        {
            var m = ctx.Entities[i];
            if (m.End <= before && m.Start >= from && kinds(m.Value.Kind))
            {
                return m.Value;
            }
        }

        foreach (var text in new[] { unit.Label, unit.RowLabel, unit.ColumnHeader, unit.LeadIn })
        {
            if (text is not null && WordsOf(text).Entities.FirstOrDefault(m => kinds(m.Value.Kind)) is { Value.Id: not null } found)
            {
                return found.Value;
            }
        }

        if (headings)
        {
            var floor = innermostHeadingOnly ? Math.Max(0, unit.Headings.Count - 1) : 0;
            for (var h = unit.Headings.Count - 1; h >= floor; h--)
            {
                if (WordsOf(unit.Headings[h]).Entities.FirstOrDefault(m => kinds(m.Value.Kind)) is { Value.Id: not null } found)
                {
                    return found.Value;
                }
            }
        }

        return null;
    }

    // ---------------------------------------------------------------- metric

    private Metric? MetricFor(UnitContext ctx, ParsedQuantity figure, int clauseStart, int clauseEnd, int sentenceStart, int sentenceEnd, int previousEnd, int nextStart)
    {
        var metric = FindMetric(ctx, figure, clauseStart, clauseEnd, sentenceStart, sentenceEnd, previousEnd, nextStart);
        if (metric?.Dimension == Dimension.Tokens && IsPricingTier(ctx, figure, sentenceStart, sentenceEnd))
        {
            return null;
        }

        return (figure.Role, metric?.Id) switch
        {
            (QuantityRole.Active, "parameters-total" or null) when Lexicon.Fits(Dimension.Parameters, figure) => _lexicon.Metrics.GetValueOrDefault("parameters-active"),
            (QuantityRole.Total, "parameters-active" or null) when Lexicon.Fits(Dimension.Parameters, figure) => _lexicon.Metrics.GetValueOrDefault("parameters-total"),
            _ => metric,
        };
    }

    private Metric? FindMetric(UnitContext ctx, ParsedQuantity figure, int clauseStart, int clauseEnd, int sentenceStart, int sentenceEnd, int previousEnd, int nextStart)
    {
        var start = figure.Span.Offset;
        var end = figure.Span.End;
        if (figure.Label is { } label && LabelMetric(label) is { } labelled && Fit(labelled, figure) is { } fromLabel)
        {
            return fromLabel;
        }

        // Words written on the figure: 8700万美元年化率, 140亿美元估值, 1370亿参数.
        foreach (var m in ctx.Metrics)
        {
            if ((m.Start == end || (m.Start == end + 1 && _doc.Masked[end] == ' ')) && Fit(m.Value, figure) is { } suffix)
            {
                return suffix;
            }
        }

        // 109B total, 17B active: the word after a parameter count in a sentence about parameters.
        if (ParameterRole(ctx, figure, sentenceStart, sentenceEnd) is { } role)
        {
            return role;
        }

        // 74%的开发者表示, 49%的企业报告称: a share of those asked.
        if (figure.Quantity.Unit.Dimension == Dimension.Percent && RespondentsAfter(end) && _lexicon.Metrics.GetValueOrDefault("respondent-share") is { } respondents)
        {
            return respondents;
        }

        // 吸引了45%的Anthropic用户: a share of the population named right after the figure.
        if (figure.Quantity.Unit.Dimension == Dimension.Percent && PopulationAfter(ctx, end) is not null && _lexicon.Metrics.GetValueOrDefault("market-share") is { } populationShare)
        {
            return populationShare;
        }

        var before = Math.Max(clauseStart, previousEnd);
        for (var i = ctx.Metrics.Count - 1; i >= 0; i--)
        {
            var m = ctx.Metrics[i];
            if (m.End <= start && m.Start >= before && Fit(m.Value, figure) is { } inClause)
            {
                return inClause;
            }
        }

        // 每百万tokens输入3美元、输出25美元; input $3, output $25 per million tokens: a bare amount is a token price when the
        // basis is stated and the nearest word names the price's side.
        if (PriceBySide(ctx, figure, clauseStart, clauseEnd, sentenceStart, sentenceEnd, previousEnd, nextStart) is { } priced)
        {
            return priced;
        }

        if (ctx.HeaderMetric is { } header && Fit(header.Id, figure) is { } fromHeader)
        {
            return fromHeader;
        }

        // | Model | Input | Output | under "Prices in USD per million tokens": a bare amount in a price column.
        if (ctx.HeaderMetric is { Dimension: Dimension.PricePerMillionTokens } priceHeader && figure.Quantity.Unit.Dimension == Dimension.Currency && PricedPerMillion(ctx.Unit))
        {
            return priceHeader;
        }

        // A table whose columns are models and rows are measures (| Active Parameters | 17B | 17B |).
        if (ctx.Unit.RowLabel is { } rowLabel && HeaderMetric(rowLabel) is { } rowMetric && Fit(rowMetric.Id, figure) is { } fromRow)
        {
            return fromRow;
        }

        if (ctx.Unit.Label is { } unitLabel)
        {
            if (_lexicon.MetricNamed(unitLabel) is { } whole && Fit(whole.Id, figure) is { } wholeLabel)
            {
                return wholeLabel;
            }

            var words = WordsOf(unitLabel).Metrics;
            for (var i = words.Count - 1; i >= 0; i--)
            {
                if (Fit(words[i].Value, figure) is { } inLabel)
                {
                    return inLabel;
                }
            }
        }

        var after = Math.Min(Math.Min(clauseEnd, nextStart), JoinerAfter(end, clauseEnd));
        foreach (var m in ctx.Metrics)
        {
            if (m.Start >= end && m.End <= after && Fit(m.Value, figure) is { } afterInClause)
            {
                return afterInClause;
            }
        }

        // 66%的开发者在原供应商内部升级了模型，23%完全没有更换模型，只有11%更换了供应商: the percentages after one that
        // counts respondents in its sentence count them too.
        if (figure.Quantity.Unit.Dimension == Dimension.Percent && _lexicon.Metrics.GetValueOrDefault("respondent-share") is { } alsoRespondents
            && ctx.Figures.Any(f => f.Span.Offset >= sentenceStart && f.Span.End <= start && f.Quantity.Unit.Dimension == Dimension.Percent && RespondentsAfter(f.Span.End)))
        {
            return alsoRespondents;
        }

        Metric? nearest = null;
        var distance = int.MaxValue;
        var joined = JoinerAfter(end, sentenceEnd);
        foreach (var m in ctx.Metrics)
        {
            if (m.Start >= sentenceStart && m.End <= sentenceEnd && (m.End <= start || m.Start < joined) && Fit(m.Value, figure) is { } candidate)
            {
                var d = m.End <= start ? start - m.End : m.Start - end;
                if (d >= 0 && d < distance)
                {
                    (nearest, distance) = (candidate, d);
                }
            }
        }

        if (nearest is not null)
        {
            return nearest;
        }

        var above = new List<string>();
        if (ctx.Unit.LeadIn is not null)
        {
            above.Add(ctx.Unit.LeadIn);
        }

        above.AddRange(ctx.Unit.Headings.Reverse());
        foreach (var text in above)
        {
            var words = WordsOf(text).Metrics;
            for (var i = words.Count - 1; i >= 0; i--)
            {
                if (Fit(words[i].Value, figure) is { } fromAbove)
                {
                    return fromAbove;
                }
            }
        }

        return figure.Quantity.Unit.Dimension switch
        {
            Dimension.Throughput => _lexicon.Metrics.GetValueOrDefault("output-speed"),
            Dimension.Duration => _lexicon.Metrics.GetValueOrDefault("latency"),
            _ => null,
        };
    }

    /// <summary>
    /// The token price a currency amount is, named by the nearest side word (输入, output) or price metric word in its
    /// clause. A side word counts only where the sentence, or the unit's caption or headings, states the per-million
    /// basis: a bare dollar amount elsewhere is a revenue, a round or a subscription. A price metric's own name
    /// (输入定价) is enough where the document states the basis once, as a table under a caption is.
    /// </summary>
    private Metric? PriceBySide(UnitContext ctx, ParsedQuantity figure, int clauseStart, int clauseEnd, int sentenceStart, int sentenceEnd, int previousEnd, int nextStart)
    {
        var dimension = figure.Quantity.Unit.Dimension;
        if (dimension is not (Dimension.Currency or Dimension.PricePerMillionTokens))
        {
            return null;
        }

        var sentence = _doc.Masked.AsSpan(sentenceStart, sentenceEnd - sentenceStart);
        if (HasAny(sentence, _lexicon.Words.PerThousand))
        {
            return null;
        }

        var basisStated = dimension == Dimension.PricePerMillionTokens || HasAny(sentence, _lexicon.Words.PerMillion) || StatesPerMillion(ctx.Unit);
        if (!basisStated && !PricedPerMillion(ctx.Unit))
        {
            return null;
        }

        var cues = ctx.Metrics.Where(m => m.Start >= sentenceStart && m.End <= sentenceEnd && IsPrice(m.Value)).ToList();
        if (basisStated)
        {
            cues.AddRange(_lexicon.PriceSides.FindAll(_doc.Masked, sentenceStart, sentenceEnd));
        }

        var start = figure.Span.Offset;
        var end = figure.Span.End;
        var before = Math.Max(clauseStart, previousEnd);
        var after = Math.Min(clauseEnd, nextStart);
        var preceding = cues.Where(m => m.End <= start && m.Start >= before).OrderByDescending(m => m.End).Select(m => m.Value).FirstOrDefault();
        var following = cues.Where(m => m.Start >= end && m.End <= after).OrderBy(m => m.Start).Select(m => m.Value).FirstOrDefault();
        return (preceding ?? following) is { } metricId ? _lexicon.Metrics.GetValueOrDefault(metricId) : null;
    }

    private bool IsPrice(string metricId) =>
        _lexicon.Metrics.TryGetValue(metricId, out var metric) && metric.Dimension == Dimension.PricePerMillionTokens;

    /// <summary>Whether the caption, header, label or headings of a unit say its amounts are per million tokens.</summary>
    private bool StatesPerMillion(TextUnit unit)
    {
        foreach (var text in new[] { unit.ColumnHeader, unit.LeadIn, unit.Label }.Concat(unit.Headings))
        {
            if (text is not null && HasAny(text, _lexicon.Words.PerMillion))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the unit, or the document above it, says its amounts are per million tokens.</summary>
    private bool PricedPerMillion(TextUnit unit)
    {
        if (StatesPerMillion(unit))
        {
            return true;
        }

        // "Prices in USD per million tokens (input/output):" once, above several tables with their own captions;
        // unless the document also prices per thousand tokens somewhere.
        _pricesPerMillionFrom ??= FirstOf(_lexicon.Words.PerMillion);
        _pricesPerThousandFrom ??= FirstOf(_lexicon.Words.PerThousand);
        return _pricesPerMillionFrom < unit.Start && _pricesPerThousandFrom == int.MaxValue;
    }

    private int FirstOf(IEnumerable<string> words) =>
        words.Select(w => _doc.Masked.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(int.MaxValue).Min();

    /// <summary>
    /// A token count hedged as a threshold (over 128K, under 200K tokens) in a sentence that states a price
    /// is the tier the price applies to, not the model's context window.
    /// </summary>
    private static bool IsPricingTier(UnitContext ctx, ParsedQuantity figure, int sentenceStart, int sentenceEnd) =>
        figure.Quantity.Qualifier is Qualifier.MoreThan or Qualifier.LessThan or Qualifier.AtMost or Qualifier.AtLeast
        && ctx.Figures.Any(f => f.Span.Offset >= sentenceStart && f.Span.End <= sentenceEnd && f.Quantity.Unit.Dimension == Dimension.PricePerMillionTokens);

    private Metric? ParameterRole(UnitContext ctx, ParsedQuantity figure, int sentenceStart, int sentenceEnd)
    {
        if (!Lexicon.Fits(Dimension.Parameters, figure)
            || !ctx.Metrics.Any(m => m.Start >= sentenceStart && m.End <= sentenceEnd && _lexicon.Metrics.TryGetValue(m.Value, out var mm) && mm.Dimension == Dimension.Parameters))
        {
            return null;
        }

        var masked = _doc.Masked;
        var at = figure.Span.End;
        while (at < masked.Length && masked[at] == ' ')
        {
            at++;
        }

        foreach (var (word, metricId) in _lexicon.Words.ParameterRoles)
        {
            var after = at + word.Length;
            if (masked.AsSpan(at).StartsWith(word, StringComparison.OrdinalIgnoreCase)
                && (after >= masked.Length || !char.IsAsciiLetter(masked[after]) || !char.IsAsciiLetter(word[^1]))
                && _lexicon.Metrics.TryGetValue(metricId, out var metric))
            {
                return metric;
            }
        }

        return null;
    }

    /// <summary>Where another clause begins after a figure (" and ", " while "), or <paramref name="limit"/>.</summary>
    private int JoinerAfter(int from, int limit)
    {
        var best = limit;
        var span = _doc.Masked.AsSpan(from, Math.Max(0, limit - from));
        foreach (var joiner in _lexicon.Words.Joiners)
        {
            var i = span.IndexOf(joiner, StringComparison.OrdinalIgnoreCase);
            if (i >= 0 && from + i < best)
            {
                best = from + i;
            }
        }

        return best;
    }

    private bool RespondentsAfter(int end)
    {
        // 近一半（49%）的企业报告称: the bracket around the figure is not between it and those it counts.
        while (end < _doc.Masked.Length && _doc.Masked[end] is ')' or '）')
        {
            end++;
        }

        var rest = _doc.Masked.AsSpan(end, Math.Min(6, _doc.Masked.Length - end));
        return rest.StartsWith("的开发者") || rest.StartsWith("的企业") || rest.StartsWith("的受访者") || rest.StartsWith("的团队")
            || rest.StartsWith(" of respondents", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The segment a percentage is a share of, named right after it (45%的Anthropic用户, 45% of Anthropic users).</summary>
    private NamedEntity? PopulationAfter(UnitContext ctx, int end)
    {
        var masked = _doc.Masked;
        foreach (var link in PopulationLinks)
        {
            if (masked.AsSpan(end).StartsWith(link, StringComparison.OrdinalIgnoreCase))
            {
                var at = end + link.Length;
                foreach (var m in ctx.Entities)
                {
                    if (m.Start == at && m.Value.Kind == EntityKind.Segment)
                    {
                        return m.Value;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The answer a share of respondents counts: the one written after the figure, before the next figure
    /// (23%完全没有更换模型); else the last one before it in the sentence (…大部分工作负载是推理，远高于一年前的48%).
    /// </summary>
    private string? AnswerFor(UnitContext ctx, int sentenceStart, int sentenceEnd, int figureStart)
    {
        var answers = _lexicon.Answers.FindAll(_doc.Masked, sentenceStart, sentenceEnd);
        if (answers.Count == 0)
        {
            return null;
        }

        var next = ctx.Figures.Where(f => f.Span.Offset > figureStart).Select(f => f.Span.Offset).DefaultIfEmpty(sentenceEnd).Min();
        foreach (var a in answers)
        {
            if (a.Start >= figureStart && a.End <= Math.Min(next, sentenceEnd))
            {
                return a.Value;
            }
        }

        return answers.LastOrDefault(a => a.End <= figureStart) is { Value: { } before } ? before : null;
    }

    private string? LabelMetric(string label) => label switch
    {
        "输入" or "input" => "price-input",
        "输出" or "output" => "price-output",
        _ => _lexicon.MetricNamed(label)?.Id,
    };

    /// <summary>The metric, if a figure like this one can be its value; a bare score under 得分 is an index, not a percentage.</summary>
    private Metric? Fit(string metricId, ParsedQuantity figure)
    {
        if (!_lexicon.Metrics.TryGetValue(metricId, out var metric))
        {
            return null;
        }

        // Only a number written next to an Arena word is an Arena score, whatever metric words the sentence holds.
        if (metric.Id == "arena-score" && figure.Label != ArenaScores.Label)
        {
            return null;
        }

        if (metric.Id == "benchmark-score" && !figure.UnitStated && figure.Quantity.Unit.Dimension == Dimension.Count)
        {
            return _lexicon.Metrics.GetValueOrDefault("benchmark-index");
        }

        return metric.Dimension != Dimension.Date && Lexicon.Fits(metric.Dimension, figure) ? metric : null;
    }

    // ---------------------------------------------------------------- period

    private Period? PeriodFor(UnitContext ctx, ParsedQuantity figure, Metric? metric, int sentenceStart, int sentenceEnd, int previousEnd)
    {
        var start = figure.Span.Offset;
        var end = figure.Span.End;
        var candidates = ctx.Periods.Where((p, i) => !ctx.ReleasePeriods.Contains(i)).ToList();

        if (metric?.Id == "cagr")
        {
            return CagrPeriod(ctx.Unit, candidates.Where(p => p.Span.Offset >= sentenceStart && p.Span.End <= sentenceEnd));
        }

        // （2024年） right after the figure.
        foreach (var p in candidates)
        {
            if (p.Span.Offset >= end && p.Span.Offset <= end + 2 && _doc.Masked.AsSpan(end, p.Span.Offset - end).Trim().IsWhiteSpace()
                || p.Span.Offset >= end && p.Span.Offset <= end + 2 && _doc.Masked.AsSpan(end, p.Span.Offset - end).Trim() is "（" or "(")
            {
                return p.Period;
            }
        }

        var beforeFigure = candidates.Where(p => p.Span.End <= start && p.Span.Offset >= sentenceStart).ToList();
        if (beforeFigure.LastOrDefault(p => p.Span.Offset >= previousEnd) is { } inClause)
        {
            return inClause.Period;
        }

        // A period that is the base of a comparison (较2024年的37亿美元增长至127亿美元) is the base figure's alone.
        var sentencePeriods = beforeFigure.Where(p => !IsBasePeriod(p)).ToList();

        // 2025年…，一年前为48%: dated by the sentence's own period, shifted.
        if (AgoShift(start, end, previousEnd) is { } months)
        {
            return sentencePeriods.Count > 0 ? Shifted(sentencePeriods[^1].Period, months) : null;
        }

        if (sentencePeriods.LastOrDefault() is { } inSentence && !HasAny(_doc.Masked.AsSpan(inSentence.Span.End, start - inSentence.Span.End), PresentWords))
        {
            return inSentence.Period;
        }

        // in 2024 after the figure, in its clause (but not "compared with 2024").
        var (_, clauseEnd) = Bounds(ctx.Unit, start, end, ClauseBreaks);
        if (candidates.FirstOrDefault(p => p.Span.Offset >= end && p.Span.End <= clauseEnd) is { } afterInClause && !IsBasePeriod(afterInClause)
            && !ctx.Figures.Any(f => f.Span.Offset >= end && f.Span.Offset < afterInClause.Span.Offset))
        {
            return afterInClause.Period;
        }

        // Anthropic raised $6.6B at a $157B valuation in October 2024.: the one period a sentence ends on dates each of
        // the figures of its clause, not only the last (a base figure, "from $1B", is dated by its own words; a period
        // past a comma, "…, nearly doubling since June 2024", is another clause's).
        if (figure.Role != QuantityRole.From && candidates.Where(p => p.Span.Offset >= sentenceStart && p.Span.End <= sentenceEnd).ToList() is [var closing]
            && closing.Span.Offset >= end && closing.Span.End <= clauseEnd && !IsBasePeriod(closing) && EndsSentence(closing.Span.End, sentenceEnd))
        {
            return closing.Period;
        }

        var unit = ctx.Unit;
        if (unit.Label is not null && WordsOf(unit.Label).Periods.FirstOrDefault() is { } fromLabel)
        {
            return fromLabel.Period;
        }

        if (unit.ColumnHeader is not null && WordsOf(unit.ColumnHeader).Periods.FirstOrDefault() is { } fromHeader)
        {
            return fromHeader.Period;
        }

        // | 年份 | ARR | … | with a row per year: the row label is the period.
        if (unit.RowLabel is not null && WordsOf(unit.RowLabel).Periods is [var fromRow] && fromRow.Span.Offset == 0)
        {
            return fromRow.Period;
        }

        // | xAI | Series B (May 2024) | $6B | $18B |: a round's close dates the amounts of its row (raised, valued at).
        if (metric?.Id is "valuation" or "funding-raised" && RoundCell(unit) is { } roundCell && WordsOf(roundCell).Periods is [var roundClose])
        {
            return roundClose.Period;
        }

        if (unit.LeadIn is not null && WordsOf(unit.LeadIn).Periods is { Count: > 0 } leadIn)
        {
            if (figure.Role == QuantityRole.From)
            {
                var first = leadIn[0].Period;
                return leadIn.Count > 1 && leadIn[^1].Period.Kind == PeriodKind.Instant && first.Kind != PeriodKind.Instant ? Period.Instant(first.End) : first;
            }

            return leadIn[^1].Period;
        }

        for (var h = unit.Headings.Count - 1; h >= 0; h--)
        {
            if (WordsOf(unit.Headings[h]).Periods.LastOrDefault() is { } fromHeading)
            {
                return fromHeading.Period;
            }
        }

        return null;
    }

    /// <summary>Whether nothing but punctuation and spaces stands between a place and the sentence's end.</summary>
    private bool EndsSentence(int from, int sentenceEnd)
    {
        foreach (var c in _doc.Masked.AsSpan(from, Math.Max(0, sentenceEnd - from)))
        {
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a period is written as the base of a comparison: a base word right before it (较2024年, up from … in 2024 is not: only "from 2024").</summary>
    private bool IsBasePeriod(ParsedPeriod period)
    {
        var before = _doc.Masked.AsSpan(Math.Max(0, period.Span.Offset - 16), Math.Min(16, period.Span.Offset)).TrimEnd();
        foreach (var word in _lexicon.Words.BaseWords)
        {
            if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase)
                && (before.Length == word.Length || !char.IsAsciiLetter(word[0]) || !char.IsAsciiLetter(before[before.Length - word.Length - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The shift in months an ago word next to the figure gives it (一年前的48%, 48% a year ago), if one does.</summary>
    private int? AgoShift(int start, int end, int previousEnd)
    {
        var masked = _doc.Masked;
        var beforeFrom = Math.Max(previousEnd, start - 10);
        var before = masked.AsSpan(beforeFrom, start - beforeFrom);
        var after = masked.AsSpan(end, Math.Min(20, masked.Length - end));
        foreach (var (word, months) in _lexicon.Words.AgoWords)
        {
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase) || after.TrimStart().StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return months;
            }
        }

        return null;
    }

    /// <summary>A period moved by whole months, at its own granularity; none for a range or a shift that does not fit it.</summary>
    private static Period? Shifted(Period period, int months) => period.Kind switch
    {
        PeriodKind.Year when months % 12 == 0 => Period.Year(period.Start.Year + (months / 12)),
        PeriodKind.Half when months % 6 == 0 => Period.Half(period.Start.AddMonths(months).Year, period.Start.AddMonths(months).Month <= 6 ? 1 : 2),
        PeriodKind.Quarter when months % 3 == 0 => Period.Quarter(period.Start.AddMonths(months).Year, ((period.Start.AddMonths(months).Month - 1) / 3) + 1),
        PeriodKind.Month => Period.Month(period.Start.AddMonths(months).Year, period.Start.AddMonths(months).Month),
        PeriodKind.Instant => Period.Instant(period.End.AddMonths(months)),
        PeriodKind.Day => Period.Day(period.Start.AddMonths(months)),
        _ => null,
    };

    /// <summary>
    /// A CAGR's years: a range stated with it (<c>2025-2034年</c>), else the first and last year of its sentence,
    /// else from the earliest year of its section to the year stated (<c>2034年预测规模: …，CAGR 21.63%</c> → 2024/2034).
    /// </summary>
    private Period? CagrPeriod(TextUnit unit, IEnumerable<ParsedPeriod> inSentence)
    {
        var periods = inSentence.Select(p => p.Period).ToList();
        if (unit.Label is not null)
        {
            periods.AddRange(WordsOf(unit.Label).Periods.Select(p => p.Period));
        }

        if (periods.FirstOrDefault(p => p.Kind == PeriodKind.Range) is { Kind: PeriodKind.Range } range)
        {
            return range;
        }

        var years = periods.Select(p => p.Start.Year).Distinct().Order().ToList();
        if (years.Count >= 2)
        {
            return Period.Between(Period.Year(years[0]), Period.Year(years[^1]));
        }

        if (years.Count == 1 && _sectionFirstYear.TryGetValue(unit.Section, out var first) && first < years[0])
        {
            return Period.Between(Period.Year(first), Period.Year(years[0]));
        }

        return null;
    }

    // ---------------------------------------------------------------- scope

    private Scope ScopeFor(UnitContext ctx, TextUnit unit, NamedEntity? entity, bool entityIsSubject, Metric? metric, int sentenceStart, int sentenceEnd, int figureStart)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        // A company's or a model's figure is about a region only where its own sentence says so: a heading's
        // 全球 or "Europe's leading lab" describes the company, not where the figure was measured.
        // A share is of some market, and the headings say which (### 中国市场 › 企业级市场份额).
        var ownSentenceOnly = entity is { IsSubject: true } && metric?.Id is not ("market-share" or "market-size");
        var region = ownSentenceOnly
            ? ctx.Entities.LastOrDefault(m => m.Start >= sentenceStart && m.End <= figureStart && m.Value.Kind == EntityKind.Region && !IsPossessive(_doc.Masked, m.End)) is { Value.Id: not null } inSentence ? inSentence.Value : (NamedEntity?)null
            : Nearest(ctx, unit, sentenceStart, figureStart, k => k == EntityKind.Region, headings: true);
        if (region is { } r && r.Id != entity?.Id)
        {
            values["region"] = r.Id;
        }
        else if (region is null && HasAny(ownSentenceOnly ? _doc.Masked.AsSpan(sentenceStart, figureStart - sentenceStart) : Near(unit, sentenceStart, figureStart), ["全球", "global", "worldwide"]))
        {
            values["region"] = "world";
        }

        if (entityIsSubject && Nearest(ctx, unit, sentenceStart, figureStart, k => k == EntityKind.Market, headings: true, innermostHeadingOnly: true) is { } market)
        {
            values["market"] = market.Id;
        }
        else if (entityIsSubject && metric?.Id == "market-share" && _documentMarket is { } documentMarket && documentMarket != entity?.Id)
        {
            // A document about one market (an article retelling one survey): a share that names no market is of it.
            values["market"] = documentMarket;
        }

        if (unit.Label is not null && WordsOf(unit.Label).Entities.FirstOrDefault(m => m.Value.Kind == EntityKind.Segment) is { Value.Id: not null } segment && segment.Value.Id != entity?.Id)
        {
            values["segment"] = segment.Value.Id;
        }

        var near = Near(unit, sentenceStart, sentenceEnd);
        if (metric?.Id == "market-share")
        {
            // The basis written with the share, else the one the document states with its shares.
            if ((BasisIn(near) ?? (entityIsSubject ? _documentBasis : null)) is { } basis)
            {
                values["basis"] = basis;
            }

            // A usage share is of the market as its surveys measure it (enterprise LLM usage is measured on API calls).
            if (values.GetValueOrDefault("basis") == "usage" && values.GetValueOrDefault("market") is { } shareMarket && MeasuredMarket(shareMarket) is { } measured)
            {
                values["market"] = measured.Id;
            }

            // 45%的Anthropic用户，而Sonnet 3.5的份额则从83%骤降至16%: the population one share of the sentence is of, all of its shares are of.
            if (!values.ContainsKey("segment") && SentencePopulation(ctx, sentenceStart, sentenceEnd) is { } population && population.Id != entity?.Id)
            {
                values["segment"] = population.Id;
            }
        }

        if (metric?.Id == "respondent-share")
        {
            // Who was asked: the segment the sentence names before its first figure (这种转变在初创公司中最为显著：74%的开发者…).
            var firstFigure = ctx.Figures.Where(f => f.Span.Offset >= sentenceStart).Select(f => f.Span.Offset).DefaultIfEmpty(figureStart).Min();
            // The label or lead-in before a colon (这种转变在初创公司中最为显著：) is the opening of the unit's first sentence.
            var asked = _lexicon.Segments.FindAll(_doc.Masked, sentenceStart, Math.Min(firstFigure, figureStart));
            if (asked.Count == 0 && sentenceStart == unit.BodyStart && (unit.Label ?? unit.LeadIn) is { } opening)
            {
                asked = _lexicon.Segments.FindAll(opening, 0, opening.Length);
            }

            if (asked is [var first, ..] && first.Value != entity?.Id)
            {
                values["segment"] = first.Value;
            }

            if (AnswerFor(ctx, sentenceStart, sentenceEnd, figureStart) is { } answer)
            {
                values["answer"] = answer;
            }
        }

        if (metric?.Id == "arena-score")
        {
            values["benchmark"] = ArenaScores.Benchmark;
        }

        if (metric?.Id is "benchmark-score" or "benchmark-index")
        {
            // The benchmark entities' names, longest first at each place: "GPQA Diamond" is not GPQA.
            var header = unit.ColumnHeader ?? string.Empty;
            var named = _lexicon.Benchmarks.FindAll(near, 0, near.Length).Concat(_lexicon.Benchmarks.FindAll(header, 0, header.Length)).FirstOrDefault();
            if (named.Value is { } benchmark)
            {
                values["benchmark"] = benchmark;
            }
        }

        if (HasAny(near, ["Coding", "编程", "代码生成", "coding"]) && metric?.Id == "market-share")
        {
            values["use-case"] = "coding";
        }

        // The round named before the figure, else after it in the sentence ("raised €1.7 billion in a Series C round").
        var round = Round().Match(Near(unit, sentenceStart, figureStart));
        if (!round.Success)
        {
            round = Round().Match(_doc.Masked, figureStart, sentenceEnd - figureStart);
        }

        // | Anthropic | Series D (Jan 2024) | $750M | $1.84B |: the row's round column names the round of its amounts.
        if (!round.Success && RoundCell(unit) is { } roundCell)
        {
            round = Round().Match(roundCell);
        }

        if (round.Success && metric?.Id is "valuation" or "funding-raised")
        {
            values["round"] = "series-" + round.Groups["letter"].Value.ToLowerInvariant();
        }

        return values.Count == 0 ? Scope.Empty : Scope.Of(values);
    }

    /// <summary>The cell of a table row, other than the unit's own, that names a funding round (Series D (Jan 2024)), if one does.</summary>
    private static string? RoundCell(TextUnit unit) =>
        unit.Row?.Split('|', StringSplitOptions.TrimEntries).FirstOrDefault(cell => cell.Length > 0 && Round().IsMatch(cell));

    /// <summary>The population a share in the sentence is written of (45%的Anthropic用户), if one is.</summary>
    private NamedEntity? SentencePopulation(UnitContext ctx, int sentenceStart, int sentenceEnd)
    {
        foreach (var f in ctx.Figures)
        {
            if (f.Span.Offset >= sentenceStart && f.Span.End <= sentenceEnd && f.Quantity.Unit.Dimension == Dimension.Percent && PopulationAfter(ctx, f.Span.End) is { } population)
            {
                return population;
            }
        }

        return null;
    }

    /// <summary>Whether a name is written in the possessive (<c>Europe's</c>): it qualifies what follows, not the figure.</summary>
    private bool IsPossessive(string text, int end)
    {
        var rest = text.AsSpan(end, Math.Min(3, text.Length - end));
        foreach (var mark in _lexicon.Words.Possessives)
        {
            if (rest.StartsWith(mark, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text a figure's scope is read from: the sentence up to the figure, the label, the row, the lead-in and the innermost heading.</summary>
    private string Near(TextUnit unit, int from, int to) =>
        string.Join('\n', new[] { _doc.Masked[from..to], unit.Label, unit.RowLabel, unit.LeadIn, unit.Headings.Count > 0 ? unit.Headings[^1] : null }.Where(s => s is not null));

    private static bool HasAny(ReadOnlySpan<char> text, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?:Series\s*(?<letter>[A-H])(?![A-Za-z])|(?<letter>[A-H])轮)", RegexOptions.IgnoreCase)]
    private static partial Regex Round();

    // ---------------------------------------------------------------- text

    private (int Start, int End) Bounds(TextUnit unit, int from, int to, string breaks)
    {
        var masked = _doc.Masked;
        var lowest = unit.IsTableCell ? unit.Start : unit.BodyStart;
        var floor = Math.Max(lowest, from - MaxScan);
        var start = from;
        while (start > floor && !IsBreak(masked, start - 1, breaks))
        {
            start--;
        }

        var ceiling = Math.Min(unit.End, to + MaxScan);
        var end = to;
        while (end < ceiling && !IsBreak(masked, end, breaks))
        {
            end++;
        }

        return (start, end);
    }

    private bool IsBreak(string text, int i, string breaks)
    {
        var c = text[i];
        if (breaks.Contains(c, StringComparison.Ordinal))
        {
            // 1,113.04 and 3.5: a comma or point between digits is part of a number.
            return !(c is ',' or '.' && i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]));
        }

        return _doc.Language == "en" && c == '.' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]) && i > 0 && !char.IsAsciiDigit(text[i - 1]);
    }

    private ClaimSpan SpanOf(int offset, int length)
    {
        var position = _doc.PositionOf(offset);
        return new ClaimSpan(offset, length, position.Line, position.Column);
    }

    private string SentenceOf(TextUnit unit, int start, int end) =>
        unit.Row ?? MarkdownUnits.Clean(_doc.Text[start..end]);

    private static string ContextOf(TextUnit unit)
    {
        var parts = new List<string>(unit.Headings);
        foreach (var part in new[] { unit.Label, unit.ColumnHeader, unit.RowLabel })
        {
            if (!string.IsNullOrEmpty(part))
            {
                parts.Add(part);
            }
        }

        return string.Join(" › ", parts);
    }
}
