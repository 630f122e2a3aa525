using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Text;

namespace Almanac.Periods;

/// <summary>The period forms the parser knows; each is a pattern anchored where matching starts and a builder.</summary>
public static partial class PeriodParser
{
    private const string Sep = @"\s*(?:-|–|—|~|～|至|到|to)\s*";
    private const string ZhYear = @"(?:(?<y>(?:19|20)\d{2})\s*年|(?<rel>今年|去年|明年|本年|前年))";
    private const string Year4 = @"(?<y>(?:19|20)\d{2})";
    private const string ShortYear = @"(?:'|’)?(?<y>(?:19|20)\d{2}|\d{2})(?!\d)";
    private const string MonthNames = "January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
    private const string NotCountry = "(?![国文期旬东央心部小美欧日韩企外])";
    private const string NotStartup = "(?![创始级步代期])";

    /// <param name="Pattern">The form anchored where matching starts, to read a period at a given place.</param>
    /// <param name="Scan">The same form unanchored, to find the next place it matches in running text.</param>
    private sealed record Rule(Regex Pattern, Regex Scan, Func<Reading, Period> Build);

    private static readonly Rule[] Rules =
    [
        // Ranges.
        new(ZhDayRangeAt(), ZhDayRangeScan(), r => r.Between(r.Day("m", "d"), r.Day(r.Has("m2") ? "m2" : "m", "d2"))),
        new(ZhMonthRangeAcrossYearsAt(), ZhMonthRangeAcrossYearsScan(), r => r.Between(r.Month("y", "m"), r.Month("y2", "m2"))),
        new(ZhMonthRangeAt(), ZhMonthRangeScan(), r => r.Between(r.Month("y", "m"), r.Month("y", "m2"))),
        new(YearRangeAt(), YearRangeScan(), r => r.Between(Period.Year(r.Year()), Period.Year(r.Year("y2")))),

        // Chinese forms.
        new(ZhDayAt(), ZhDayScan(), r => r.Day("m", "d")),
        new(ZhMonthEdgeAt(), ZhMonthEdgeScan(), r => Period.Instant(r.Month("y", "m").End)),
        new(ZhMonthAt(), ZhMonthScan(), r => r.Month("y", "m")),
        new(ZhQuarterAt(), ZhQuarterScan(), r => Period.Quarter(r.Year(), r.Digit("q"))),
        new(ZhHalfAt(), ZhHalfScan(), r => Period.Half(r.Year(), r.Value("h") is "上" or "1" ? 1 : 2)),
        new(ZhYearEdgeAt(), ZhYearEdgeScan(), r => r.YearEdge(r.Year())),
        new(ZhBareYearEdgeAt(), ZhBareYearEdgeScan(), r => r.YearEdge(r.Reference())),
        new(ZhYearAt(), ZhYearScan(), r => Period.Year(r.Year())),

        // English forms.
        new(QuarterThenYearAt(), QuarterThenYearScan(), r => Period.Quarter(r.Year(), r.Digit("q"))),
        new(QuarterDigitThenYearAt(), QuarterDigitThenYearScan(), r => Period.Quarter(r.Year(), r.Digit("q"))),
        new(YearThenQuarterAt(), YearThenQuarterScan(), r => Period.Quarter(r.Year(), r.Digit("q"))),
        new(HalfThenYearAt(), HalfThenYearScan(), r => Period.Half(r.Year(), r.Digit("h"))),
        new(HalfDigitThenYearAt(), HalfDigitThenYearScan(), r => Period.Half(r.Year(), r.Digit("h"))),
        new(HalfInWordsAt(), HalfInWordsScan(), r => Period.Half(r.Year(), r.Value("hw").Equals("first", StringComparison.OrdinalIgnoreCase) ? 1 : 2)),
        new(FiscalYearAt(), FiscalYearScan(), r => Period.FiscalYear(r.Year())),
        new(MonthDayYearAt(), MonthDayYearScan(), r => r.Day("mon", "d")),
        new(DayMonthYearAt(), DayMonthYearScan(), r => r.Day("mon", "d")),
        new(MonthYearAt(), MonthYearScan(), r => r.Month("y", "mon")),
        new(MidYearAt(), MidYearScan(), r => Period.Instant(new DateOnly(r.Year(), 6, 30))),
        new(YearEndAt(), YearEndScan(), r => Period.Instant(new DateOnly(r.Year(), 12, 31))),

        // Canonical forms: 2024, 2025-H1, 2025-Q3, 2025-08, 2025-08-01, @2023-12-31, FY2025, 2025/2034.
        new(CanonicalFormAt(), CanonicalFormScan(), r => r.Canonical()),
    ];

