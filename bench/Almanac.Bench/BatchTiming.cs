using System.Diagnostics;
using System.Globalization;

namespace Almanac.Bench;

/// <summary>Throughput of <c>almanac check</c> on a folder of notes: megabytes of notes judged per second.</summary>
internal static class BatchTiming
{
    public static int Run(string binary, string seeds, double megabytes)
    {
        var folder = Path.Combine(Path.GetTempPath(), "almanac-batch-" + Guid.NewGuid().ToString("N"));
        try
        {
            var notes = Directory.GetFiles(seeds).Order(StringComparer.Ordinal).ToArray();
            Directory.CreateDirectory(folder);
            long bytes = 0;
            for (var i = 0; bytes < megabytes * 1024 * 1024; i++)
            {
                var note = notes[i % notes.Length];
                var copy = Path.Combine(folder, $"{i:D4}-{Path.GetFileNameWithoutExtension(note)}.md");
                File.Copy(note, copy);
                bytes += new FileInfo(copy).Length;
            }

            var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "check", folder, "--format", "json", "-o", Path.Combine(folder, "reports") })
            {
                start.ArgumentList.Add(argument);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            clock.Stop();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"bench: almanac check failed with exit code {process.ExitCode}: {error.Result}");
                return 1;
            }

            var count = Directory.GetFiles(folder, "*.md").Length;
            var mb = bytes / 1024.0 / 1024.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch: {count} notes, {mb:F2} MB in {clock.Elapsed.TotalSeconds:F2} s: {mb / clock.Elapsed.TotalSeconds:F2} MB/s, {count / clock.Elapsed.TotalSeconds:F1} notes/s (process start included)"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
