using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Almanac.Cli;
using Microsoft.Data.Sqlite;

namespace Almanac.Tests.Cli;

/// <summary>
/// Ctrl+C during <c>almanac check</c>: the command stops, exits with 130 and leaves no half-written
/// file (the reports written so far are whole, the index and a single note's output are not written).
/// </summary>
public sealed class InterruptedCheckTests : IDisposable
{
    private static readonly string Note004 = Path.Combine(SharedDatasets.RepositoryRoot, "..", "shared", "seeds", "004_85998f9bbbdc5ba5.txt");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    private string Store => Path.Combine(_folder, "almanac.db");

    private string Notes => Path.Combine(_folder, "notes");

    private string Reports => Path.Combine(_folder, "reports");

    /// <summary>Runs the command in-process and presses Ctrl+C when standard error first shows a line <paramref name="when"/> accepts.</summary>
    private (int ExitCode, string Error) RunInterrupted(Func<string, bool> when, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new InterruptingWriter(when);
        using var context = new CliContext(output, error, TimeProvider.System);
        error.Context = context;
        var code = AlmanacCommand.Run([.. args, "--store", Store, "--data", CliRun.RepositoryData], context);
        return (code, error.ToString());
    }

    private void WriteNotes(int count)
    {
        Directory.CreateDirectory(Notes);
        for (var i = 0; i < count; i++)
        {
            File.Copy(Note004, Path.Combine(Notes, $"note-{i}.txt"));
        }
    }

    [Fact]
    public void Ctrl_c_during_a_folder_check_keeps_the_whole_reports_and_writes_no_index()
    {
        WriteNotes(3);

        // Pressed while the second note is being checked (the progress line names it before its check).
        var (code, error) = RunInterrupted(line => line.Contains("note-1.txt", StringComparison.Ordinal), "check", Notes, "--format", "json", "-o", Reports);

        code.ShouldBe(ExitCodes.Interrupted, error);
        error.ShouldContain("interrupted after checking 1 of 3 note(s)");
        var written = Directory.GetFiles(Reports, "*", SearchOption.AllDirectories);
        written.Select(Path.GetFileName).ShouldBe(["note-0.txt.json"]);
        JsonDocument.Parse(File.ReadAllText(written[0])).RootElement.GetProperty("claims").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Ctrl_c_during_a_single_note_check_writes_no_output_file()
    {
        var target = Path.Combine(_folder, "report.json");
        Directory.CreateDirectory(_folder);

        // Pressed as soon as the store is loaded, before the note is checked.
        var (code, error) = RunInterrupted(line => line.StartsWith("almanac: loaded", StringComparison.Ordinal), "check", Note004, "--format", "json", "-o", target);

        code.ShouldBe(ExitCodes.Interrupted, error);
        error.ShouldContain("nothing was written");
        File.Exists(target).ShouldBeFalse();
        Directory.GetFiles(_folder, "*.partial").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_real_sigint_stops_a_folder_check_with_exit_code_130()
    {
        WriteNotes(40);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { SharedDatasets.AlmanacDll(), "check", Notes, "--format", "json", "-o", Reports, "--store", Store, "--data", CliRun.RepositoryData })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var errors = new StringBuilder();
        string? line;
        while ((line = await process.StandardError.ReadLineAsync(timeout.Token)) is not null)
        {
            errors.AppendLine(line);
            if (line.Contains("checking notes: note-1", StringComparison.Ordinal))
            {
                break;
            }
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(timeout.Token);
        }

        errors.Append(await process.StandardError.ReadToEndAsync(timeout.Token));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.ShouldBe(ExitCodes.Interrupted, errors.ToString());
        errors.ToString().ShouldContain("interrupted after checking");
        File.Exists(Path.Combine(Reports, "index.json")).ShouldBeFalse();
        foreach (var report in Directory.GetFiles(Reports, "*", SearchOption.AllDirectories))
        {
            report.ShouldEndWith(".txt.json");
            JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("claims").GetArrayLength().ShouldBeGreaterThan(0);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Standard error that presses Ctrl+C (once) when a line it is written shows what the test waits for.</summary>
    private sealed class InterruptingWriter(Func<string, bool> when) : StringWriter
    {
        public CliContext? Context { get; set; }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && when(value))
            {
                Context?.Interrupt();
            }
        }
    }
}
