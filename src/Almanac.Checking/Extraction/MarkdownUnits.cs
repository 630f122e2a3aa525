using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace Almanac.Checking.Extraction;

/// <summary>
/// Walks a Markdown document (parsed with source positions) into <see cref="TextUnit"/>s: headings,
/// paragraphs, list items and table cells, each with its heading path, label, column header and row label.
/// Plain text is Markdown without markup, so it reads as paragraphs.
/// </summary>
internal sealed partial class MarkdownUnits
{
    private readonly string _text;
    private readonly int _offset;
    private readonly List<TextUnit> _units;
    private readonly HeadingState _state;
    private readonly Func<string, bool> _namesModel;
    private readonly List<int> _tableStarts = [];

    private MarkdownUnits(string text, int offset, List<TextUnit> units, HeadingState state, Func<string, bool> namesModel)
    {
        _text = text;
        _offset = offset;
        _units = units;
        _state = state;
        _namesModel = namesModel;
    }

    /// <summary>Headings and the lead-in carry over from one chunk of a long document to the next.</summary>
    internal sealed class HeadingState
    {
        public List<(int Level, string Text)> Headings { get; } = [];

        public string? LeadIn { get; set; }

        public int Section { get; set; }

        /// <summary>How many tables the document has had so far: the next one's number is one more.</summary>
        public int Tables { get; set; }

        public IReadOnlyList<string> Path() => Headings.Select(h => h.Text).ToArray();
    }

    /// <summary>Adds the units of <paramref name="chunk"/> (which starts at <paramref name="offset"/> of the document) to <paramref name="units"/>.</summary>
    /// <param name="namesModel">Whether a cell's text names a model, product or company: the column whose cells do is a table's row label.</param>
    /// <returns>False when Markdig refused the chunk (nesting past its depth limit) and it was read line by line as plain text.</returns>
    public static bool Walk(string chunk, int offset, MarkdownPipeline pipeline, HeadingState state, List<TextUnit> units, Func<string, bool>? namesModel = null)
    {
        var walker = new MarkdownUnits(chunk, offset, units, state, namesModel ?? (_ => false));
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(chunk, pipeline);
        }
        catch (ArgumentException)
        {
            walker.AddLines(new SourceSpan(0, chunk.Length - 1));
            return false;
        }

