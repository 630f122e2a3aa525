using System.Diagnostics;

namespace Almanac.Tests.Cli;

/// <summary>
/// The CLI started as a child process, for tests that kill it mid-way: its standard error is read
/// line by line until a wanted progress line appears, and both pipes are drained after, so the child
/// never blocks on a full pipe before it is killed.
/// </summary>
internal static class ChildCli
{
    public static Process Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(SharedDatasets.AlmanacDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Whether a line of the child's standard error met <paramref name="wanted"/> before it ended or the timeout passed.</summary>
    public static async Task<bool> WaitForLineAsync(Process process, Func<string, bool> wanted, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        _ = process.StandardOutput.ReadToEndAsync(cancel.Token);
        while (!cancel.IsCancellationRequested)
        {
            var line = await process.StandardError.ReadLineAsync(cancel.Token);
            if (line is null)
            {
                return false;
            }

            if (wanted(line))
            {
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return true;
            }
        }

        return false;
    }
}
