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
        var command = new Command("serve", "Serve the dashboard and the HTTP API (read-only unless Almanac:ApiKey is configured)") { urls };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse => context.Run(output =>
        {
            var options = new WebOptions(
                parse.GetValue(urls)!,
                parse.GetValue(CommonOptions.Data),
                parse.GetValue(CommonOptions.Store),
                [.. parse.UnmatchedTokens])
            {
                Clock = context.Clock,
            };
            using var app = AlmanacWebApp.Build(options);
            app.StartAsync().GetAwaiter().GetResult();
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
}
