using Almanac.Text;

namespace Almanac.Quantities;

/// <summary>
/// Reads figures as Chinese and English research notes write them — <c>56.17亿美元</c>, <c>超过180万个</c>,
/// <c>$8.4B</c>, <c>30-65T（推测）</c>, <c>109B总/17B激活</c> — into exact decimal <see cref="Quantity"/> values,
/// each with the span of the source it came from and the precision it was written to.
/// </summary>
/// <remarks>
/// Bad input never throws: <see cref="Parse"/> returns an error with a position and a message, and
/// <see cref="FindAll"/> skips what is not a figure. The word tables are built once and shared.
/// A figure without a unit (<c>540B</c>, <c>8,192</c>) is <see cref="Unit.Count"/> with
/// <see cref="ParsedQuantity.UnitStated"/> false; the caller re-units it from context with <see cref="Quantity.WithUnit"/>.
/// When a figure carries more than one hedge (<c>最高超12.3%</c>) the one nearest the number wins.
/// </remarks>
public static partial class QuantityParser
{
    private const int ChangeGap = 16;
    private const string SentenceBreakChars = "。；;，,！!？?\n\r|";
    private static readonly System.Buffers.SearchValues<char> SentenceBreaks = System.Buffers.SearchValues.Create(SentenceBreakChars);

    /// <summary>
    /// Parses a whole figure string. Compound figures give several parts: <c>109B总/17B激活</c> (Total, Active),
    /// <c>11亿欧元（约11.9亿美元）</c> (Standalone, Equivalent), <c>从50%跌至25%</c> (From, To), <c>7B, 13B, 70B</c> (three Standalone parts).
    /// Spans are offsets into <paramref name="text"/>.
    /// </summary>
    public static ParseResult<ParsedFigure> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (start, end) = SourceSpan.Trimmed(text);

        if (start == end)
        {
            return Fail(text, new Failure(start, 0, ParseMessages.Empty("a figure")));
        }

        var reader = new Reader(text);
        var parts = new List<ParsedQuantity>();
        var p = start;
        Reading? last;
        Failure failure;

        var changeMarker = ChangeMarkerLength(reader, p);
        if (changeMarker > 0)
        {
            var from = reader.ReadSingle(reader.SkipSpaces(p + changeMarker), allowRange: false, out failure);
            if (from is null)
            {
                return Fail(text, failure);
            }

            from.Start = p;
            var to = FindChangeEnd(reader, from.End, end);
            if (to is null)
            {
                return Fail(text, new Failure(from.End, end - from.End, ParseMessages.Unexpected(text[from.End..end])));
            }

            parts.Add(from.ToParsed(QuantityRole.From));
            parts.Add(to.ToParsed(QuantityRole.To));
            p = to.End;
            last = to;
        }
        else
        {
            if (!TryReadGroup(reader, p, allowRange: true, parts, out last, out p, out failure))
            {
                return Fail(text, failure);
            }
        }

        // A list: 7B, 13B, 70B.
        while (true)
        {
            var q = reader.SkipSpaces(p);
            if (q >= end || text[q] is not (',' or '，' or '、' or ';' or '；'))
            {
                break;
            }

            if (!TryReadGroup(reader, reader.SkipSpaces(q + 1), allowRange: true, parts, out var next, out var nextEnd, out _))
            {
                break;
            }

            last = next;
            p = nextEnd;
        }

        p = reader.SkipSpaces(p);
        if (p < end)
        {
            if (last is not null && !last.UnitMatched && !last.HasCurrency && p == reader.SkipSpaces(last.End))
            {
                var unitAt = reader.SkipSpaces(last.NumberEnd);
                return Fail(text, new Failure(unitAt, reader.TokenLength(unitAt), ParseMessages.UnknownUnit(reader.Token(unitAt))));
            }

            return Fail(text, new Failure(p, end - p, ParseMessages.Unexpected(text[p..end])));
        }

