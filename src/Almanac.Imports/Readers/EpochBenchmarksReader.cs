using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Imports.Readers;

/// <summary>
/// Reads Epoch AI's Benchmarking Hub (one CSV per benchmark, in a folder or <c>benchmark_data.zip</c>)
/// into model scores. Epoch's own runs are scoped <c>evaluator: epoch-ai</c> and cite the snapshot;
/// external leaderboards' rows are scoped by their source and cite the row's source link, with Epoch
/// AI named as the compiler. Scores are percentages: a file whose scores all lie within 0–1 is read
/// as fractions (×100), one with a score above 1 as percentages already; never guessed per row.
/// </summary>
/// <remarks>The snapshot is as of the latest run day in the files unless the caller gives a date.</remarks>
public static partial class EpochBenchmarksReader
{
    public const string Dataset = "epoch-benchmarks";

    public static readonly Uri PublicUrl = new("https://epoch.ai/benchmarks");

    private const string Compiler = "via Epoch AI, 'Data on AI Benchmarking'";

    private const string EpochEvaluator = "epoch-ai";

    private static readonly string[] SourceLinkColumns = ["Source link", "Source Link", "Source link (site from table)"];

    private static readonly string[] RunDayColumns = ["Started at", "Run date", "Date run"];

    /// <summary>Words a leaderboard's name carries that do not tell evaluators apart.</summary>
    private static readonly HashSet<string> GenericSourceWords = new(StringComparer.OrdinalIgnoreCase) { "leaderboard", "leaderboards", "website", "dashboard", "github", "repository" };

