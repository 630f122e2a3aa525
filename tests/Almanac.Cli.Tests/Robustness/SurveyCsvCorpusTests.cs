using System.Text;
using System.Text.RegularExpressions;

namespace Almanac.Tests.Cli.Robustness;

/// <summary>
/// A seeded corpus of broken survey files, made from the documented example, through
/// <c>almanac survey estimate</c>: each is refused with <c>almanac: path:line:col: …</c> and exit 1, with no
/// stack trace and nothing written to the output.
/// </summary>
public sealed partial class SurveyCsvCorpusTests : IDisposable
{
    private static readonly string Example = Path.Combine(SharedDatasets.RepositoryRoot, "docs", "examples", "survey-responses.csv");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    public SurveyCsvCorpusTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Cases() => [.. Corpus().Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_broken_survey_file_is_refused_with_its_path_line_and_column(string kind)
    {
        var path = Path.Combine(_folder, "responses.csv");
        File.WriteAllBytes(path, Corpus()[kind]());

        var run = CliRun.Of(["survey", "estimate", path, "--format", "json", "--replicates", "100"]);

        run.ExitCode.ShouldBe(1, run.Error);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldNotContain("   at ");
        run.Error.ShouldNotContain("Exception");
        Located().IsMatch(run.Error).ShouldBeTrue($"expected '{path}:line:col: …', got: {run.Error}");
        run.Error.ShouldStartWith($"almanac: {path}:");
    }

    // Every case derives from the real example; the random bytes are seeded, so a failure repeats.
    private static Dictionary<string, Func<byte[]>> Corpus()
    {
        var real = File.ReadAllBytes(Example);
        var lines = File.ReadAllLines(Example);
        var random = new Random(20261201);
        byte[] Text(IEnumerable<string> rows) => Encoding.UTF8.GetBytes(string.Join('\n', rows) + "\n");
        byte[] Replace(int line, Func<string[], string[]> change) =>
            Text(lines.Select((l, i) => i == line ? string.Join(',', change(l.Split(','))) : l));

        return new Dictionary<string, Func<byte[]>>(StringComparer.Ordinal)
        {
            // Cut inside a row: the last respondent's shares no longer sum to 100, or its row is short.
            ["truncated mid-row"] = () => real[..(Array.LastIndexOf(real, (byte)',', real.Length * 37 / 100) + 1)],
            ["truncated after the header"] = () => Text(lines.Take(1)),
            ["a row with a field too many"] = () => Replace(7, f => [.. f, "extra"]),
            ["a row with a field too few"] = () => Replace(7, f => f[..^1]),
            ["a share of 1e400"] = () => Replace(3, f => [.. f[..^1], "1e400"]),
            ["a weight of 1e308 against the others"] = () => Replace(3, f => [f[0], f[1], "1e308", f[3], f[4]]),
            ["a share of 99999999999999999999999"] = () => Replace(3, f => [.. f[..^1], "99999999999999999999999"]),
            ["bytes that are not UTF-8 in a provider"] = () =>
            {
                var bytes = Text(lines);
                var at = Encoding.UTF8.GetByteCount(string.Join('\n', lines.Take(9)) + "\n") + lines[9].LastIndexOf(',') - 2;
                bytes[at] = 0xC3;
                bytes[at + 1] = 0x28;
                return bytes;
            },
            ["binary junk"] = () =>
            {
                var junk = new byte[4096];
                random.NextBytes(junk);
                return junk;
            },
            ["control bytes"] = () => [.. Enumerable.Range(0, 4096).Select(i => (byte)(i % 32))],
            ["50 MB with a bad share on the last row"] = () =>
            {
                var big = new StringBuilder(lines[0]).Append('\n');
                var body = lines.Skip(1).ToArray();
                for (var copy = 0; big.Length < 50 * 1024 * 1024; copy++)
                {
                    foreach (var row in body)
                    {
                        var fields = row.Split(',');
                        big.Append(fields[0]).Append('-').Append(copy).Append(',').AppendJoin(',', fields.Skip(1)).Append('\n');
                    }
                }

                return [.. Encoding.UTF8.GetBytes(big.ToString()), .. "x-last,enterprise,1,anthropic,150\n"u8.ToArray()];
            },
        };
    }

    [GeneratedRegex(@"^.+:\d+:\d+: \S", RegexOptions.Multiline)]
    private static partial Regex Located();
}
