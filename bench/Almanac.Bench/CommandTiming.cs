using System.Diagnostics;
using System.Globalization;

namespace Almanac.Bench;

/// <summary>
/// Wall time of whole <c>almanac</c> processes, start-up included: what a user waits for at a prompt.
/// Runs the command a few times to warm the file cache, then times each run.
/// </summary>
internal static class CommandTiming
{
    public static int Run(string binary, string workingDirectory, string[] arguments, int runs, double targetMs)
    {
        if (!File.Exists(binary))
        {
            Console.Error.WriteLine($"bench: no binary at {binary}; build it first (see bench/README.md)");
            return 2;
        }

        for (var i = 0; i < 3; i++)
        {
            var warm = Once(binary, workingDirectory, arguments);
            if (warm.ExitCode != 0)
            {
                Console.Error.WriteLine($"bench: 'almanac {string.Join(' ', arguments)}' failed with exit code {warm.ExitCode}: {warm.Error}");
                return 1;
            }
        }

        var times = Enumerable.Range(0, runs).Select(_ => Once(binary, workingDirectory, arguments).Milliseconds).Order().ToArray();
        var median = times[times.Length / 2];
        var p95 = times[Math.Min(times.Length - 1, (int)Math.Ceiling(times.Length * 0.95) - 1)];
        Console.WriteLine($"command: almanac {string.Join(' ', arguments)}");
        Console.WriteLine($"binary:  {binary}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"runs: {runs}  min: {times[0]:F0} ms  median: {median:F0} ms  p95: {p95:F0} ms  max: {times[^1]:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target: median under {targetMs:F0} ms: {(median < targetMs ? "met" : "NOT met")}"));
        return 0;
    }

    /// <summary>Runs <paramref name="binary"/> once to its end, timing the whole process.</summary>
    internal static (double Milliseconds, int ExitCode, string Error) Once(string binary, string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        return (clock.Elapsed.TotalMilliseconds, process.ExitCode, error.Result);
    }
}
