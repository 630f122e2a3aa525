using System.Diagnostics;

namespace Almanac.Tests.Cli;

/// <summary><c>almanac serve</c> as a user starts it: a process that prints its address and serves the Overview there.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Prints_the_address_where_a_new_user_sees_the_overview_with_charts()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { SharedDatasets.AlmanacDll(), "serve", "--urls", "http://127.0.0.1:0", "--store", Path.Combine(_folder, "almanac.db"), "--data", CliRun.RepositoryData })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var address = await AddressAsync(process, TimeSpan.FromSeconds(60));
            address.ShouldStartWith("http://127.0.0.1:");

            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
            var overview = await client.GetStringAsync("/");
            overview.ShouldContain("id=\"chart-share-usage\"");
            overview.ShouldContain("<script src=\"/assets/vega-embed.min.js\"></script>");
            using var script = await client.GetAsync("/assets/vega-embed.min.js");
            script.IsSuccessStatusCode.ShouldBeTrue();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    // The first line of the form "Almanac is serving at <address>", or a failure with what the process said.
    private static async Task<string> AddressAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        const string Prefix = "Almanac is serving at ";
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return line[Prefix.Length..].Trim();
            }
        }

        throw new ShouldAssertException($"serve exited ({(process.HasExited ? process.ExitCode : -1)}) without an address: {await process.StandardError.ReadToEndAsync(CancellationToken.None)}");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
