using System.Text;
using Almanac.Checking;
using Almanac.Checking.Reading;

namespace Almanac.Tests.Checking.Robustness;

/// <summary>
/// A seeded corpus of broken and hostile notes run through the whole of <c>almanac check</c>'s
/// pipeline (reader, extractor, judge), built from the real seeds and dev notes: each gets a report
/// or a message that names the note and where in it, never an exception and never a hang.
/// </summary>
public sealed class NoteReaderCorpusTests
{
    // Generous: a hang guard, not a speed test.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    private static readonly DocumentChecker Checker = new(
        Knowledge.Check.Names.Entities, Knowledge.Check.Names.Metrics, _ => Knowledge.Check.Statements);

    private static string DevNotes => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Knowledge.SeedPath("004-research-note.md"))!, "..", "eval", "dev"));

    public static TheoryData<string> Notes()
    {
        var notes = new TheoryData<string> { "004-research-note.md", "000-menlo-article.md" };
        foreach (var file in Directory.GetFiles(DevNotes, "*.md").Order(StringComparer.Ordinal))
        {
            notes.Add(Path.GetFileName(file));
        }

        return notes;
    }

    [Fact]
    public void The_corpus_reads_every_dev_note() => Directory.GetFiles(DevNotes, "*.md").Length.ShouldBeGreaterThanOrEqualTo(6);

    [Theory]
    [MemberData(nameof(Notes))]
    public void A_real_note_broken_in_every_way_gets_a_report_or_a_located_message(string note)
    {
        var real = File.ReadAllBytes(note.StartsWith("00", StringComparison.Ordinal) ? Knowledge.SeedPath(note) : Path.Combine(DevNotes, note));
        var text = Encoding.UTF8.GetString(real);
        var random = new Random(20261201 + note.Length);

        var notUtf8 = (byte[])real.Clone();
        foreach (var at in new[] { notUtf8.Length / 3, notUtf8.Length / 2, notUtf8.Length * 2 / 3 })
        {
            notUtf8[at] = (byte)(0xF8 + random.Next(8));
        }

        var cases = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["not UTF-8 in the middle"] = notUtf8,
            ["UTF-16LE with BOM"] = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            ["UTF-16BE with BOM"] = [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            ["UTF-16LE without BOM"] = Encoding.Unicode.GetBytes(text),
            ["UTF-16BE without BOM"] = Encoding.BigEndianUnicode.GetBytes(text),
            ["cut mid-character"] = real[..CutInsideCharacter(real)],
            ["UTF-16LE cut mid-character"] = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)[..^1]],
        };

        foreach (var (kind, bytes) in cases)
        {
            Answered(bytes, $"{note} ({kind})");
        }
    }

    [Fact]
    public void Hostile_notes_get_a_report_or_a_located_message()
    {
        var random = new Random(20261202);
        var junk = new byte[4096];
        random.NextBytes(junk);
        var seed = File.ReadAllText(Knowledge.SeedPath("004-research-note.md"));
        var figure = "Anthropic's revenue run-rate reached $5 billion in 2025.";

        var cases = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["empty"] = [],
            ["binary junk"] = junk,
            ["a line of 1 MB"] = Encoding.UTF8.GetBytes(seed + "\n" + string.Concat(Enumerable.Repeat(figure + " ", 1_048_576 / (figure.Length + 1))) + "\n" + seed),
            ["lists nested 100,000 deep"] = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("- ", 100_000)) + figure + "\n"),
            ["quotes nested 100,000 deep"] = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("> ", 100_000)) + figure + "\n"),
            ["a table of 10,000 columns"] = Encoding.UTF8.GetBytes(Table(10_000)),
            ["50 MB"] = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(seed, (int)(50L * 1024 * 1024 / Encoding.UTF8.GetByteCount(seed)) + 1))),
        };

        foreach (var (kind, bytes) in cases)
        {
            var outcome = Answered(bytes, $"note.md ({kind})");
            if (kind == "50 MB")
            {
                outcome.Error.ShouldNotBeNull().ToString().ShouldContain("too large");
            }
        }
    }

    // Either a report or a message naming the note; anything thrown fails the test with its stack trace.
    private static CheckOutcome Answered(byte[] bytes, string name)
    {
        var check = Task.Run(() => Checker.Check(bytes, name));
        check.Wait(HangGuard).ShouldBeTrue($"{name}: no answer within {HangGuard}");
        var outcome = check.Result;
        (outcome.Report is null).ShouldNotBe(outcome.Error is null, name);
        if (outcome.Error is { } error)
        {
            error.ToString().ShouldStartWith(name + ": ");
        }
        else
        {
            outcome.Report!.Judgements.ShouldAllBe(j => j.Claim.Span.Offset >= 0 && j.Claim.Span.Offset + j.Claim.Span.Length <= outcome.Report.Text.Length);
        }

        return outcome;
    }

    // A place inside a multi-byte UTF-8 sequence past the middle (a continuation byte), or the middle of an ASCII note.
    private static int CutInsideCharacter(byte[] bytes)
    {
        for (var i = bytes.Length / 2; i < bytes.Length; i++)
        {
            if ((bytes[i] & 0xC0) == 0x80)
            {
                return i;
            }
        }

        return bytes.Length / 2;
    }

    private static string Table(int columns)
    {
        var table = new StringBuilder();
        table.Append('|').AppendJoin('|', Enumerable.Range(1, columns).Select(c => $" Model {c} ")).Append("|\n");
        table.Append('|').AppendJoin('|', Enumerable.Repeat("---", columns)).Append("|\n");
        table.Append('|').AppendJoin('|', Enumerable.Range(1, columns).Select(c => $" ${c}.5B ")).Append("|\n");
        return table.ToString();
    }
}