    private const string ZhDayRangePattern = $@"{ZhYear}(?<m>\d{{1,2}})月(?<d>\d{{1,2}})[日号]{Sep}(?:(?<m2>\d{{1,2}})月)?(?<d2>\d{{1,2}})[日号]";

    [GeneratedRegex(@"\G" + ZhDayRangePattern, ZhOptions)]
    private static partial Regex ZhDayRangeAt();

    [GeneratedRegex(ZhDayRangePattern, ZhOptions)]
    private static partial Regex ZhDayRangeScan();

    private const string ZhMonthRangeAcrossYearsPattern = $@"{ZhYear}(?<m>\d{{1,2}})月{Sep}(?<y2>(?:19|20)\d{{2}})\s*年(?<m2>\d{{1,2}})月";

    [GeneratedRegex(@"\G" + ZhMonthRangeAcrossYearsPattern, ZhOptions)]
    private static partial Regex ZhMonthRangeAcrossYearsAt();

    [GeneratedRegex(ZhMonthRangeAcrossYearsPattern, ZhOptions)]
    private static partial Regex ZhMonthRangeAcrossYearsScan();

    private const string ZhMonthRangePattern = $@"{ZhYear}(?<m>\d{{1,2}})月?{Sep}(?<m2>\d{{1,2}})月";

    [GeneratedRegex(@"\G" + ZhMonthRangePattern, ZhOptions)]
    private static partial Regex ZhMonthRangeAt();

    [GeneratedRegex(ZhMonthRangePattern, ZhOptions)]
    private static partial Regex ZhMonthRangeScan();

    private const string YearRangePattern = $@"{Year4}\s*年?{Sep}(?<y2>(?:19|20)\d{{2}})(?:\s*年)?(?!\d)";

    [GeneratedRegex(@"\G" + YearRangePattern, ZhOptions)]
    private static partial Regex YearRangeAt();

    [GeneratedRegex(YearRangePattern, ZhOptions)]
    private static partial Regex YearRangeScan();

    private const string ZhDayPattern = $@"{ZhYear}(?<m>\d{{1,2}})月(?<d>\d{{1,2}})[日号]";

    [GeneratedRegex(@"\G" + ZhDayPattern, ZhOptions)]
    private static partial Regex ZhDayAt();

    [GeneratedRegex(ZhDayPattern, ZhOptions)]
    private static partial Regex ZhDayScan();

    private const string ZhMonthEdgePattern = $@"{ZhYear}(?<m>\d{{1,2}})月(?:份)?(?<edge>底|末)";

    [GeneratedRegex(@"\G" + ZhMonthEdgePattern, ZhOptions)]
    private static partial Regex ZhMonthEdgeAt();

    [GeneratedRegex(ZhMonthEdgePattern, ZhOptions)]
    private static partial Regex ZhMonthEdgeScan();

    private const string ZhMonthPattern = $@"{ZhYear}(?<m>\d{{1,2}})月(?:份)?";

    [GeneratedRegex(@"\G" + ZhMonthPattern, ZhOptions)]
    private static partial Regex ZhMonthAt();

