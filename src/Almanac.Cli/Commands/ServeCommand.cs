using System.CommandLine;
using Almanac.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Almanac.Cli.Commands;

/// <summary><c>almanac serve</c>: the site and HTTP API over the store, until stopped with Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, separated by ;", DefaultValueFactory = _ => WebOptions.DefaultUrls };
        var usageStore = new Option<string?>("--usage-store") { Description = "The usage store the /usage page and /api/usage read (Almanac:UsageStore); default usage.duckdb beside the knowledge store" };
        var command = new Command("serve", "Serve the dashboard and the HTTP API (read-only unless Almanac:ApiKey is configured)") { urls, usageStore };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse => context.Run(output =>
        {
            var listen = parse.GetValue(urls)!;
            foreach (var url in listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!IsListenAddress(url))
                {
                    throw new CliException($"--urls: cannot listen at '{url}'; expected an address such as http://127.0.0.1:5080 (several separated by ;)");
                }
            }

            var options = new WebOptions(
                listen,
                parse.GetValue(CommonOptions.Data),
                parse.GetValue(CommonOptions.Store),
                [.. parse.UnmatchedTokens, .. parse.GetValue(usageStore) is { } usage ? new[] { "--Almanac:UsageStore=" + usage } : []])
            {
                Clock = context.Clock,
            };
            // Opening the store and loading the data files can take a while on a first start: say so before it begins.
            context.Error.WriteLine("almanac: starting the server (opening the store, loading data/ when it changed)…");
            context.Error.Flush();
            using var app = AlmanacWebApp.Build(options);
            try
            {
                app.StartAsync().GetAwaiter().GetResult();
            }
            catch (IOException e)
            {
                // Kestrel reports a busy or unavailable address as an IOException that names it.
                throw new CliException($"cannot serve: {e.Message}");
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                output.WriteLine($"Almanac is serving at {address}");
            }

            output.Flush();
            app.WaitForShutdownAsync().GetAwaiter().GetResult();
        }));
        return command;
    }

    /// <summary>An http or https address with a port-or-host Kestrel can bind; <c>*</c> and <c>+</c> stand for every interface.</summary>
    private static bool IsListenAddress(string url)
    {
        var scheme = url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "http://"
            : url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "https://" : null;
        if (scheme is null)
        {
            return false;
        }

        var rest = url[scheme.Length..];
        var host = rest.Split(':', '/')[0];
        var concrete = host is "*" or "+" ? scheme + "localhost" + rest[host.Length..] : url;
        return Uri.TryCreate(concrete, UriKind.Absolute, out var uri) && uri.Host.Length > 0;
    }
}
