using System.Text;
using Almanac.Diagnostics;
using Almanac.Usage;
using Almanac.Usage.Generation;
using Almanac.Usage.Readers;
using DuckDB.NET.Data;

namespace Almanac.Tests.Usage.Robustness;

/// <summary>
/// A seeded corpus of broken logs run through every usage reader: an empty file, binary junk, a real
/// log with bytes that are not UTF-8 in its middle, nesting 100,000 levels deep, the wrong shape, the
/// log cut short at several places. Each reader either reads, every skipped line named by its file and
/// place, or refuses the file with a <see cref="DiagnosticException"/> naming it; under strict reading
/// the first bad line stops it the same way. Nothing else is thrown (a stack trace for the user).
/// </summary>
public sealed class UsageReaderCorpusTests
{
    public static TheoryData<UsageFormat> Formats()
    {
        var formats = new TheoryData<UsageFormat>();
        foreach (var format in Enum.GetValues<UsageFormat>())
        {
            formats.Add(format);
        }

        return formats;
    }

    /// <summary>A real log of the format: a shared sample as downloaded, or the generator's output in that format's columns.</summary>
    private static (string Name, byte[] Bytes) Sample(UsageFormat format)
    {
        switch (format)
        {
            case UsageFormat.Otel:
                return ("spans.json", File.ReadAllBytes(UsageFixture.Sample("otel/openllmetry_traceloop.in.json")));
            case UsageFormat.OpenAi:
                return ("usage.json", File.ReadAllBytes(UsageFixture.Sample("openai/organization_usage_completions.json")));
            default:
                using (var text = new StringWriter())
                {
                    UsageGenerator.Write(200, format, seed: 17, text);
                    return (format == UsageFormat.LiteLlm ? "spend.csv" : "calls.csv", Encoding.UTF8.GetBytes(text.ToString()));
                }
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Broken_logs_are_read_with_located_skips_or_refused_by_name_never_an_exception_of_another_kind(UsageFormat format)
    {
        var (name, real) = Sample(format);
        var random = new Random(20261201);
        var junk = new byte[4096];
        random.NextBytes(junk);
        var notUtf8 = (byte[])real.Clone();
        var middle = Array.FindIndex(notUtf8, notUtf8.Length / 2, b => b is >= (byte)'a' and <= (byte)'z');
        notUtf8[middle] = 0xC3;
        notUtf8[middle + 1] = 0x28;

        var corpus = new List<(string Label, byte[] Bytes)>
        {
            ("empty", []),
            ("binary junk", junk),
            ("invalid UTF-8 in the middle", notUtf8),
            ("nested 100,000 levels", Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000))),
            ("nested objects 100,000 levels", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000))),
            ("the wrong shape", Encoding.UTF8.GetBytes(name.EndsWith(".csv", StringComparison.Ordinal) ? "a,b\n1,2\n" : "[1, 2, 3]")),
            ("a Parquet header and junk", [.. "PAR1"u8, .. junk]),
        };
        corpus.AddRange(new[] { 0.01, 0.37, 0.5, 0.93 }.Select(f => ($"cut at {f:P0}", real[..(int)(real.Length * f)])));

        foreach (var (label, bytes) in corpus)
        {
            foreach (var strict in new[] { false, true })
            {
                var log = new ReadLog(strict);
                try
                {
                    using var stream = new MemoryStream(bytes, writable: false);
                    _ = UsageReaders.For(format, ColumnMap.None).Read(stream, name, log).Count();
                }
                catch (DiagnosticException e)
                {
                    e.Message.ShouldContain(name, Case.Sensitive, $"{format}, {label}: the refusal names the file");
                    e.Message.ShouldNotContain("   at ", Case.Sensitive, $"{format}, {label}: a stack trace");
                    continue;
                }

                log.FirstSkipped.ShouldAllBe(s => s.Source == name && !s.Location.IsNone, $"{format}, {label}: every skip is located");
            }
        }
    }

    [Fact]
    public void A_real_parquet_file_cut_anywhere_is_read_or_refused_by_name()
    {
        var folder = Directory.CreateTempSubdirectory("almanac-parquet-").FullName;
        try
        {
            var whole = Path.Combine(folder, "calls.parquet");
            using (var connection = new DuckDBConnection("Data Source=:memory:"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"COPY (SELECT 'r' || i AS id, TIMESTAMP '2026-03-01' + INTERVAL (i) MINUTE AS time, 'gpt-4o' AS model, i AS input_tokens FROM range(5000) t(i)) TO '{whole}' (FORMAT parquet, ROW_GROUP_SIZE 1000)";
                command.ExecuteNonQuery();
            }

            var real = File.ReadAllBytes(whole);
            foreach (var fraction in new[] { 0.0, 0.01, 0.37, 0.5, 0.93, 0.999 })
            {
                var cut = real[..Math.Max(4, (int)(real.Length * fraction))];
                try
                {
                    using var stream = new MemoryStream(cut, writable: false);
                    _ = new MappedReader(ColumnMap.None).Read(stream, "calls.parquet", new ReadLog(strict: true)).Count();
                }
                catch (DiagnosticException e)
                {
                    e.Diagnostic.Source.ShouldBe("calls.parquet", $"cut at {fraction:P0}");
                    e.Diagnostic.Location.IsNone.ShouldBeFalse($"cut at {fraction:P0}");
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