    /// <summary>Sources Epoch spells several ways, and their evaluator.</summary>
    private static readonly Dictionary<string, string> Evaluators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Stanford CRFM Leaderboard"] = "stanford-crfm",
        ["Stanford HELM"] = "stanford-crfm",
        ["Standford HELM"] = "stanford-crfm",
    };

    /// <summary>Every file Almanac reads, the benchmark it scores (an entity of <c>data/entities/benchmarks.yaml</c>) and its score column.</summary>
    public static IReadOnlyList<BenchmarkFile> Files { get; } =
    [
        Epoch("gpqa_diamond.csv", "gpqa-diamond"),
        Epoch("frontiermath.csv", "frontiermath"),
        Epoch("frontiermath_tier_4.csv", "frontiermath-tier-4"),
        Epoch("math_level_5.csv", "math-level-5"),
        Epoch("otis_mock_aime_2024_2025.csv", "otis-mock-aime"),
        Epoch("simpleqa_verified.csv", "simpleqa-verified"),
        Epoch("swe_bench_verified.csv", "swe-bench-verified"),
        Epoch("chess_puzzles.csv", "chess-puzzles"),
        new("epoch_capabilities_index.csv", "epoch-capabilities-index", "ECI Score", BenchmarkFileKind.Index),
        External("swe_bench_bash.csv", "swe-bench-bash-only", "% Resolved"),
        External("adversarial_nli_external.csv", "adversarial-nli", "Score"),
        External("aider_polyglot_external.csv", "aider-polyglot", "Percent correct"),
        External("arc_agi_external.csv", "arc-agi", "Score"),
        External("arc_ai2_external.csv", "arc-ai2", "Challenge score"),
        External("balrog_external.csv", "balrog", "Average progress"),
        External("bbh_external.csv", "big-bench-hard", "Average"),
        External("bool_q_external.csv", "boolq", "Score"),
        External("cad_eval_external.csv", "cadeval", "Overall pass (%)"),
        External("common_sense_qa_2_external.csv", "commonsenseqa-2", "Score"),
        External("cybench_external.csv", "cybench", "Unguided % Solved"),
        External("deepresearchbench_external.csv", "deepresearch-bench", "Average score"),
        External("fictionlivebench_external.csv", "fiction-livebench", "120k token score"),
        External("gsm8k_external.csv", "gsm8k", "EM"),
        External("gso_external.csv", "gso", "Score OPT@1"),
        External("hella_swag_external.csv", "hellaswag", "Overall accuracy"),
        External("lambada_external.csv", "lambada", "Score"),
        External("live_bench_external.csv", "livebench", "Global average"),
        External("mmlu_external.csv", "mmlu", "EM"),
        External("open_book_qa_external.csv", "openbookqa", "Accuracy"),
        External("os_world_external.csv", "osworld", "Score"),
        External("piqa_external.csv", "piqa", "Score"),
        External("science_qa_external.csv", "scienceqa", "Score"),
        External("simplebench_external.csv", "simplebench", "Score (AVG@5)"),
        External("superglue_external.csv", "superglue", "Score"),
        External("terminalbench_external.csv", "terminal-bench-2", "Accuracy mean", "Accuracy SE"),
        External("the_agent_company_external.csv", "the-agent-company", "% Score"),
        External("trivia_qa_external.csv", "triviaqa", "EM"),
        External("video_mme_external.csv", "video-mme", "Overall (no subtitles)"),
        External("vpct_external.csv", "vpct", "Correct"),
        External("weirdml_external.csv", "weirdml", "Accuracy"),
        External("wino_grande_external.csv", "winogrande", "Accuracy"),

        // Scores that are not percentages (points, a 0–10 grade, minutes, Elo) are not benchmark-score facts.
        new("geobench_external.csv", null, "ACW Avg Score", BenchmarkFileKind.NotRead),
        new("lech_mazur_writing_external.csv", null, "Mean score", BenchmarkFileKind.NotRead),
        new("metr_time_horizons_external.csv", null, "Time horizon", BenchmarkFileKind.NotRead),
        new("webdev_arena_external.csv", null, "Arena Score", BenchmarkFileKind.NotRead),
    ];

    public static IReadOnlyList<DatasetSnapshot> Read(DatasetInput input, SnapshotInfo? info)
    {
        ArgumentNullException.ThrowIfNull(input);
        var records = new List<DatasetRecord>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        DateOnly? latestRun = null;
        var pending = new List<(CsvRow Row, BenchmarkFile File, DateOnly? Run, decimal Score, decimal Scale)>();
        var tables = new List<CsvTable>();
        var read = 0;
        foreach (var file in input.WithExtension(".csv"))
        {
            var name = Path.GetFileName(file.Name);
            var known = Files.FirstOrDefault(f => string.Equals(f.FileName, name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                throw new DiagnosticException(Diagnostic.Invalid(file.Name, DiagnosticLocation.In("file name"),
                    $"is not a file of Epoch AI's benchmarking hub that Almanac knows; expected one of {string.Join(", ", Files.Select(f => f.FileName))}"));
            }

            read++;
            if (known.Kind == BenchmarkFileKind.NotRead)
            {
                skipped["file whose score is not a percentage (" + name + ")"] = 1;
                continue;
            }

            var table = CsvTable.Read(file, "Model version", known.ScoreColumn);
            tables.Add(table);
            var scored = new List<(CsvRow Row, DateOnly? Run, decimal Score)>();
            foreach (var row in table.Rows)
            {
                if (row.Number(known.ScoreColumn) is not { } score)
                {
                    Count(skipped, "row without a score");
                    continue;
                }

                if (ModelOf(row).Name.Length == 0)
                {
                    Count(skipped, "row naming no model");
                    continue;
                }

                var run = RunDayColumns.Select(row.Date).FirstOrDefault(d => d is not null);
                if (run is { } day && (latestRun is null || day > latestRun))
                {
                    latestRun = day;
                }

                scored.Add((row, run, score));
            }

            // The scale is the file's: fractions when every score is within 0–1, percentages otherwise.
            var scale = known.Kind == BenchmarkFileKind.Index || scored.Any(s => s.Score > 1) ? 1m : 100m;
            pending.AddRange(scored.Select(s => (s.Row, known, s.Run, s.Score, scale)));
        }

        if (read == 0)
        {
            throw new DiagnosticException(Diagnostic.Invalid(input.Description, DiagnosticLocation.In("input"), "holds no CSV file of Epoch AI's benchmarking hub"));
        }

        var date = info?.Date ?? latestRun ?? info?.LastWritten
            ?? throw new DiagnosticException(Diagnostic.Invalid(input.Description, DiagnosticLocation.In("snapshot date"), "no row has a run date; give the snapshot's date"));
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, file, run, score, scale) in pending)
        {
            records.Add(Record(row, file, run ?? date, score, scale, keys));
        }

        var version = info?.Version ?? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return
        [
            new DatasetSnapshot(Dataset, version, date, info?.Url ?? PublicUrl, "Epoch AI", "Data on AI Benchmarking", "CC BY 4.0 (Epoch AI's runs; external leaderboards keep their sources' terms)", records)
            {
                Skipped = [.. skipped.Select(s => new SkippedRows(s.Key, s.Value))],
                Dropped = [.. tables.SelectMany(t => t.Dropped)],
            },
        ];
    }

    private static DatasetRecord Record(CsvRow row, BenchmarkFile file, DateOnly day, decimal score, decimal scale, Dictionary<string, int> keys)
    {
        var (model, variant) = ModelOf(row);
        var evaluator = file.Kind == BenchmarkFileKind.External ? EvaluatorOf(row) : EpochEvaluator;
        var scope = new List<KeyValuePair<string, string>> { new("benchmark", file.Benchmark!), new("evaluator", evaluator) };
        if (variant is not null)
        {
            scope.Add(new("variant", variant));
        }

        Source? source = null;
        if (file.Kind == BenchmarkFileKind.External && SourceLinkColumns.Select(c => SourcePublishers.Address(row.Text(c))).OfType<Uri>().FirstOrDefault() is { } url)
        {
            source = SourceFor(row, file, url, day);
        }

        var period = Period.Instant(day);
        var notes = new List<string>();
        if (row.Text("Shots") is { Length: > 0 } shots)
        {
            notes.Add($"{shots} shots");
        }

        if (file.Kind == BenchmarkFileKind.Epoch && row.Number("Best score (across scorers)") is { } best && best != score)
        {
            notes.Add($"best score across scorers {Format(best * scale)}");
        }

        if (row.Text("Confidence") is { Length: > 0 } confidence)
        {
            notes.Add($"confidence: {confidence}");
        }

        var note = notes.Count == 0 ? null : string.Join("; ", notes);
        var values = new List<RecordValue>();
        if (file.Kind == BenchmarkFileKind.Index)
        {
            values.Add(new RecordValue("benchmark-index", FactValue.Of(Quantity.Of(DatasetValues.Normalize(score), Unit.Score)), Scope.Of(scope), period, source, Note: note));
        }
        else
        {
            values.Add(new RecordValue("benchmark-score", FactValue.Of(Quantity.Of(DatasetValues.Normalize(score * scale), Unit.Percent)), Scope.Of(scope), period, source, Note: note));
            if (file.StderrColumn is { } column && row.Number(column) is { } stderr)
            {
                values.Add(new RecordValue("benchmark-stderr", FactValue.Of(Quantity.Of(DatasetValues.Normalize(stderr * scale), Unit.PercentagePoints)), Scope.Of(scope), period, source));
            }
        }

        var id = row.Text("id") is { Length: > 0 } rowId ? rowId : row.Text("Model version") + "/" + row.Text("Name");
        var key = $"{Path.GetFileNameWithoutExtension(file.FileName)}/{id}";
        var seen = keys.GetValueOrDefault(key);
        keys[key] = seen + 1;
        return new DatasetRecord(seen == 0 ? key : $"{key}#{seen + 1}", model, null, null, OrganisationOf(row), values, $"line {row.Line}");
    }

    /// <summary>
    /// The model a row scores and the variant of the run: Epoch writes a reasoning effort or thinking
    /// budget after the version (<c>gpt-5-2025-08-07_high</c>, <c>claude-opus-4-5-20251101_16K</c>).
    /// External rows without a version name the model in <c>Name</c>.
    /// </summary>
    internal static (string Name, string? Variant) ModelOf(CsvRow row)
    {
        var version = row.Text("Model version");
        if (version.Length == 0)
        {
            return (row.Text("Name"), null);
        }

        var match = RunVariant().Match(version);
        return match.Success ? (version[..match.Index], match.Groups[1].Value.ToLowerInvariant()) : (version, null);
    }

    private static string? OrganisationOf(CsvRow row) =>
        row.Text("Organization").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    private static string EvaluatorOf(CsvRow row)
    {
        var source = row.Text("Source");
        if (Evaluators.TryGetValue(source, out var known))
        {
            return known;
        }

        var words = source.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !GenericSourceWords.Contains(w));
        var slug = DatasetValues.Slug(string.Join(' ', words));
        return slug.Length > 0 ? slug : "not-stated";
    }

    private static Source SourceFor(CsvRow row, BenchmarkFile file, Uri url, DateOnly published)
    {
        var name = row.Text("Source") is { Length: > 0 } s ? s : SourcePublishers.Of(url);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{file.Benchmark}\u001f{name}\u001f{url}")))[..12];
        return new Source($"epoch-benchmarks-{hash}", SourcePublishers.Of(url), $"{name} ({file.FileName}), {Compiler}", url, published, SourceKind.Secondary);
    }

    private static void Count(Dictionary<string, int> skipped, string reason) => skipped[reason] = skipped.GetValueOrDefault(reason) + 1;

    private static string Format(decimal value) => DatasetValues.Normalize(Math.Round(value, 2)).ToString(CultureInfo.InvariantCulture);

    private static BenchmarkFile Epoch(string fileName, string benchmark) =>
        new(fileName, benchmark, "mean_score", BenchmarkFileKind.Epoch, "stderr");

    private static BenchmarkFile External(string fileName, string benchmark, string scoreColumn, string? stderrColumn = null) =>
        new(fileName, benchmark, scoreColumn, BenchmarkFileKind.External, stderrColumn);

    [GeneratedRegex(@"_((?:minimal|low|medium|high|xhigh|none|max)|\d+K)$", RegexOptions.IgnoreCase)]
    private static partial Regex RunVariant();
}

/// <summary>Who ran a file's scores: Epoch AI, an external leaderboard or paper, or an index; or a file not read.</summary>
public enum BenchmarkFileKind
{
    Epoch,
    External,
    Index,
    NotRead,
}

/// <summary>One file of the benchmarking hub: the benchmark entity it scores and the column holding the score.</summary>
public sealed record BenchmarkFile(string FileName, string? Benchmark, string ScoreColumn, BenchmarkFileKind Kind, string? StderrColumn = null);