        walker._tableStarts.AddRange(document.Descendants<Table>().Select(t => Math.Clamp(t.Span.Start, 0, chunk.Length)).Order());
        walker.WalkBlocks(document);
        return true;
    }

    private void WalkBlocks(MarkdownDocument document)
    {
        // An explicit stack: documents nest thousands deep without exhausting the call stack.
        var stack = new Stack<(Block Block, string? ListLabel)>();
        for (var i = document.Count - 1; i >= 0; i--)
        {
            stack.Push((document[i], null));
        }

        while (stack.Count > 0)
        {
            var (block, listLabel) = stack.Pop();
            switch (block)
            {
                case HeadingBlock heading:
                    OnHeading(heading);
                    break;
                case Table table:
                    OnTable(table);
                    _state.LeadIn = null;
                    break;
                case ParagraphBlock paragraph:
                    OnParagraph(paragraph, listLabel);
                    break;
                case CodeBlock code when code is not FencedCodeBlock:
                    AddLines(code.Span);
                    break;
                case ContainerBlock container when container is ListBlock or ListItemBlock or QuoteBlock:
                    var label = container is ListItemBlock ? listLabel : listLabel;
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        stack.Push((container[i], label));
                    }

                    break;
            }
        }
    }

    private void OnHeading(HeadingBlock heading)
    {
        var (start, end) = Trim(heading.Span);
        var raw = Slice(start, end);
        var text = Clean(HeadingMarks().Replace(raw, string.Empty));
        if (text.Length == 0)
        {
            return;
        }

        var headings = _state.Headings;
        while (headings.Count > 0 && headings[^1].Level >= heading.Level)
        {
            headings.RemoveAt(headings.Count - 1);
        }

        _state.Section++;
        _state.LeadIn = null;
        var textStart = start + raw.IndexOf(text[0], StringComparison.Ordinal);
        _units.Add(new TextUnit(UnitKind.Heading, _offset + Math.Max(start, textStart), _offset + Math.Max(start, textStart), _offset + end, _state.Path(), null, null, null, null, null, _state.Section));
        headings.Add((heading.Level, text));
    }

    private void OnParagraph(ParagraphBlock paragraph, string? listLabel)
    {
        var (start, end) = Trim(paragraph.Span);
        // A caption written right above its table with no blank line between (**Qwen系列主要模型**:\n| 模型 | …)
        // leaves the paragraph's span over the table's lines too: the table's cells are the table's, read once.
        if (TableWithin(start, end) is { } tableStart)
        {
            (start, end) = Trim(new SourceSpan(start, tableStart - 1));
        }

        if (start >= end)
        {
            return;
        }

        var raw = Slice(start, end);
        var inList = paragraph.Parent is ListItemBlock;
        var label = ReadLabel(raw, out var bodyStart);
        var pseudoBullet = PseudoBullet().IsMatch(raw);
        var kind = inList || pseudoBullet ? UnitKind.ListItem : UnitKind.Paragraph;
        _units.Add(new TextUnit(kind, _offset + start, _offset + start + bodyStart, _offset + end, _state.Path(), label ?? listLabel, null, null, null, kind == UnitKind.ListItem || label is not null ? _state.LeadIn : null, _state.Section));

        if (!inList && !pseudoBullet)
        {
            var trimmed = raw.TrimEnd('*', ' ');
            _state.LeadIn = trimmed.EndsWith('：') || trimmed.EndsWith(':') ? Clean(raw) : label is not null ? _state.LeadIn : null;
        }
    }

    /// <summary>Where a table that a paragraph's span runs into begins, if any (by binary search over the table starts).</summary>
    private int? TableWithin(int start, int end)
    {
        var index = _tableStarts.BinarySearch(start + 1);
        index = index >= 0 ? index : ~index;
        return index < _tableStarts.Count && _tableStarts[index] <= end ? _tableStarts[index] : null;
    }

    private void OnTable(Table table)
    {
        string[] headers = [];
        var rows = new List<(int Start, int End, string Text)[]>();
        foreach (var rowBlock in table)
        {
            if (rowBlock is not TableRow row)
            {
                continue;
            }

            var cells = row.OfType<TableCell>().Select(c => Trim(c.Span)).Select(s => (Start: s.Start, End: s.End, Text: CellText(s.Start, s.End))).ToArray();
            if (row.IsHeader)
            {
                headers = cells.Select(c => c.Text).ToArray();
                continue;
            }

            rows.Add(cells);
        }

        var tableNumber = ++_state.Tables;
        var labelColumn = LabelColumn(headers, rows);
        var firstColumn = Enumerable.Range(0, Math.Max(headers.Length, 1)).FirstOrDefault(i => i >= headers.Length || !IsRankHeader(headers[i]));
        foreach (var rowBlock in table)
        {
            if (rowBlock is not TableRow row || row.IsHeader)
            {
                continue;
            }

            var cells = row.OfType<TableCell>().Select(c => Trim(c.Span)).Select(s => (Start: s.Start, End: s.End, Text: CellText(s.Start, s.End))).ToArray();
            var rowLabel = cells.Length > labelColumn ? cells[labelColumn].Text : null;
            var vendor = labelColumn != firstColumn && cells.Length > firstColumn ? cells[firstColumn].Text : null;
            var (rowStart, rowEnd) = Trim(row.Span);
            var rowText = Clean(Slice(rowStart, rowEnd));
            for (var i = 0; i < cells.Length; i++)
            {
                var header = i < headers.Length ? headers[i] : null;
                if (i == labelColumn || (header is not null && IsRankHeader(header)) || cells[i].Start >= cells[i].End)
                {
                    continue;
                }

                // The caption (Frontier models:, 数据显示：) says what the whole table is about.
                _units.Add(new TextUnit(UnitKind.TableCell, _offset + cells[i].Start, _offset + cells[i].Start, _offset + cells[i].End, _state.Path(), null, header, rowLabel, rowText, _state.LeadIn, _state.Section, tableNumber, vendor));
            }
        }
    }

    /// <summary>
    /// The column that says what each row is about: the first (after a rank) whose cells most often name a
    /// model, product or company, so a vendor column before the model column gives way to the model column;
    /// the first column that is not a rank when no cells name one.
    /// </summary>
    private int LabelColumn(string[] headers, List<(int Start, int End, string Text)[]> rows)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        var first = Enumerable.Range(0, Math.Max(width, 1)).FirstOrDefault(i => i >= headers.Length || !IsRankHeader(headers[i]));
        var best = first;
        var bestCount = 0;
        for (var i = first; i < width; i++)
        {
            if (i < headers.Length && IsRankHeader(headers[i]))
            {
                continue;
            }

            var count = rows.Count(r => i < r.Length && r[i].Text.Length > 0 && _namesModel(r[i].Text));
            if (count > bestCount)
            {
                (best, bestCount) = (i, count);
            }
        }

        return best;
    }

    private void AddLines(SourceSpan span)
    {
        var (start, end) = Trim(span);
        var i = start;
        while (i < end)
        {
            var lineEnd = _text.IndexOf('\n', i, end - i);
            lineEnd = lineEnd < 0 ? end : lineEnd;

            // Quote and list markers are markup, not text: '>' would otherwise be read as a hedge (> 5%) thousands of times.
            while (i < lineEnd && (_text[i] is ' ' or '\t' or '>' || (_text[i] is '-' or '*' or '+' && i + 1 < lineEnd && _text[i + 1] == ' ')
                || (char.IsAsciiDigit(_text[i]) && ListNumber().Match(_text, i, lineEnd - i) is { Success: true, Index: var at } && at == i)))
            {
                i += char.IsAsciiDigit(_text[i]) ? ListNumber().Match(_text, i, lineEnd - i).Length : 1;
            }

            if (lineEnd > i)
            {
                _units.Add(new TextUnit(UnitKind.Paragraph, _offset + i, _offset + i, _offset + lineEnd, _state.Path(), null, null, null, null, null, _state.Section));
            }

            i = lineEnd + 1;
        }
    }

    /// <summary>A bold label before a colon (<c>**北美市场份额**: 39%</c>), or a short plain one (<c>支持聊天机器人: 31%</c>).</summary>
    internal static string? ReadLabel(string raw, out int bodyStart)
    {
        bodyStart = 0;
        var m = BoldLabel().Match(raw);
        if (!m.Success)
        {
            m = PlainLabel().Match(raw);
        }

        if (!m.Success)
        {
            return null;
        }

        bodyStart = m.Length;
        var label = Clean(m.Groups["label"].Value);
        return label.Length == 0 ? null : label;
    }

    private static bool IsRankHeader(string header) =>
        header is "排名" or "排行" or "序号" or "名次" or "#" or "No." or "No" || header.Equals("rank", StringComparison.OrdinalIgnoreCase);

    private string CellText(int start, int end) => Clean(Slice(start, end));

    private string Slice(int start, int end) => _text[start..end];

    /// <summary>The span without surrounding whitespace and table pipes; Markdig's End is inclusive.</summary>
    private (int Start, int End) Trim(SourceSpan span)
    {
        var start = Math.Clamp(span.Start, 0, _text.Length);
        var end = Math.Clamp(span.End + 1, start, _text.Length);
        while (start < end && (char.IsWhiteSpace(_text[start]) || _text[start] == '|'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(_text[end - 1]) || _text[end - 1] == '|'))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>Text without emphasis marks and escapes, for labels, headers and headings.</summary>
    internal static string Clean(string raw) => Emphasis().Replace(raw, string.Empty).Replace('\n', ' ').Trim();

    [GeneratedRegex(@"^\s*(#{1,6}\s*|)|\s*#+\s*$|\n[-=]+\s*$")]
    private static partial Regex HeadingMarks();

    [GeneratedRegex(@"\*\*|__|\\(?=\p{P})|`")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s*\*\*(?<label>[^*\n]{1,60}?)(\s*[:：]\s*\*\*|\s*\*\*\s*[:：])")]
    private static partial Regex BoldLabel();

    [GeneratedRegex(@"^\s*(?<label>[^\s:：，,。；;*|（(][^:：，,。；;\n|]{0,24}?)\s*[:：](?=\s|\S)")]
    private static partial Regex PlainLabel();

    [GeneratedRegex(@"\G\d{1,9}[.)] ")]
    private static partial Regex ListNumber();

    [GeneratedRegex(@"^\s*(\*\*)?\s*[·•●▪■◆]")]
    private static partial Regex PseudoBullet();
}
