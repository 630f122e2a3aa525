using System.CommandLine;
using System.Globalization;
using Almanac.Checking;
using Almanac.Checking.Reports;
using Almanac.Cli.Output;
using Almanac.Diagnostics;
using Almanac.Knowledge;
using Almanac.Storage;
using Spectre.Console;

namespace Almanac.Cli.Commands;

/// <summary><c>almanac check &lt;file|folder|-&gt;</c>: every figure of a note, found, understood and judged, with evidence.</summary>
internal static class CheckCommand
{
    private static readonly string[] Formats = ["text", "json", "md", "html"];
    private static readonly string[] NoteExtensions = [".md", ".markdown", ".txt", ".text"];

    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("file") { Description = "A Markdown or text note, a folder of notes, or - for standard input" };
        var format = new Option<string>("--format", "-f") { Description = "text, json, md or html", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report here (for a folder: the folder for one report per note and an index)" };
        var asOf = new Option<string?>("--as-of") { Description = "Judge only by what had been published by this date (YYYY-MM-DD)" };
        var lang = new Option<string>("--lang") { Description = "auto, zh or en", DefaultValueFactory = _ => "auto" };
        var command = new Command("check", "Find every figure in a note and tell which hold up") { input, format, output, asOf, lang };
        command.SetAction(parse => context.Run(console =>
        {
            var chosen = parse.GetValue(format)!;
            if (!Formats.Contains(chosen, StringComparer.Ordinal))
            {
                throw new CliException($"unknown --format '{chosen}'; expected one of {string.Join(", ", Formats)}");
            }

            var language = parse.GetValue(lang)!;
            if (language is not ("auto" or "zh" or "en"))
            {
                throw new CliException($"unknown --lang '{language}'; expected auto, zh or en");
            }

            var date = parse.GetValue(asOf) is { } a ? FactsCommand.ParseDate(a, "--as-of") : (DateOnly?)null;
            var path = parse.GetValue(input)!;
            var interrupted = context.StopsOnInterrupt();
            using var workspace = context.OpenWorkspace(parse);
            var checker = new NoteChecker(workspace.Store, date, language);
            if (path != "-" && Directory.Exists(path))
            {
                CheckFolder(context, checker, path, parse.GetValue(output), chosen, interrupted);
                return;
            }

            if (parse.GetValue(output) is { } file && Directory.Exists(file))
            {
                // Said before the check runs, not after it: one note's report is one file.
                throw new CliException($"cannot write to {file}: it is a folder; give a file name such as {Path.Combine(file, "report." + (chosen == "text" ? "md" : chosen))}");
            }

            var (bytes, name) = path == "-" ? (ReadStdin(), "(standard input)") : (ReadFile(path), path);
            CheckReport report;
            try
            {
                report = checker.Check(bytes, name, interrupted);
            }
            catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
            {
                throw new CliException($"interrupted while checking {name}; nothing was written", ExitCodes.Interrupted);
            }

            var rendered = Render(report, chosen, context.Console);
            if (parse.GetValue(output) is { } target)
            {
                AtomicFile.WriteAllText(target, rendered ?? Render(report, "md", context.Console)!);
                context.Error.WriteLine($"almanac: wrote {target}");
            }
            else if (rendered is not null)
            {
                console.Write(rendered);
            }
        }));
        return command;
    }

    /// <summary>The rendered report, or null for the text format, which is printed to the console directly.</summary>
    private static string? Render(CheckReport report, string format, IAnsiConsole console)
    {
        switch (format)
        {
            case "json":
                return JsonReport.Write(report) + Environment.NewLine;
            case "md":
                return MarkdownReport.Write(report);
            case "html":
                return HtmlReport.Write(report);
            default:
                WriteTable(report, console);
                return null;
        }
    }

