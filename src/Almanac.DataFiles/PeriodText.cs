using Almanac.Periods;

namespace Almanac.DataFiles;

/// <summary>Reads the period of a fact: the canonical form.</summary>
internal static class PeriodText
{
    public static bool TryParse(string text, out Period period) => Period.TryParseCanonical(text, out period);
}
