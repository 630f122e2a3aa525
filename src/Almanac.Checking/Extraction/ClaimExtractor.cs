using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Almanac.Periods;
using Almanac.Text;
using Markdig;

namespace Almanac.Checking.Extraction;

/// <summary>
/// Finds every figure in a research note or article (Chinese or English, Markdown or plain text) and
/// says what it was understood to claim: entity, metric, scope, period, value, with its exact source span.
/// Build once and reuse, as a Markdig pipeline: the Markdown pipeline and the word indexes of each
/// <see cref="CheckKnowledge"/> are built once. Never throws for bad input.
/// </summary>
/// <remarks>
/// Work is bounded: a line longer than <see cref="MaxLineLength"/> characters is skipped with a note, and
/// long documents are parsed in chunks cut at blank lines, so memory follows the chunk, not the document.
/// </remarks>
public sealed partial class ClaimExtractor
{
    /// <summary>Lines longer than this are not prose anyone checks (minified data, base64): skipped with a note.</summary>
    public const int MaxLineLength = 10_000;

    private const int ChunkSize = 256 * 1024;

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();
    // Shared by every extractor: a checker per request over the same knowledge indexes its names once.
    private static readonly ConditionalWeakTable<CheckKnowledge, Lexicon> Lexicons = [];

    /// <summary>The claims of <paramref name="text"/>; <paramref name="language"/> is <c>zh</c>, <c>en</c> or <c>auto</c>.</summary>
    public IReadOnlyList<Claim> Extract(string text, CheckKnowledge knowledge, string language = "auto") =>
        ExtractWithNotes(text, knowledge, language).Claims;

    /// <summary>As <see cref="Extract"/>, with notes on what was skipped.</summary>
    public ExtractionResult ExtractWithNotes(string text, CheckKnowledge knowledge, string language = "auto") =>
        ExtractWithNotes(text, knowledge, language, CancellationToken.None);

    /// <summary>As <see cref="Extract"/>, with notes on what was skipped; stops with <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> is cancelled.</summary>
    public ExtractionResult ExtractWithNotes(string text, CheckKnowledge knowledge, string language, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knowledge);
        var notes = new List<string>();
        var lexicon = LexiconOf(knowledge);
        var masked = Mask(text, notes);
        var units = new List<TextUnit>();
        var state = new MarkdownUnits.HeadingState();
        foreach (var (start, end) in Chunks(masked))
        {
            cancellation.ThrowIfCancellationRequested();
            if (!MarkdownUnits.Walk(masked[start..end], start, _pipeline, state, units, lexicon.NamesModel))
            {
                notes.Add(ExtractionMessages.ReadAsPlainText(TextPosition.Of(masked, start).Line));
            }
        }

        var document = new DocumentContext(text, masked, ReferenceYear(masked), LanguageOf(text, language), lexicon);
        var claims = new UnitReader(document, units).ReadAll(cancellation);
        return new ExtractionResult(claims, notes);
    }

    /// <summary>Builds the word indexes of <paramref name="knowledge"/> now rather than on the first document.</summary>
    public static void Prepare(CheckKnowledge knowledge) => LexiconOf(knowledge);

    private static Lexicon LexiconOf(CheckKnowledge knowledge) => Lexicons.GetValue(knowledge, k => new Lexicon(k));

    /// <summary>
    /// A copy of the text of the same length in which what is never a figure is blanked: URLs (and so image
    /// links) and over-long lines. Offsets into the copy are offsets into the original.
    /// </summary>
    private static string Mask(string text, List<string> notes)
    {
        var chars = text.ToCharArray();
        foreach (Match m in Url().Matches(text))
        {
            Array.Fill(chars, ' ', m.Index, m.Length);
        }

        var lineStart = 0;
        var line = 1;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            if (lineEnd - lineStart > MaxLineLength)
            {
                Array.Fill(chars, ' ', lineStart, lineEnd - lineStart);
                notes.Add(ExtractionMessages.LineSkipped(line, lineEnd - lineStart, MaxLineLength));
            }

            lineStart = lineEnd + 1;
            line++;
        }

        return new string(chars);
    }

    /// <summary>Cuts a long document into pieces at blank lines (or, failing that, at line ends), about <see cref="ChunkSize"/> each.</summary>
    private static IEnumerable<(int Start, int End)> Chunks(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            if (text.Length - start <= ChunkSize)
            {
                yield return (start, text.Length);
                yield break;
            }

            var cut = text.IndexOf("\n\n", start + ChunkSize, StringComparison.Ordinal);
            if (cut < 0 || cut - start > 4 * ChunkSize)
            {
                cut = text.IndexOf('\n', start + ChunkSize);
            }

            var end = cut < 0 ? text.Length : cut + 1;
            yield return (start, end);
            start = end;
        }
    }

    /// <summary>The year of the document's own date (<c>研究日期: 2025年12月29日</c>, <c>Published on Fri, 01 Aug 2025</c>), which 今年 and 年中 refer to.</summary>
    internal static int? ReferenceYear(string text)
    {
        foreach (Match m in DateLine().Matches(text.Length > 2_000_000 ? text[..2_000_000] : text))
        {
            var year = Year().Match(m.Groups["rest"].Value);
            if (year.Success)
            {
                return int.Parse(year.Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static string LanguageOf(string text, string language)
    {
        if (language is "zh" or "en")
        {
            return language;
        }

        var sample = text.AsSpan(0, Math.Min(text.Length, 20_000));
        var cjk = 0;
        var latin = 0;
        foreach (var c in sample)
        {
            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                cjk++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return cjk * 3 >= latin ? "zh" : "en";
    }

    [GeneratedRegex(@"(?:https?://|www\.)[^\s)）\]>""'，。]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?:研究日期|发布日期|发布时间|日期|更新日期|Published(?: on)?|Date|Updated)\**\s*[:：]?\**\s*(?<rest>[^\n]{0,60})", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex Year();
}

/// <summary>The document being read: its text, the masked copy figures are searched in, and what applies throughout.</summary>
internal sealed record DocumentContext(string Text, string Masked, int? ReferenceYear, string Language, Lexicon Lexicon)
{
    private int[]? _lineStarts;

    /// <summary>The 1-based line and column of an offset, by binary search over line starts.</summary>
    public TextPosition PositionOf(int offset)
    {
        _lineStarts ??= LineStarts(Text);
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new TextPosition(line + 1, offset - _lineStarts[line] + 1);
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return starts.ToArray();
    }
}