        return ParseResult.Success(new ParsedFigure(parts));
    }

    /// <summary>
    /// Finds every figure in running text, in order, each with its span. Dates (<c>2024年</c>, <c>5-7月</c>),
    /// model names (<c>Qwen2.5-72B</c>, <c>GPT-4</c>) and bare numbers without unit, magnitude, hedge or
    /// thousands separator (<c>4大趋势</c>) are skipped. Roles mark total/active pairs, equivalents in brackets
    /// and changes (<c>从83%骤降至16%</c>).
    /// </summary>
    public static IReadOnlyList<ParsedQuantity> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text);
        var found = new List<ParsedQuantity>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var previous = i > 0 ? text[i - 1] : ' ';
            if (char.IsAsciiLetter(c))
            {
                if (!IsWordChar(previous) && TryFindAt(reader, i, found, out var next))
                {
                    i = next;
                    continue;
                }

                i = SkipIdentifier(text, i);
                continue;
            }

            if (char.IsAsciiDigit(c) && (IsWordChar(previous) || previous is '.' or '_'))
            {
                i = SkipIdentifier(text, i);
                continue;
            }

            if (CanStartFigure(c) && TryFindAt(reader, i, found, out var after))
            {
                i = after;
                continue;
            }

            i = char.IsAsciiDigit(c) ? SkipNumber(text, i) : i + 1;
        }

        LinkChanges(text, found);
        return found;
    }

    private static bool TryFindAt(Reader reader, int i, List<ParsedQuantity> found, out int next)
    {
        next = i;
        var allowRange = !PrecededByChangeMarker(reader.Text, i, found);
        var before = found.Count;
        if (!TryReadGroup(reader, i, allowRange, found, out var last, out var end, out _) || last is null)
        {
            return false;
        }

        if (!last.Substantive && found.Count - before == 1)
        {
            found.RemoveAt(found.Count - 1);
            return false;
        }

        next = end;
        return true;
    }

    /// <summary>Reads one quantity and what hangs on it: <c>总/…激活</c>, or a bracketed equivalent.</summary>
    private static bool TryReadGroup(Reader reader, int p, bool allowRange, List<ParsedQuantity> parts, out Reading? last, out int end, out Failure failure)
    {
        end = p;
        last = reader.ReadSingle(p, allowRange, out failure);
        if (last is null || last.IsDate)
        {
            if (last is { IsDate: true })
            {
                failure = new Failure(last.NumberEnd, reader.TokenLength(last.NumberEnd), ParseMessages.UnknownUnit(reader.Token(last.NumberEnd)));
            }

            last = null;
            return false;
        }

        var text = reader.Text;

        // 109B总/17B激活, 109B total / 17B active.
        var q = last.End;
        var totalLength = reader.StartsWith(q, "总") ? 1 : reader.StartsWithWord(q, " total") ? 6 : 0;
        if (totalLength > 0)
        {
            var slash = reader.SkipSpaces(q + totalLength);
            if (reader.StartsWith(slash, "/"))
            {
                var second = reader.ReadSingle(reader.SkipSpaces(slash + 1), allowRange, out _);
                if (second is { IsDate: false })
                {
                    var activeLength = reader.StartsWith(second.End, "激活") ? 2 : reader.StartsWithWord(second.End, " active") ? 7 : 0;
                    if (activeLength > 0)
                    {
                        last.End = q + totalLength;
                        second.End += activeLength;
                        parts.Add(last.ToParsed(QuantityRole.Total));
                        parts.Add(second.ToParsed(QuantityRole.Active));
                        last = second;
                        end = second.End;
                        return true;
                    }
                }
            }
        }

        parts.Add(last.ToParsed(QuantityRole.Standalone));
        end = last.End;

        // 11亿欧元（约11.9亿美元）: the same figure restated.
        var open = reader.SkipSpaces(last.End);
        if (open < text.Length && text[open] is '(' or '（')
        {
            var equivalent = reader.ReadSingle(reader.SkipSpaces(open + 1), allowRange: true, out _);
            if (equivalent is { IsDate: false } && equivalent.Substantive && AreEquivalentUnits(last.Unit, equivalent.Unit))
            {
                var close = reader.SkipSpaces(equivalent.End);
                if (close < text.Length && text[close] is ')' or '）')
                {
                    parts.Add(equivalent.ToParsed(QuantityRole.Equivalent));
                    last = equivalent;
                    end = close + 1;
                }
            }
        }

        return true;
    }

    /// <summary>Whether a bracketed figure restates the one before it: money as money, 750GB as 1.56万亿词 — not 1B（558 tokens/秒）.</summary>
    private static bool AreEquivalentUnits(Unit first, Unit second) =>
        first.Dimension == second.Dimension
        || (first.Dimension == Dimension.Bytes && second.Dimension is Dimension.Words or Dimension.Tokens);

    /// <summary>After the first figure of a change, the second: <c>跌至25%</c>, <c>to 25%</c>, within a short gap.</summary>
    private static Reading? FindChangeEnd(Reader reader, int from, int end)
    {
        var text = reader.Text;
        for (var j = from; j < Math.Min(end, from + ChangeGap); j++)
        {
            if (SentenceBreaks.Contains(text[j]))
            {
                return null;
            }

            if (reader.TryMatch(j, ChangeMarkers, out var len))
            {
                var to = reader.ReadSingle(reader.SkipSpaces(j + len), allowRange: false, out _);
                if (to is { IsDate: false })
                {
                    return to;
                }
            }
        }

        return null;
    }

    private static int ChangeMarkerLength(Reader reader, int p) =>
        reader.StartsWith(p, "从") ? 1 : reader.StartsWithWord(p, "from ") ? 5 : 0;

    private static bool PrecededByChangeMarker(string text, int i, List<ParsedQuantity> found)
    {
        var floor = Math.Max(found.Count > 0 ? found[^1].Span.End : 0, i - 12);
        for (var j = i - 1; j >= floor; j--)
        {
            if (SentenceBreaks.Contains(text[j]))
            {
                return false;
            }

            if (text[j] == '从' || (j + 5 <= i && text.AsSpan(j, 5).Equals("from ", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks 从X…至Y pairs in running text as From and To.</summary>
    private static void LinkChanges(string text, List<ParsedQuantity> found)
    {
        for (var k = 0; k + 1 < found.Count; k++)
        {
            var first = found[k];
            var second = found[k + 1];
            if (first.Role != QuantityRole.Standalone || second.Role != QuantityRole.Standalone
                || !PrecededByChangeMarker(text, first.Span.Offset, found.GetRange(0, k)))
            {
                continue;
            }

            var gap = text.AsSpan(first.Span.End, second.Span.Offset - first.Span.End);
            if (gap.Length > ChangeGap || gap.IndexOfAny(SentenceBreaks) >= 0)
            {
                continue;
            }

            if (gap.Contains('至') || gap.Contains('到') || gap.Contains(" to ", StringComparison.OrdinalIgnoreCase) || gap.EndsWith(" to", StringComparison.OrdinalIgnoreCase))
            {
                found[k] = first with { Role = QuantityRole.From };
                found[k + 1] = second with { Role = QuantityRole.To };
                k++;
            }
        }
    }

    // Asked for every character of a document: a table lookup, not a scan of the qualifier and magnitude words.
    private static bool CanStartFigure(char c) => FigureStarts.Table[c];

    /// <summary>The characters a figure may start with, built once from the parser's words (after them: a nested class's statics start on first use).</summary>
    private static class FigureStarts
    {
        public static readonly bool[] Table = Build();

        private static bool[] Build()
        {
            var table = new bool[char.MaxValue + 1];
            for (var i = 0; i <= char.MaxValue; i++)
            {
                var c = (char)i;
                table[i] = char.IsAsciiDigit(c) || c is '$' or '€' or '¥' or '￥' or '~' or '≈' or '>' or '<' or '≤' or '≥'
                    || ChineseDigits.Contains(c, StringComparison.Ordinal) || c == '十';
            }

            foreach (var q in PrefixQualifiers)
            {
                table[q.Text[0]] = true;
            }

            foreach (var m in Magnitudes.Where(m => !char.IsAsciiLetter(m.Text[0])))
            {
                table[m.Text[0]] = true;
            }

            return table;
        }
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    private static int SkipIdentifier(string text, int i)
    {
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-'))
        {
            i++;
        }

        return i;
    }

    private static int SkipNumber(string text, int i)
    {
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            i++;
        }

        return i;
    }

    private static ParseResult<ParsedFigure> Fail(string text, Failure failure) =>
        ParseResult.Failure<ParsedFigure>(ParseMessages.At(text, new SourceSpan(failure.Offset, failure.Length), failure.Message));
}
