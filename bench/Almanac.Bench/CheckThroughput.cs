using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almanac.Hosting;

namespace Almanac.Bench;

/// <summary>
/// How fast the checking pipeline judges notes once it is built, as <c>almanac check &lt;folder&gt;</c> and
/// <c>/api/check</c> run it: batch throughput over copies of the seed notes, and whether the time grows
/// linearly with a note's size (one note repeated 8 times against the same note repeated twice).
/// </summary>
internal static class CheckThroughput
{
    private const double TargetMegabytesPerSecond = 2;

    /// <summary>Four times the text may take at most this many times as long: linear, with room for noise.</summary>
    private const double MaxGrowthFor4xText = 5;

    public static int Run(string repository, string notesFolder, double megabytes, string? store)
    {
        var folder = Path.Combine(Path.GetTempPath(), "almanac-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var started = Stopwatch.StartNew();
            using var workspace = Workspace.Open(Path.Combine(repository, "data"), store ?? Path.Combine(folder, "almanac.db"), TimeProvider.System, TextWriter.Null);
            var checker = StoreChecker.Create(workspace.Store, asOf: null, language: "auto");
            Console.WriteLine(Invariant($"pipeline built in {started.Elapsed.TotalSeconds:F2} s (store opened, names indexed)"));

            var notes = Directory.GetFiles(notesFolder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
            if (notes.Count == 0)
            {
                Console.Error.WriteLine($"bench: no notes in {notesFolder}");
                return 2;
            }

            // Warm up: the first document pays for JIT and the first fetch of facts.
            checker.Check(notes[0], "warm-up");

            var batch = new List<byte[]>();
            for (long bytes = 0; bytes < megabytes * 1024 * 1024; bytes += batch[^1].Length)
            {
                batch.Add(notes[batch.Count % notes.Count]);
            }

            var timer = Stopwatch.StartNew();
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var claims = 0;
            foreach (var note in batch)
            {
                claims += checker.Check(note, "batch").Report?.Judgements.Count ?? 0;
            }

            timer.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var mb = batch.Sum(n => n.Length) / 1024.0 / 1024.0;
            var rate = mb / timer.Elapsed.TotalSeconds;
            Console.WriteLine(Invariant($"batch: {batch.Count} notes, {mb:F2} MB, {claims} figures in {timer.Elapsed.TotalSeconds:F2} s: {rate:F2} MB/s"));

            // On a machine other work shares, the wall time says more about the others than about the checker.
            Console.WriteLine(Invariant($"batch CPU time: {cpu:F2} s ({mb / cpu:F2} MB per CPU second; the run had {cpu / timer.Elapsed.TotalSeconds:P0} of a core)"));
            Console.WriteLine(Invariant($"target: at least {TargetMegabytesPerSecond:F0} MB/s after start-up: {(rate >= TargetMegabytesPerSecond ? "met" : "NOT met")}"));

            // Where the time goes: finding the figures, against the whole check (fetching facts and judging).
            var names = new Almanac.Checking.CheckKnowledge(workspace.Store.CuratedEntities(), workspace.Store.Metrics(), []);
            var extractor = new Almanac.Checking.Extraction.ClaimExtractor();
            var extracting = Stopwatch.StartNew();
            foreach (var note in batch)
            {
                extractor.Extract(Encoding.UTF8.GetString(note), names);
            }

            Console.WriteLine(Invariant($"of which finding the figures: {extracting.Elapsed.TotalSeconds:F2} s ({extracting.Elapsed.TotalSeconds / timer.Elapsed.TotalSeconds:P0})"));

            var longest = notes.MaxBy(n => n.Length)!;
            var (twice, twiceCpu) = TimeOne(checker, Repeat(longest, 2));
            var (eightTimes, eightTimesCpu) = TimeOne(checker, Repeat(longest, 8));
            var growth = eightTimes / twice;
            Console.WriteLine(Invariant($"one note ({longest.Length / 1024.0:F0} KB) repeated 2x: {twice * 1000:F0} ms; 8x: {eightTimes * 1000:F0} ms: {growth:F1}x for 4x the text"));
            Console.WriteLine(Invariant($"the same in CPU time: 2x {twiceCpu * 1000:F0} ms; 8x {eightTimesCpu * 1000:F0} ms: {eightTimesCpu / twiceCpu:F1}x"));
            Console.WriteLine(Invariant($"target: 8x within {MaxGrowthFor4xText:F0}x of 2x (linear): {(growth <= MaxGrowthFor4xText ? "met" : "NOT met")}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The best of three runs, in wall and in CPU time: the least disturbed by other work on the machine.</summary>
    private static (double Wall, double Cpu) TimeOne(Almanac.Checking.DocumentChecker checker, byte[] note)
    {
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var run = 0; run < 3; run++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var timer = Stopwatch.StartNew();
            checker.Check(note, "scaling");
            best = Math.Min(best, timer.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }

        return (best, bestCpu);
    }

    private static byte[] Repeat(byte[] note, int times)
    {
        var text = Encoding.UTF8.GetString(note);
        return Encoding.UTF8.GetBytes(string.Join("\n\n", Enumerable.Repeat(text, times)));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
