using System.Globalization;
using System.Text.Json;
using Almanac.Diagnostics;
using Almanac.Usage.Analyses;

namespace Almanac.Usage.Generation;

/// <summary>One analysis of a usage store set against a generated log's truth: what was compared and the first differences found.</summary>
/// <param name="Analysis">What was compared, e.g. <c>share by developer, tokens, per month</c>.</param>
/// <param name="Compared">How many values were compared.</param>
/// <param name="Differences">The first differences (at most <see cref="TruthCheck.DifferencesShown"/>), empty when the store gives back the truth exactly.</param>
public sealed record TruthComparison(string Analysis, int Compared, IReadOnlyList<string> Differences)
{
    public bool Equal => Differences.Count == 0;
}

/// <summary>
/// Sets a usage store that holds exactly one generated log against the truth written beside it
/// (<c>usage generate</c>): shares by developer, provider and model by tokens and by requests per month,
/// the planted release's adoption, and users' switching month to month. Counts must be equal; shares,
/// being quotients, equal to the last bits a double keeps.
/// </summary>
public static class TruthCheck
{
    public const int DifferencesShown = 5;

    private const double ShareTolerance = 1e-12;

    private static readonly DayWindow All = new(null, null);

    private static readonly (string Dimension, ShareDimension By)[] Dimensions =
        [("developer", ShareDimension.Developer), ("provider", ShareDimension.Provider), ("model", ShareDimension.Model)];

    private static readonly (ShareBasis Basis, Func<TruthCount, long> Count, Func<TruthAdoptionDay, (long Model, long Developer)> Adoption)[] Bases =
    [
        (ShareBasis.Tokens, c => c.Tokens, d => (d.ModelTokens, d.DeveloperTokens)),
        (ShareBasis.Requests, c => c.Requests, d => (d.ModelRequests, d.DeveloperRequests)),
    ];

