namespace Almanac.Bench.Accuracy;

/// <summary>
/// How the checker did on one annotated note, counted the way the development set's scorer counts:
/// an error is found when its own line carries a flag, figure-matched when the flagged claim is the
/// erroneous figure itself; a false alarm is a flag on a line whose keyed figures are all right.
/// Beside those, what the development scorer leaves out: flags per rule, and how many of the figures
/// the store can settle the checker judged.
/// </summary>
internal sealed class NoteScore
{
    public required string Note { get; init; }

    public int Errors { get; private set; }

    public int Found { get; private set; }

    public int FoundFigure { get; private set; }

    public int CleanLines { get; private set; }

    public int FalseAlarms { get; private set; }

    public int TrapLines { get; private set; }

    public int TrapFalseAlarms { get; private set; }

    /// <summary>Keyed lines carrying a flag, and of them the lines that hold an error: the precision of flags.</summary>
    public int FlaggedLines { get; private set; }

    public int FlaggedErrorLines { get; private set; }

    /// <summary>Figures a curated fact or a dataset row settles, and of them those judged right (supported when right, flagged when wrong).</summary>
    public int Settleable { get; private set; }

    public int SettledRight { get; private set; }

    /// <summary>Per error family of the key: errors, found on their line, found on the figure itself.</summary>
    public Dictionary<string, (int Errors, int Found, int Figure)> Families { get; } = new(StringComparer.Ordinal);

    /// <summary>Per rule of the checker: flags on lines with an error, and on clean lines.</summary>
    public Dictionary<string, (int OnErrors, int OnClean)> Rules { get; } = new(StringComparer.Ordinal);

    public List<string> Missed { get; } = [];

    public List<int> FalseAlarmLines { get; } = [];

    public static NoteScore Of(string note, IReadOnlyList<KeyedFigure> key, IReadOnlyList<CheckedClaim> claims)
    {
        var score = new NoteScore { Note = note };
        var keyByLine = key.GroupBy(k => k.Line).ToDictionary(g => g.Key, g => g.ToList());
        var claimsByLine = claims.GroupBy(c => c.Line).ToDictionary(g => g.Key, g => g.ToList());
        var flagsByLine = claims.Where(c => c.IsFlag).GroupBy(c => c.Line).ToDictionary(g => g.Key, g => g.ToList());
        var errorLines = key.Where(k => k.IsWrong).Select(k => k.Line).ToHashSet();
        var cleanLines = keyByLine.Where(l => l.Value.All(k => k.IsSupported)).Select(l => l.Key).ToHashSet();

        foreach (var error in key.Where(k => k.IsError))
        {
            var family = error.Family ?? "unnamed";
            var (errors, found, figure) = score.Families.GetValueOrDefault(family);
            var flags = flagsByLine.GetValueOrDefault(error.Line) ?? [];
            var onLine = flags.Count > 0;
            var onFigure = flags.Any(c => c.IsAbout(error));
            score.Errors++;
            score.Found += onLine ? 1 : 0;
            score.FoundFigure += onFigure ? 1 : 0;
            score.Families[family] = (errors + 1, found + (onLine ? 1 : 0), figure + (onFigure ? 1 : 0));
            if (!onFigure)
            {
                score.Missed.Add($"{error.Id} line {error.Line} {family} {error.Text}{(onLine ? " (line flagged, another figure)" : string.Empty)}");
            }
        }

        foreach (var line in cleanLines.Order())
        {
            var trap = keyByLine[line].Any(k => k.Family == "TRAP");
            score.CleanLines++;
            score.TrapLines += trap ? 1 : 0;
            if (flagsByLine.ContainsKey(line))
            {
                score.FalseAlarms++;
                score.TrapFalseAlarms += trap ? 1 : 0;
                score.FalseAlarmLines.Add(line);
            }
        }

        foreach (var (line, flags) in flagsByLine.Where(f => keyByLine.ContainsKey(f.Key)))
        {
            score.FlaggedLines++;
            score.FlaggedErrorLines += errorLines.Contains(line) ? 1 : 0;
            foreach (var rule in flags.Select(f => f.Rule ?? "unnamed").Distinct(StringComparer.Ordinal))
            {
                var (onErrors, onClean) = score.Rules.GetValueOrDefault(rule);
                score.Rules[rule] = errorLines.Contains(line) ? (onErrors + 1, onClean) : (onErrors, onClean + (cleanLines.Contains(line) ? 1 : 0));
            }
        }

        foreach (var figure in key.Where(k => k.StoreCanSettle && (k.IsSupported || k.IsError)))
        {
            var about = (claimsByLine.GetValueOrDefault(figure.Line) ?? []).Where(c => c.IsAbout(figure)).ToList();
            score.Settleable++;
            score.SettledRight += figure.IsSupported
                ? about.Any(c => c.Verdict == "supported") && !about.Any(c => c.IsFlag) ? 1 : 0
                : about.Any(c => c.IsFlag) ? 1 : 0;
        }

        return score;
    }
}
