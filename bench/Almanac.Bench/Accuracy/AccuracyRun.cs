using System.Globalization;
using System.Text.Json;

namespace Almanac.Bench.Accuracy;

/// <summary>
/// Scores checker output against annotated notes and holds the totals to the floors kept in the
/// repository: per note, per error family of the keys and per rule of the checker, then the totals of
/// each run. A run is a folder of keys (<c>&lt;note&gt;.md</c> beside <c>&lt;note&gt;.key.json</c>) and a
/// folder of the checker's JSON reports for them (<c>&lt;note&gt;.md.json</c>, as
/// <c>almanac check &lt;folder&gt; --format json -o</c> writes them).
/// </summary>
internal static class AccuracyRun
{
    public static int Run(string floorsPath, IReadOnlyList<(string Name, string Keys, string Results)> runs)
    {
        try
        {
            var floors = Floors.Read(floorsPath);
            var failures = new List<string>();
            foreach (var (name, keys, results) in runs)
            {
                var scores = Score(keys, results);
                Print(name, scores);
                failures.AddRange(floors.Check(name, scores));
            }

            Console.WriteLine();
            foreach (var failure in failures)
            {
                Console.WriteLine("below floor: " + failure);
            }

            Console.WriteLine(failures.Count == 0 ? $"floors ({Path.GetFileName(floorsPath)}): all met" : $"floors ({Path.GetFileName(floorsPath)}): {failures.Count} not met");
            return failures.Count == 0 ? 0 : 1;
        }
        catch (AccuracyException e)
        {
            Console.Error.WriteLine("bench: " + e.Message);
            return 2;
        }
    }

    private static List<NoteScore> Score(string keys, string results)
    {
        var scores = new List<NoteScore>();
        foreach (var keyPath in Directory.GetFiles(keys, "*.key.json").Order(StringComparer.Ordinal))
        {
            var note = Path.GetFileName(keyPath)[..^".key.json".Length];
            var report = Path.Combine(results, note + ".md.json");
            if (!File.Exists(report))
            {
                throw new AccuracyException($"{report}: no checker output for {note}");
            }

            scores.Add(NoteScore.Of(note, AnswerKey.Read(keyPath), CheckedClaim.Read(report)));
        }

        return scores.Count > 0 ? scores : throw new AccuracyException($"{keys}: no annotated notes (*.key.json)");
    }