    [GeneratedRegex(ZhMonthPattern, ZhOptions)]
    private static partial Regex ZhMonthScan();

    private const string ZhQuarterPattern = $@"(?:{ZhYear}|{Year4})\s*(?:第?(?<q>[1-4一二三四])季度|Q(?<q>[1-4]))";

    [GeneratedRegex(@"\G" + ZhQuarterPattern, ZhOptions)]
    private static partial Regex ZhQuarterAt();

    [GeneratedRegex(ZhQuarterPattern, ZhOptions)]
    private static partial Regex ZhQuarterScan();

    private const string ZhHalfPattern = $@"(?:{ZhYear}|{Year4})\s*(?:(?<h>上|下)半年|H(?<h>[12]))";

    [GeneratedRegex(@"\G" + ZhHalfPattern, ZhOptions)]
    private static partial Regex ZhHalfAt();

    [GeneratedRegex(ZhHalfPattern, ZhOptions)]
    private static partial Regex ZhHalfScan();

    private const string ZhYearEdgePattern = $@"{ZhYear}年?(?<edge>底|末|初{NotStartup}|中{NotCountry})";

    [GeneratedRegex(@"\G" + ZhYearEdgePattern, ZhOptions)]
    private static partial Regex ZhYearEdgeAt();

    [GeneratedRegex(ZhYearEdgePattern, ZhOptions)]
    private static partial Regex ZhYearEdgeScan();

    private const string ZhBareYearEdgePattern = $@"(?<![\d今去明本前])年(?<edge>底|末|初{NotStartup}|中{NotCountry})";

    [GeneratedRegex(@"\G" + ZhBareYearEdgePattern, ZhOptions)]
    private static partial Regex ZhBareYearEdgeAt();

    [GeneratedRegex(ZhBareYearEdgePattern, ZhOptions)]
    private static partial Regex ZhBareYearEdgeScan();

    private const string ZhYearPattern = $@"{ZhYear}(?:度|全年)?";

    [GeneratedRegex(@"\G" + ZhYearPattern, ZhOptions)]
    private static partial Regex ZhYearAt();

    [GeneratedRegex(ZhYearPattern, ZhOptions)]
    private static partial Regex ZhYearScan();

    private const string QuarterThenYearPattern = $@"Q(?<q>[1-4])\s*{ShortYear}";

    [GeneratedRegex(@"\G" + QuarterThenYearPattern, EnOptions)]
    private static partial Regex QuarterThenYearAt();

    [GeneratedRegex(QuarterThenYearPattern, EnOptions)]
    private static partial Regex QuarterThenYearScan();

    private const string QuarterDigitThenYearPattern = $@"(?<q>[1-4])Q\s*{ShortYear}";

    [GeneratedRegex(@"\G" + QuarterDigitThenYearPattern, EnOptions)]
    private static partial Regex QuarterDigitThenYearAt();

    [GeneratedRegex(QuarterDigitThenYearPattern, EnOptions)]
    private static partial Regex QuarterDigitThenYearScan();

    private const string YearThenQuarterPattern = $@"{Year4}\s+Q(?<q>[1-4])(?!\d)";

    [GeneratedRegex(@"\G" + YearThenQuarterPattern, EnOptions)]
    private static partial Regex YearThenQuarterAt();

    [GeneratedRegex(YearThenQuarterPattern, EnOptions)]
    private static partial Regex YearThenQuarterScan();

    private const string HalfThenYearPattern = $@"H(?<h>[12])\s*{ShortYear}";

    [GeneratedRegex(@"\G" + HalfThenYearPattern, EnOptions)]
    private static partial Regex HalfThenYearAt();

    [GeneratedRegex(HalfThenYearPattern, EnOptions)]
    private static partial Regex HalfThenYearScan();

    private const string HalfDigitThenYearPattern = $@"(?<h>[12])H\s*{ShortYear}";

