namespace Almanac.Periods;

/// <summary>A period as someone typed it: the canonical form (<c>2025-H1</c>) or as people write it (<c>2025年上半年</c>, <c>H1 2025</c>).</summary>
public static class PeriodInput
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
