using Spectre.Console;

namespace Almanac.Cli.Output;

/// <summary>
/// Shows long work as it goes: a progress bar on a terminal, and a line per phase and per tenth
/// done when standard error is a file or a pipe, so logs stay readable.
/// </summary>
internal sealed class ProgressReporter(TextWriter error)
{
    private readonly bool _terminal = error == Console.Error && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/>, which reports (phase, done, total) as it goes.</summary>
    public T Run<T>(string title, Func<Action<string, double, double>, T> work)
    {
        if (!_terminal)
        {
            var lastTenth = -1;
            var lastPhase = string.Empty;
            return work((phase, done, total) =>
            {
                var tenth = total > 0 ? (int)(done * 10 / total) : 0;
                if (phase != lastPhase || tenth != lastTenth)
                {
                    error.WriteLine(total > 0 ? $"{title}: {phase} {done:N0}/{total:N0}" : $"{title}: {phase}");
                    (lastPhase, lastTenth) = (phase, tenth);
                }
            });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        T result = default!;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title));
                result = work((phase, done, total) =>
                {
                    task.Description = Markup.Escape($"{title}: {phase}");
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = total > 0 ? done : 0;
                });
                task.Value = task.MaxValue;
            });
        return result;
    }
}