    [GeneratedRegex(@"\G" + HalfDigitThenYearPattern, EnOptions)]
    private static partial Regex HalfDigitThenYearAt();

    [GeneratedRegex(HalfDigitThenYearPattern, EnOptions)]
    private static partial Regex HalfDigitThenYearScan();

    private const string HalfInWordsPattern = $@"(?<hw>first|second)\s+half\s+(?:of\s+)?{Year4}";

    [GeneratedRegex(@"\G" + HalfInWordsPattern, EnOptions)]
    private static partial Regex HalfInWordsAt();

    [GeneratedRegex(HalfInWordsPattern, EnOptions)]
    private static partial Regex HalfInWordsScan();

    private const string FiscalYearPattern = $@"FY\s*{ShortYear}";

    [GeneratedRegex(@"\G" + FiscalYearPattern, EnOptions)]
    private static partial Regex FiscalYearAt();

    [GeneratedRegex(FiscalYearPattern, EnOptions)]
    private static partial Regex FiscalYearScan();

    private const string MonthDayYearPattern = $@"(?<mon>{MonthNames})\.?\s+(?<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{Year4}(?!\d)";

    [GeneratedRegex(@"\G" + MonthDayYearPattern, EnOptions)]
    private static partial Regex MonthDayYearAt();

    [GeneratedRegex(MonthDayYearPattern, EnOptions)]
    private static partial Regex MonthDayYearScan();

    private const string DayMonthYearPattern = $@"(?<d>\d{{1,2}})\s+(?<mon>{MonthNames})\.?,?\s+{Year4}(?!\d)";

    [GeneratedRegex(@"\G" + DayMonthYearPattern, EnOptions)]
    private static partial Regex DayMonthYearAt();

    [GeneratedRegex(DayMonthYearPattern, EnOptions)]
    private static partial Regex DayMonthYearScan();

    private const string MonthYearPattern = $@"(?<mon>{MonthNames})\.?,?\s+{Year4}(?!\d)";

    [GeneratedRegex(@"\G" + MonthYearPattern, EnOptions)]
    private static partial Regex MonthYearAt();

    [GeneratedRegex(MonthYearPattern, EnOptions)]
    private static partial Regex MonthYearScan();

    private const string MidYearPattern = $@"mid[-\s]?{Year4}(?!\d)";

    [GeneratedRegex(@"\G" + MidYearPattern, EnOptions)]
    private static partial Regex MidYearAt();

    [GeneratedRegex(MidYearPattern, EnOptions)]
    private static partial Regex MidYearScan();

    private const string YearEndPattern = $@"(?:year[-\s]end\s*|end-){Year4}(?!\d)";

    [GeneratedRegex(@"\G" + YearEndPattern, EnOptions)]
    private static partial Regex YearEndAt();

    [GeneratedRegex(YearEndPattern, EnOptions)]
    private static partial Regex YearEndScan();

    private const string CanonicalFormPattern = @"(?<c>(?:@?\d{4}(?:-(?:H[12]|Q[1-4]|\d{2}(?:-\d{2})?))?|FY\d{4})(?:/(?:@?\d{4}(?:-(?:H[12]|Q[1-4]|\d{2}(?:-\d{2})?))?|FY\d{4}))?)(?![\d\w])";

    [GeneratedRegex(@"\G" + CanonicalFormPattern, EnOptions)]
    private static partial Regex CanonicalFormAt();

    [GeneratedRegex(CanonicalFormPattern, EnOptions)]
    private static partial Regex CanonicalFormScan();

    private const string AsOfPrefixPattern = @"(?:(?:截至|截止)(?:到|至)?|(?:as\s+of|by\s+(?:the\s+)?end\s+of|(?:at\s+)?(?:the\s+)?end\s+of)\s+|(?<start>(?:at\s+)?(?:the\s+)?(?:start|beginning)\s+of)\s+)";

