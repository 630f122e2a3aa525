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

            var (milliseconds, exitCode, error) = CommandTiming.Once(binary, Directory.GetCurrentDirectory(), ["check", folder, "--format", "json", "-o", Path.Combine(folder, "reports")]);
            if (exitCode != 0)
            {
                Console.Error.WriteLine($"bench: almanac check failed with exit code {exitCode}: {error}");
                return 1;
            }

            var seconds = milliseconds / 1000;
            var count = Directory.GetFiles(folder, "*.md").Length;
            var mb = bytes / 1024.0 / 1024.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch: {count} notes, {mb:F2} MB in {seconds:F2} s: {mb / seconds:F2} MB/s, {count / seconds:F1} notes/s (process start included)"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
