using System.IO.Compression;
using System.Text;
using Almanac.Diagnostics;
using Almanac.Imports;
using Almanac.Tests.Imports.Readers;

namespace Almanac.Tests.Imports.Robustness;

/// <summary>
/// A seeded corpus of broken inputs run through every registered dataset reader: an empty file,
/// binary junk, a real file with bytes that are not UTF-8 in its middle, the real file cut short at
/// several places, nesting 100,000 levels deep, the wrong shape of JSON. Each either reads or is
/// refused with an <see cref="DiagnosticException"/> whose message names the file and where in it;
/// no reader throws anything else (a stack trace for the user) or runs out of stack.
/// </summary>
public sealed class DatasetReaderCorpusTests
{
    /// <summary>Each dataset and a real file of it in the shared data, as a user would download it.</summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["models-dev"] = "models-dev/api.json",
        ["models-dev-labs"] = "models-dev/labs.json",
        ["litellm"] = "litellm/model_prices_and_context_window.json",
        ["epoch"] = "epoch-ai/notable_ai_models_2026-01.csv",
        ["openrouter"] = "openrouter/models/openrouter_models_2025-01-01T002742Z.json.gz",
        ["epoch-companies"] = "epoch-ai/companies/ai_companies_funding_rounds.csv",
        ["epoch-benchmarks"] = "epoch-ai/benchmarks/gpqa_diamond.csv",
        ["lmarena"] = "lmarena/lmarena_text_2025-08-06.csv",
        ["openrouter-rankings"] = "openrouter/rankings/openrouter-usage_2026-05-30.json",
    };

    public static TheoryData<string> Codes()
    {
        var codes = new TheoryData<string>();
        foreach (var definition in Datasets.All)
        {
            codes.Add(definition.Code);
        }

        return codes;
    }

    [Fact]
    public void Every_registered_dataset_has_a_sample_in_the_corpus() =>
        Datasets.All.Select(d => d.Code).Where(c => !Samples.ContainsKey(c)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Codes))]
    public void Broken_inputs_are_refused_with_a_located_message_never_an_exception_of_another_kind(string code)
    {
        var definition = Datasets.Find(code)!;
        var sample = Samples[code];
        var name = Path.GetFileName(sample).Replace(".gz", string.Empty, StringComparison.Ordinal);
        var real = Decompressed(SharedData.PathOf(sample));
        var random = new Random(20261201);

        var junk = new byte[4096];
        random.NextBytes(junk);
        var notUtf8 = (byte[])real.Clone();
        var middle = IndexOfTextByte(notUtf8, notUtf8.Length / 2);
        notUtf8[middle] = 0xC3;
        notUtf8[middle + 1] = 0x28;
        var deep = Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000));

        // Refused, located: the file is not this dataset at all.
        foreach (var (label, bytes) in new (string, byte[])[]
        {
            ("empty", []),
            ("binary junk", junk),
            ("invalid UTF-8 in the middle", notUtf8),
            ("nested 100,000 levels", deep),
            ("the wrong shape", Encoding.UTF8.GetBytes(name.EndsWith(".csv", StringComparison.Ordinal) ? "a,b\n1,2\n" : "[1, 2, 3]")),
        })
        {
            var error = Should.Throw<DiagnosticException>(() => Read(definition, name, bytes), $"{code}: {label}");
            error.Diagnostic.Source.ShouldNotBeNullOrWhiteSpace($"{code}: {label}");
            error.Diagnostic.Location.IsNone.ShouldBeFalse($"{code}: {label}");
            error.Message.ShouldNotContain("   at ", Case.Sensitive, $"{code}: {label} shows a stack trace");
        }

        // Cut short anywhere: read (a cut at a record's end may leave a valid file) or refused, located.
        foreach (var fraction in new[] { 0.01, 0.37, 0.5, 0.93 })
        {
            var cut = real[..(int)(real.Length * fraction)];
            try
            {
                Read(definition, name, cut);
            }
            catch (DiagnosticException e)
            {
                e.Diagnostic.Location.IsNone.ShouldBeFalse($"{code}: cut at {fraction:P0}");
            }
        }
    }

    private static void Read(DatasetDefinition definition, string name, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        _ = definition.Read(DatasetInput.FromStream(name, stream, new DateOnly(2026, 1, 1)), null);
    }

    private static byte[] Decompressed(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var copy = new MemoryStream();
        gzip.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The first printable ASCII byte from <paramref name="start"/> on, so the broken sequence replaces text, not a line break.</summary>
    private static int IndexOfTextByte(byte[] bytes, int start)
    {
        for (var i = start; i < bytes.Length - 1; i++)
        {
            if (bytes[i] is >= (byte)'a' and <= (byte)'z')
            {
                return i;
            }
        }

        return start;
    }
}
