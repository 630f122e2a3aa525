using Almanac.Periods;

namespace Almanac.Cli.Commands;

/// <summary>Reads a period typed on the command line.</summary>
internal static class PeriodInput
{
    public static bool TryParse(string text, out Period period) => Period.TryParseCanonical(text, out period);
}
