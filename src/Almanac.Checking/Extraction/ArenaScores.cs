using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Periods;
using Almanac.Quantities;
using Almanac.Text;

namespace Almanac.Checking.Extraction;

/// <summary>
/// Arena scores written as bare numbers (<c>GPT-4o scored 1287 on LMArena</c>, <c>竞技场得分1287</c>): a
/// 3–4 digit whole number is one only when an Arena word (Arena score, Elo, LMArena, Chatbot Arena, 竞技场)
/// stands next to it in the same clause, so that no other bare number is read as a score. Under a heading
/// that names the leaderboard (<c>### LMArena text leaderboard</c>) the list items and paragraphs speak of its
/// scores, so there a bare number followed by nothing it counts is one without an Arena word beside it
/// (<c>Gemini 2.5 Pro ranks first with 1470</c>, <c>Gemini 2.5 Pro's 1407 points</c>).
/// </summary>
internal static partial class ArenaScores
{
    /// <summary>The label such a figure carries: the metric's English name, which the lexicon resolves.</summary>
    public const string Label = "Arena score";

    /// <summary>The leaderboard an unqualified Arena score is on.</summary>
    public const string Benchmark = "lmarena-text";

    /// <summary>How far (in characters) the Arena word may stand from the number: "1287 on LMArena", "Elo of 1287".</summary>
    private const int Reach = 16;

    /// <summary>
    /// The figures of a text unit with Arena scores added: a bare count next to an Arena word becomes a score,
    /// and a bare number no other figure or period covers is added when it has one beside it.
    /// </summary>
    /// <param name="underArenaHeading">Whether the unit's innermost heading names the leaderboard (see <see cref="Names"/>).</param>
    public static List<ParsedQuantity> With(string masked, int start, int end, List<ParsedQuantity> figures, IReadOnlyList<ParsedPeriod> periods, bool underArenaHeading = false)
    {
        var body = masked.AsSpan(start, end - start);
        if (!underArenaHeading && !Cue().IsMatch(body))
        {
            return figures;
        }

        bool Beside(int offset, int numberEnd) => underArenaHeading || HasCueBeside(masked, start, end, offset, numberEnd);

        var result = new List<ParsedQuantity>(figures.Count + 1);
        foreach (var figure in figures)
        {
            result.Add(!figure.UnitStated && figure.Quantity.Unit.Dimension == Dimension.Count && figure.Label is null
                && IsScoreText(masked.Substring(figure.Span.Offset, figure.Span.Length)) && CountsNothing(masked, figure.Span.End, end) && Beside(figure.Span.Offset, figure.Span.End)
                ? figure with { Quantity = Quantity.Of(figure.Quantity.Value, Unit.Score, figure.Quantity.Qualifier), UnitStated = true, Label = Label }
                : figure);
        }

        foreach (Match number in Number().Matches(masked[start..end]))
        {
            var offset = start + number.Index;
            var numberEnd = offset + number.Length;
            if (figures.Any(f => f.Span.Offset < numberEnd && offset < f.Span.End) || periods.Any(p => p.Span.Offset < numberEnd && offset < p.Span.End)
                || !CountsNothing(masked, numberEnd, end) || !Beside(offset, numberEnd))
            {
                continue;
            }

            var value = decimal.Parse(number.Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
            result.Add(new ParsedQuantity
            {
                Quantity = Quantity.Of(value, Unit.Score),
                Span = new SourceSpan(offset, number.Length),
                Precision = 1,
                UnitStated = true,
                Label = Label,
            });
        }

        return result.OrderBy(f => f.Span.Offset).ToList();
    }

    /// <summary>Whether a heading names the Arena leaderboard (<c>LMArena text leaderboard</c>, <c>大模型竞技场排名</c>).</summary>
    public static bool Names(string heading) => Cue().IsMatch(heading);

    /// <summary>
    /// Whether the words after the number leave it a score: the end, punctuation, a preposition or an Arena word
    /// (<c>1287 on LMArena</c>, <c>1287分</c>), not a noun it counts (<c>1287 users</c>, <c>1287名</c>).
    /// </summary>
    private static bool CountsNothing(string masked, int numberEnd, int unitEnd) =>
        AfterScore().IsMatch(masked.AsSpan(numberEnd, Math.Min(unitEnd - numberEnd, 24)));

    private static bool IsScoreText(string text) => Number().Match(text) is { Success: true } m && m.Length == text.Length;

    /// <summary>An Arena word within <see cref="Reach"/> characters of the number, with no clause break between them.</summary>
    private static bool HasCueBeside(string masked, int unitStart, int unitEnd, int numberStart, int numberEnd)
    {
        var before = masked[Math.Max(unitStart, numberStart - Reach - 14)..numberStart];
        var after = masked[numberEnd..Math.Min(unitEnd, numberEnd + Reach + 14)];
        foreach (Match cue in Cue().Matches(before))
        {
            var gap = before[(cue.Index + cue.Length)..];
            if (gap.Length <= Reach && gap.AsSpan().IndexOfAny(ClauseBreaks) < 0)
            {
                return true;
            }
        }

        foreach (Match cue in Cue().Matches(after))
        {
            var gap = after[..cue.Index];
            if (gap.Length <= Reach && gap.AsSpan().IndexOfAny(ClauseBreaks) < 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> ClauseBreaks = System.Buffers.SearchValues.Create(",，。;；!！?？\n、");

    // "Elo" as a word only (not Elon); 竞技场 also inside 大模型竞技场.
    [GeneratedRegex(@"(?:\b(?:Arena\s+score|Arena\s+Elo|Elo|LMArena|LMSYS|Chatbot\s+Arena)(?![A-Za-z])|竞技场)", RegexOptions.IgnoreCase)]
    private static partial Regex Cue();

    // A whole number of three or four digits (1287, 1,287), not part of a longer number, a decimal, a percentage or a word.
    [GeneratedRegex(@"(?<![\d.,A-Za-z\-])(?:\d,\d{3}|\d{3,4})(?![\d%A-Za-z]|[.,]\d)")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\s*(?:$|[^\w\s]|(?:on|in|at|as|and|with|for|from|to|vs|ahead|above|below|points|Elo|Arena|LMArena)\b|分)", RegexOptions.IgnoreCase)]
    private static partial Regex AfterScore();
}
