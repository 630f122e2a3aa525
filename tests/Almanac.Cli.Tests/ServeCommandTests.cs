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

    [Theory]
    [InlineData("notaurl")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("http://")]
    public void An_address_it_cannot_listen_at_is_a_bad_command_line(string urls)
    {
        var run = CliRun.Of("serve", "--urls", urls, "--store", Path.Combine(_folder, "almanac.db"), "--data", CliRun.RepositoryData);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"almanac: --urls: cannot listen at '{urls}'; expected an address such as http://127.0.0.1:5080");
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_busy_port_is_named_without_a_stack_trace()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;

        var run = CliRun.Of("serve", "--urls", $"http://127.0.0.1:{port}", "--store", Path.Combine(_folder, "almanac.db"), "--data", CliRun.RepositoryData);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"almanac: cannot serve: Failed to bind to address http://127.0.0.1:{port}");
        run.Error.ShouldNotContain("   at ");
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
