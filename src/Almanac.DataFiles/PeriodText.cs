using Almanac.Periods;

namespace Almanac.DataFiles;

/// <summary>Reads the period of a fact: the canonical form (<c>2025-H1</c>) or as people write it (<c>2025年上半年</c>, <c>H1 2025</c>).</summary>
internal static class PeriodText
{
    public static bool TryParse(string text, out Period period)
    {
        if (Period.TryParseCanonical(text, out period))
        {
            return true;
        }

        var parsed = PeriodParser.Parse(text);
        period = parsed.IsSuccess ? parsed.Value.Period : default;
        return parsed.IsSuccess;
    }
}