    /// <summary>Reads the truth file <c>usage generate</c> writes; a file that is not one is a <see cref="DiagnosticException"/> naming it.</summary>
    public static GenerationTruth ReadTruth(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<GenerationTruth>(File.ReadAllText(path), UsageGenerator.TruthOptions)
                ?? throw new DiagnosticException(Diagnostic.Invalid(path, DiagnosticLocation.AtLine(1), "expected the truth of a generated log, got null"));
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? DiagnosticLocation.At((int)line + 1, (int)(e.BytePositionInLine ?? 0) + 1)
                : DiagnosticLocation.AtPath(e.Path ?? "$");
            // The serializer's own message names .NET types; say what the file should be and where it is not.
            throw new DiagnosticException(Diagnostic.Invalid(path, where, $"expected the truth file that usage generate writes; it cannot be read at {e.Path ?? "$"}"));
        }
    }

    public static IReadOnlyList<TruthComparison> Compare(GenerationTruth truth, IUsageEngine engine)
    {
        var comparisons = new List<TruthComparison>();
        foreach (var (dimension, by) in Dimensions)
        {
            foreach (var (basis, count, _) in Bases)
            {
                comparisons.Add(Shares(truth, engine, dimension, by, basis, count));
            }
        }

        foreach (var (basis, _, adoption) in Bases)
        {
            comparisons.Add(Adoption(truth.Adoption, engine, basis, adoption));
        }

        comparisons.Add(Switching(truth, engine));
        return comparisons;
    }

    private static TruthComparison Shares(GenerationTruth truth, IUsageEngine engine, string dimension, ShareDimension by, ShareBasis basis, Func<TruthCount, long> count)
    {
        var counts = truth.Counts.Where(c => c.Dimension == dimension).ToList();
        var monthTotals = counts.GroupBy(c => c.Month).ToDictionary(g => g.Key, g => g.Sum(count), StringComparer.Ordinal);
        var expected = counts.ToDictionary(c => (c.Month, c.Key), c => (Value: (double)count(c), Share: (double)count(c) / monthTotals[c.Month]));
        var actual = engine.Share(new ShareQuery(by, basis, UsagePeriod.Month, All));
        var differences = new List<string>();
        foreach (var row in actual)
        {
            if (!expected.TryGetValue((row.Period, row.Key), out var want))
            {
                differences.Add($"{row.Period} {row.Key}: the store has {Number(row.Value)}, the log wrote none");
            }
            else if (row.Value != want.Value || Math.Abs(row.Share - want.Share) > ShareTolerance)
            {
                differences.Add($"{row.Period} {row.Key}: the store has {Number(row.Value)} ({Number(row.Share)}), the log wrote {Number(want.Value)} ({Number(want.Share)})");
            }
        }

        var stored = actual.Select(r => (r.Period, r.Key)).ToHashSet();
        differences.AddRange(expected.Keys.Where(k => !stored.Contains(k)).Select(k => $"{k.Month} {k.Key}: the log wrote {Number(expected[k].Value)}, the store has none"));
        return new TruthComparison($"share by {dimension}, {basis.ToString().ToLowerInvariant()}, per month", expected.Count, [.. differences.Take(DifferencesShown)]);
    }

    private static TruthComparison Adoption(TruthAdoption truth, IUsageEngine engine, ShareBasis basis, Func<TruthAdoptionDay, (long Model, long Developer)> pick)
    {
        var release = new ModelRelease(truth.ModelId, truth.Developer, truth.Released);
        var rows = engine.Adoption(new AdoptionQuery([release], basis, All));
        var differences = new List<string>();
        var name = $"adoption of {truth.ModelId} (released {truth.Released:yyyy-MM-dd}), {basis.ToString().ToLowerInvariant()}";
        if (rows.Count != 1)
        {
            return new TruthComparison(name, 1, [$"the store gives {rows.Count} adoption rows for one release"]);
        }

        var row = rows[0];
        if (row.FirstUsed != truth.FirstUsed)
        {
            differences.Add($"first use: the store has {row.FirstUsed:yyyy-MM-dd}, the log wrote {truth.FirstUsed:yyyy-MM-dd}");
        }

        foreach (var (after, actual) in new[] { (7, row.ShareDay7), (30, row.ShareDay30), (90, row.ShareDay90) })
        {
            var day = truth.Days.Single(d => d.AfterDays == after);
            var (model, developer) = pick(day);
            double? want = day.Logged && developer > 0 ? (double)model / developer : null;
            if (want is null != actual is null || (want is { } w && Math.Abs(actual!.Value - w) > ShareTolerance))
            {
                differences.Add($"share {after} days after release: the store has {Number(actual)}, the log wrote {Number(want)}");
            }
        }

        return new TruthComparison(name, 4, differences);
    }

    private static TruthComparison Switching(GenerationTruth truth, IUsageEngine engine)
    {
        var report = engine.Switching(new SwitchingQuery(SwitchingSubject.User, UsagePeriod.Month, All));
        var actual = report.Steps.ToDictionary(s => (s.FromPeriod, s.ToPeriod), s => (s.Stayed, s.Moved, s.Switched));
        var differences = new List<string>();
        foreach (var want in truth.Switching)
        {
            if (!actual.TryGetValue((want.From, want.To), out var got))
            {
                differences.Add($"{want.From} → {want.To}: the log wrote {want.Stayed} stayed, {want.Moved} moved, {want.Switched} switched; the store has no step");
            }
            else if (got != (want.Stayed, want.Moved, want.Switched))
            {
                differences.Add($"{want.From} → {want.To}: the store has {got.Stayed} stayed, {got.Moved} moved, {got.Switched} switched; the log wrote {want.Stayed}, {want.Moved}, {want.Switched}");
            }
        }

        var written = truth.Switching.Select(s => (s.From, s.To)).ToHashSet();
        differences.AddRange(actual.Keys.Where(k => !written.Contains(k)).Select(k => $"{k.FromPeriod} → {k.ToPeriod}: the store has a step the log did not write"));
        return new TruthComparison("switching by user, month to month", truth.Switching.Count * 3, [.. differences.Take(DifferencesShown)]);
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "none";
}
