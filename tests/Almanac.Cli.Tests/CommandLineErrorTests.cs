using Shouldly;
using Xunit;

namespace Almanac.Tests.Cli;

/// <summary>
/// A bad command line is exit 2, as the README promises, with a message that names the option
/// and what it expects, and never a .NET type name or a stack trace.
/// </summary>
public sealed class CommandLineErrorTests
{
    public static TheoryData<string[], string> BadCommandLines => new()
    {
        { ["models", "--limit", "abc"], "--limit expects a whole number of at least 1, got 'abc'" },
        { ["models", "--limit", "-1"], "--limit expects a whole number of at least 1, got -1" },
        { ["models", "--limit", "0"], "--limit expects a whole number of at least 1, got 0" },
        { ["models", "--limit", "99999999999"], "--limit expects a whole number of at least 1, got 99999999999" },
        { ["models", "--max-price", "-5"], "--max-price expects a number of at least 0, got -5" },
        { ["models", "--max-price", "cheap"], "--max-price expects a number, got 'cheap'" },
        { ["survey", "generate", "--shares", "anthropic=30", "--respondents", "1000000000"], "--respondents expects a whole number from 1 to 1,000,000, got 1000000000" },
        { ["survey", "generate", "--shares", "anthropic=30", "--concentration", "NaN"], "--concentration expects a number, got 'NaN'" },
        { ["survey", "generate", "--shares", "anthropic=30", "--weight-spread", "-1"], "--weight-spread expects a number from 0 to 5, got -1" },
        { ["survey", "estimate", "responses.csv", "--replicates", "5"], "--replicates expects a whole number from 100 to 100,000, got 5" },
        { ["facts", "--no-such-option"], "Unrecognized command or argument '--no-such-option'" },
        { ["no-such-command"], "Unrecognized command or argument 'no-such-command'" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void A_bad_command_line_is_exit_2_with_a_plain_message(string[] args, string expected)
    {
        var run = CliRun.Of(args);

        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldContain($"almanac: {expected}");
        run.Error.ShouldContain("--help' for usage");
        run.Error.ShouldNotContain("System.");
        run.Error.ShouldNotContain("   at ");
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public void Help_is_still_shown_when_asked_for()
    {
        var run = CliRun.Of("models", "--help");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("--limit");
    }
}
