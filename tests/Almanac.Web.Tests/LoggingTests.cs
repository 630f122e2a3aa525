using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Almanac.Tests.Web;

/// <summary>What the server logs by default: its own events, not a dozen lines for every request.</summary>
public sealed class LoggingTests
{
    private const string RequestCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    [Fact]
    public async Task Requests_are_not_logged_at_information_by_default()
    {
        await using var site = await RunningSite.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = null });
        var loggers = site.Services.GetRequiredService<ILoggerFactory>();

        loggers.CreateLogger(RequestCategory).IsEnabled(LogLevel.Information).ShouldBeFalse();
        loggers.CreateLogger(RequestCategory).IsEnabled(LogLevel.Warning).ShouldBeTrue();
        loggers.CreateLogger("Almanac.Web.Knowledge.KnowledgeHost").IsEnabled(LogLevel.Information).ShouldBeTrue();
    }

    [Fact]
    public async Task Configuration_turns_request_logging_back_on()
    {
        await using var site = await RunningSite.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = null,
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        });
        var loggers = site.Services.GetRequiredService<ILoggerFactory>();

        loggers.CreateLogger(RequestCategory).IsEnabled(LogLevel.Information).ShouldBeTrue();
    }
}