    private static void Print(string name, List<NoteScore> scores)
    {
        Console.WriteLine();
        Console.WriteLine($"== {name}");
        Console.WriteLine($"{"note",-30} {"errors",6} {"line",5} {"figure",7} {"clean",6} {"FA",4} {"trap FA",8} {"flags",6} {"precise",8} {"settled",9}");
        foreach (var s in scores)
        {
            Console.WriteLine(Row(s.Note, s.Errors, s.Found, s.FoundFigure, s.CleanLines, s.FalseAlarms, s.TrapFalseAlarms, s.TrapLines, s.FlaggedLines, s.FlaggedErrorLines, s.Settleable, s.SettledRight));
        }

        var total = Total(scores);
        Console.WriteLine(Row("TOTAL", total.Errors, total.Found, total.FoundFigure, total.CleanLines, total.FalseAlarms, total.TrapFalseAlarms, total.TrapLines, total.FlaggedLines, total.FlaggedErrorLines, total.Settleable, total.SettledRight));

        var families = scores.SelectMany(s => s.Families).GroupBy(f => f.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (families.Count > 0)
        {
            Console.WriteLine("recall per error family (found on the line, then on the erroneous figure):");
            foreach (var family in families)
            {
                var (errors, found, figure) = (family.Sum(f => f.Value.Errors), family.Sum(f => f.Value.Found), family.Sum(f => f.Value.Figure));
                Console.WriteLine(Invariant($"  {family.Key,-24} {found,3}/{errors,-3} {Share(found, errors),5}   figure {figure,3}/{errors,-3} {Share(figure, errors),5}"));
            }
        }

        var rules = scores.SelectMany(s => s.Rules).GroupBy(r => r.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (rules.Count > 0)
        {
            Console.WriteLine("flags per checker rule (lines with an error, clean lines, precision):");
            foreach (var rule in rules)
            {
                var (onErrors, onClean) = (rule.Sum(r => r.Value.OnErrors), rule.Sum(r => r.Value.OnClean));
                Console.WriteLine(Invariant($"  {rule.Key,-24} {onErrors,4} {onClean,4}  {Share(onErrors, onErrors + onClean),5}"));
            }
        }

        foreach (var s in scores.Where(s => s.Missed.Count > 0 || s.FalseAlarmLines.Count > 0))
        {
            Console.WriteLine($"  {s.Note}: false alarms on lines [{string.Join(", ", s.FalseAlarmLines)}]");
            foreach (var missed in s.Missed)
            {
                Console.WriteLine($"    missed {missed}");
            }
        }
    }

    internal static Totals Total(IEnumerable<NoteScore> scores)
    {
        var list = scores.ToList();
        return new Totals(
            list.Sum(s => s.Errors), list.Sum(s => s.Found), list.Sum(s => s.FoundFigure), list.Sum(s => s.CleanLines),
            list.Sum(s => s.FalseAlarms), list.Sum(s => s.TrapFalseAlarms), list.Sum(s => s.TrapLines),
            list.Sum(s => s.FlaggedLines), list.Sum(s => s.FlaggedErrorLines), list.Sum(s => s.Settleable), list.Sum(s => s.SettledRight));
    }

    private static string Row(string note, int errors, int found, int figure, int clean, int falseAlarms, int trapFalseAlarms, int traps, int flags, int flaggedErrors, int settleable, int settled) =>
        Invariant($"{note,-30} {errors,6} {found,5} {Share(figure, errors),7} {clean,6} {falseAlarms,4} {$"{trapFalseAlarms}/{traps}",8} {flags,6} {Share(flaggedErrors, flags),8} {$"{settled}/{settleable}",9}");

    private static string Share(int part, int whole) => whole == 0 ? "-" : Invariant($"{(double)part / whole:P0}").Replace(" ", string.Empty, StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A run's totals, from which the floors are checked.</summary>
internal sealed record Totals(int Errors, int Found, int FoundFigure, int CleanLines, int FalseAlarms, int TrapFalseAlarms, int TrapLines, int FlaggedLines, int FlaggedErrorLines, int Settleable, int SettledRight)
{
    public double? FigureRecall => Errors == 0 ? null : (double)FoundFigure / Errors;

    public double? FalseAlarmShare => CleanLines == 0 ? null : (double)FalseAlarms / CleanLines;

    public double? Precision => FlaggedLines == 0 ? null : (double)FlaggedErrorLines / FlaggedLines;

    public double? SettledShare => Settleable == 0 ? null : (double)SettledRight / Settleable;
}

/// <summary>
/// The floors of each run, kept in the repository and raised as the checker improves: the least
/// figure-matched recall, flag precision and share of settleable figures judged right, and the most
/// false alarms as a share of clean lines. A floor left out is not checked.
/// </summary>
internal sealed class Floors
{
    private readonly Dictionary<string, Dictionary<string, double>> _runs;

    private Floors(Dictionary<string, Dictionary<string, double>> runs) => _runs = runs;

    public static Floors Read(string path)
    {
        using var document = AnswerKey.ReadJson(path);
        var runs = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var run in document.RootElement.EnumerateObject())
        {
            var limits = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var limit in run.Value.EnumerateObject())
            {
                if (!Known.Contains(limit.Name))
                {
                    throw new AccuracyException($"{path}: $['{run.Name}'].{limit.Name}: expected one of {string.Join(", ", Known)}");
                }

                limits[limit.Name] = limit.Value.ValueKind == JsonValueKind.Number
                    ? limit.Value.GetDouble()
                    : throw new AccuracyException($"{path}: $['{run.Name}'].{limit.Name}: expected a number between 0 and 1");
            }

            runs[run.Name] = limits;
        }

        return new Floors(runs);
    }

    private static readonly string[] Known = ["min_figure_recall", "max_false_alarm_share", "min_precision", "min_settled_share"];

    public IEnumerable<string> Check(string run, IEnumerable<NoteScore> scores)
    {
        if (!_runs.TryGetValue(run, out var limits))
        {
            yield break;
        }

        var totals = AccuracyRun.Total(scores);
        foreach (var (name, limit) in limits)
        {
            var (value, ok) = name switch
            {
                "min_figure_recall" => (totals.FigureRecall, totals.FigureRecall >= limit),
                "max_false_alarm_share" => (totals.FalseAlarmShare, totals.FalseAlarmShare <= limit),
                "min_precision" => (totals.Precision, totals.Precision >= limit),
                _ => (totals.SettledShare, totals.SettledShare >= limit),
            };
            if (!ok && value is not null)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{run}: {name} {limit:0.###}, measured {value:0.###}");
            }
        }
    }
}