    [GeneratedRegex(@"\G" + AsOfPrefixPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsOfPrefix();

    [GeneratedRegex(AsOfPrefixPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsOfPrefixScan();

    /// <summary>What can start a reading: every rule, and the "as of" prefix, each unanchored (see <see cref="FindAll"/>).</summary>
    private static readonly Regex[] Starts = [AsOfPrefixScan(), .. Rules.Select(r => r.Scan)];

    // The rules' patterns are compiled when the library is built (source-generated), not when a process first reads a
    // period: a one-note check spent about a third of its processor time compiling and jitting them at run time.
    private const RegexOptions ZhOptions = RegexOptions.CultureInvariant;

    private const RegexOptions EnOptions = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    /// <summary>
    /// Turns a match into dates, checking them instead of throwing: the first problem becomes <see cref="Error"/>
    /// and the builder gets a harmless stand-in value.
    /// </summary>
    private sealed class Reading(Match match, int? referenceYear)
    {
        private static readonly string[] Months =
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

        public string? Error { get; private set; }

        public bool Has(string group) => match.Groups[group].Success;

        public string Value(string group) => match.Groups[group].Value;

        public int Year(string group = "y")
        {
            if (group == "y" && match.Groups["rel"].Success)
            {
                var offset = match.Groups["rel"].Value switch { "去年" => -1, "明年" => 1, "前年" => -2, _ => 0 };
                return Reference() + offset;
            }

            var text = Value(group);
            var year = int.Parse(text, CultureInfo.InvariantCulture);
            return text.Length == 2 ? 2000 + year : year;
        }

        public int Reference()
        {
            if (referenceYear is { } year)
            {
                return year;
            }

            Fail(ParseMessages.NeedsReferenceYear(match.Value));
            return 2000;
        }

        public int Digit(string group) => Value(group) switch
        {
            "一" => 1,
            "二" => 2,
            "三" => 3,
            "四" => 4,
            var d => int.Parse(d, CultureInfo.InvariantCulture),
        };

        public Period Month(string yearGroup, string monthGroup)
        {
            var year = Year(yearGroup);
            var month = MonthNumber(monthGroup);
            if (month is < 1 or > 12)
            {
                Fail(ParseMessages.MonthOutOfRange(month));
                month = 1;
            }

            return Period.Month(year, month);
        }

        public Period Day(string monthGroup, string dayGroup)
        {
            var month = Month("y", monthGroup);
            var day = int.Parse(Value(dayGroup), CultureInfo.InvariantCulture);
            if (day < 1 || day > DateTime.DaysInMonth(month.Start.Year, month.Start.Month))
            {
                Fail(ParseMessages.DayOutOfRange(month.Start.Year, month.Start.Month, day));
                day = 1;
            }

            return Period.Day(new DateOnly(month.Start.Year, month.Start.Month, day));
        }

        public Period YearEdge(int year) => Value("edge") switch
        {
            "初" => Period.Instant(new DateOnly(year, 1, 1)),
            "中" => Period.Instant(new DateOnly(year, 6, 30)),
            _ => Period.Instant(new DateOnly(year, 12, 31)),
        };

        public Period Between(Period from, Period to)
        {
            if (Error is not null)
            {
                return from;
            }

            if (to.End < from.Start)
            {
                Fail(ParseMessages.RangeEndsBeforeStart(from.ToString(), to.ToString()));
                return from;
            }

            return Period.Between(from, to);
        }

        public Period Canonical()
        {
            if (Period.TryParseCanonical(Value("c"), out var period))
            {
                return period;
            }

            Fail(ParseMessages.UnknownPeriod(Value("c")));
            return default;
        }

        private int MonthNumber(string group)
        {
            var text = Value(group);
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var month))
            {
                return month;
            }

            return Array.IndexOf(Months, text[..3].ToLowerInvariant()) + 1;
        }

        private void Fail(string message) => Error ??= message;
    }
}