    private static void WriteTable(CheckReport report, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(report.Document))
            .AddColumn("Line:col").AddColumn("Figure").AddColumn("Verdict").AddColumn("Reason");
        foreach (var j in report.Judgements)
        {
            table.AddRow(
                $"{j.Claim.Span.Line}:{j.Claim.Span.Column}",
                Markup.Escape(j.Claim.Text),
                $"[{Colour(j.Verdict)}]{j.Verdict.ToCode()}[/]",
                Markup.Escape(j.Reason));
        }

        console.Write(table);
        var summary = new Table().Border(TableBorder.Rounded).AddColumn("Verdict").AddColumn(new TableColumn("Figures").RightAligned());
        foreach (var verdict in VerdictCodes.ReportOrder)
        {
            summary.AddRow($"[{Colour(verdict)}]{verdict.ToCode()}[/]", report.Summary[verdict].ToString(CultureInfo.InvariantCulture));
        }

        summary.AddRow("[bold]total[/]", report.Judgements.Count.ToString(CultureInfo.InvariantCulture));
        console.Write(summary);
        foreach (var note in report.Skipped)
        {
            console.MarkupLine($"[yellow]not read:[/] {Markup.Escape(note)}");
        }
    }

    private static string Colour(Verdict verdict) => verdict switch
    {
        Verdict.Supported => "green",
        Verdict.Contradicted => "red",
        Verdict.Inconsistent => "darkorange",
        Verdict.Disputed => "purple",
        _ => "grey",
    };

    /// <summary>
    /// Checks every note of a folder with one pipeline, a report per note and an index. Each file is written
    /// whole or not at all; on Ctrl+C the reports written so far stay, the note being checked gets none and
    /// no index is written (an index lists every note of the folder).
    /// </summary>
    private static void CheckFolder(CliContext context, NoteChecker checker, string folder, string? output, string format, CancellationToken interrupted)
    {
        var notes = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => NoteExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (notes.Count == 0)
        {
            throw new CliException($"no notes (*.md, *.markdown, *.txt) in {folder}");
        }

        var target = output ?? Path.Combine(folder, "almanac-reports");
        var extension = format switch { "json" => ".json", "md" => ".md", _ => ".html" };
        Directory.CreateDirectory(target);
        var rows = new List<(string Note, string Report, CheckReport? Result, string? Error)>();
        try
        {
            new ProgressReporter(context.Error).Run("checking notes", report =>
            {
                for (var i = 0; i < notes.Count; i++)
                {
                    report(Path.GetFileName(notes[i]), i, notes.Count);
                    var relative = Path.GetRelativePath(folder, notes[i]);
                    var reportPath = Path.Combine(target, relative + extension);
                    try
                    {
                        var result = checker.Check(ReadFile(notes[i]), relative, interrupted);
                        Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
                        AtomicFile.WriteAllText(reportPath, format switch { "json" => JsonReport.Write(result), "md" => MarkdownReport.Write(result), _ => HtmlReport.Write(result) });
                        rows.Add((relative, Path.GetRelativePath(target, reportPath), result, null));
                    }
                    catch (Exception e) when (e is CliException or DiagnosticException)
                    {
                        // One unreadable note does not stop the others; the index says what happened.
                        rows.Add((relative, string.Empty, null, e.Message));
                    }
                }

                report("done", notes.Count, notes.Count);
                return 0;
            });
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            throw new CliException($"interrupted after checking {rows.Count} of {notes.Count} note(s); their reports are in {target}, no index was written", ExitCodes.Interrupted);
        }

        var index = Path.Combine(target, format == "json" ? "index.json" : format == "md" ? "index.md" : "index.html");
        AtomicFile.WriteAllText(index, FolderIndex.Write(rows, format));
        context.Output.WriteLine($"checked {rows.Count(r => r.Result is not null)} of {notes.Count} note(s); index: {index}");
        foreach (var failed in rows.Where(r => r.Error is not null))
        {
            context.Error.WriteLine($"almanac: {failed.Error}");
        }
    }

    private static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new CliException($"no such file: {path}");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliException($"no such file: {path}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: permission denied");
        }
    }

    private static byte[] ReadStdin()
    {
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }
}
