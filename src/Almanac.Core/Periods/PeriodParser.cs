using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Text;

namespace Almanac.Periods;

/// <summary>
/// Reads the periods research notes write — <c>2025年上半年</c>, <c>2025年Q3</c>, <c>Q2 2025</c>, <c>2023年底</c>,
/// <c>mid-2025</c>, <c>截至2024年</c>, <c>2024年5-7月</c>, <c>June 30, 2025</c>, <c>FY2025</c>, and the canonical forms
/// of <see cref="Period"/> — with the span of the source.
/// </summary>
/// <remarks>
/// Instants: <c>2023年底</c>/<c>年末</c>/<c>end of 2023</c> are the last day of the year; <c>2025年初</c> and
/// <c>start of 2025</c> the first day; <c>2025年中</c>/<c>mid-2025</c> 30 June. "As of" (<c>截至</c>, <c>as of</c>)
/// a period is the instant of its last day. Relative words (<c>今年</c>, <c>去年</c>, a bare <c>年中</c>) need a
/// reference year from the caller (a note's publication year); without one they are an error, never a guess.
/// Bad input never throws.
/// </remarks>
public static partial class PeriodParser
{
    /// <summary>Parses a whole period string; <paramref name="referenceYear"/> resolves 今年, 去年 and a bare 年中.</summary>
    public static ParseResult<ParsedPeriod> Parse(string text, int? referenceYear = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (start, end) = SourceSpan.Trimmed(text);

        if (start == end)
        {
            return Fail(text, start, 0, ParseMessages.Empty("a period"));
        }

        var match = MatchAt(text, start, referenceYear);
        if (match is null || match.Value.Length != end - start)
        {
            return Fail(text, start, end - start, ParseMessages.UnknownPeriod(text[start..end]));
        }

        var (length, period, error) = match.Value;
        return error is not null
            ? Fail(text, start, length, error)
            : ParseResult.Success(new ParsedPeriod(period, new SourceSpan(start, length)));
    }

    /// <summary>Finds every period in running text, in order. Unresolvable relative words are skipped.</summary>
    /// <remarks>
    /// A reading can start only where some rule (or the "as of" prefix) matches. Rather than trying every rule
    /// at every character, each rule's unanchored form finds the next place it matches (the regex engine skips
    /// ahead to the characters the rule can start with), and only the nearest of those places is tried: the
    /// same places, in the same order, as trying every character.
    /// </remarks>
    public static IReadOnlyList<ParsedPeriod> FindAll(string text, int? referenceYear = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<ParsedPeriod>();
        var next = new int[Starts.Length];
        Array.Fill(next, -1);
        var i = 0;
        while (i < text.Length)
        {
            i = NextStart(text, i, next);
            if (i >= text.Length)
            {
                break;
            }

            if (CanStartAt(text, i) && MatchAt(text, i, referenceYear) is { } match && match.Error is null
                && (!IsBareYear(text, i, match.Length) || BareYearStandsAlone(text, i, match.Length)))
            {
                found.Add(new ParsedPeriod(match.Period, new SourceSpan(i, match.Length)));
                i += match.Length;
                continue;
            }

            i++;
        }

        return found;
    }

    /// <summary>
    /// The first offset at or after <paramref name="from"/> where a rule or the prefix matches (the text's length if none).
    /// <paramref name="next"/> keeps each one's next match; one behind <paramref name="from"/> is searched again from there.
    /// </summary>
    private static int NextStart(string text, int from, int[] next)
    {
        var nearest = text.Length;
        for (var r = 0; r < Starts.Length; r++)
        {
            if (next[r] < from)
            {
                var m = Starts[r].Match(text, from);
                next[r] = m.Success ? m.Index : text.Length;
            }

            nearest = Math.Min(nearest, next[r]);
        }

        return nearest;
    }

    private readonly record struct Hit(int Length, Period Period, string? Error);

    /// <summary>The longest reading at <paramref name="start"/>, an "as of" prefix included.</summary>
    private static Hit? MatchAt(string text, int start, int? referenceYear)
    {
        var prefix = AsOfPrefix().Match(text, start);
        if (prefix.Success && prefix.Index == start && prefix.Length > 0)
        {
            var inner = Longest(text, start + prefix.Length, referenceYear);
            if (inner is { } hit)
            {
                var atStart = prefix.Groups["start"].Success;
                var period = hit.Error is null ? Period.Instant(atStart ? hit.Period.Start : hit.Period.End) : default;
                return new Hit(prefix.Length + hit.Length, period, hit.Error);
            }
        }

        return Longest(text, start, referenceYear);
    }

    private static Hit? Longest(string text, int start, int? referenceYear)
    {
        Hit? best = null;
        foreach (var rule in Rules)
        {
            var m = rule.Pattern.Match(text, start);
            if (!m.Success || m.Index != start || m.Length == 0 || (best is { } b && b.Length >= m.Length))
            {
                continue;
            }

            var (period, error) = Build(rule.Build, m, referenceYear);
            best = new Hit(m.Length, period, error);
        }

        return best;
    }

    private static (Period Period, string? Error) Build(Func<Reading, Period> build, Match m, int? referenceYear)
    {
        var reading = new Reading(m, referenceYear);
        var period = build(reading);
        return reading.Error is null ? (period, null) : (default, reading.Error);
    }

    private static bool CanStartAt(string text, int i)
    {
        if (i == 0)
        {
            return true;
        }

        var previous = text[i - 1];
        var c = text[i];
        if (char.IsAsciiDigit(c))
        {
            // A comma after a digit is inside a number (1,2025); after a word it ends a clause (37亿美元,2025年上半年…).
            return !char.IsAsciiLetterOrDigit(previous) && previous is not ('.' or '$' or '€' or '¥' or '-' or '_' or '/')
                && !(previous == ',' && (i < 2 || char.IsAsciiDigit(text[i - 2])));
        }

        return !char.IsAsciiLetter(c) || !char.IsAsciiLetterOrDigit(previous);
    }

    private static bool IsBareYear(string text, int i, int length) =>
        length == 4 && !text.AsSpan(i, 4).ContainsAnyExceptInRange('0', '9');

    /// <summary>A bare 2024 counts in running text only where nothing follows that would make it a figure.</summary>
    private static bool BareYearStandsAlone(string text, int i, int length)
    {
        var j = i + length;
        while (j < text.Length && text[j] == ' ')
        {
            j++;
        }

        return j >= text.Length || ",.;:!?)）]，。；：、\"'\n\r".Contains(text[j], StringComparison.Ordinal)
            && !(text[j] is '.' or ',' && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]));
    }

    private static ParseResult<ParsedPeriod> Fail(string text, int offset, int length, string message) =>
        ParseResult.Failure<ParsedPeriod>(ParseMessages.At(text, new SourceSpan(offset, length), message));
}
