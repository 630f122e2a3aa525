using Almanac.Diagnostics;
using Almanac.Usage.Normalisation;
using Almanac.Usage.Readers;

namespace Almanac.Usage;

/// <summary>Where an ingest is: bytes of input read of all, and events read.</summary>
public readonly record struct IngestProgress(long BytesRead, long BytesTotal, long Events);

/// <summary>The outcome of an ingest: the store's counts, what reading met, and the unresolved model strings of this input.</summary>
public sealed record IngestSummary(
    IReadOnlyList<string> Files,
    long EventsRead,
    IngestCounts Stored,
    long SkippedLines,
    IReadOnlyList<Diagnostic> FirstSkipped,
    long PassedOver,
    IReadOnlyList<Analyses.UnresolvedModel> Unresolved);

/// <summary>
/// The one ingest pipeline: the files of a path, each read by its format's reader, each event normalised,
/// all stored by the engine in one transaction. Nothing is held but the event being passed on. A single
/// mapped CSV file whose lines all carry an id goes to the engine's own CSV scanner when it has one
/// (<see cref="ICsvFileEngine"/>): the same events, normalised in the engine's SQL; a file the scanner
/// finds a bad line in comes back here and is read line by line, so its bad lines are reported as always.
/// </summary>
public static class UsageIngest
{
    /// <param name="format">The format of every file; null tells each file's format from its content.</param>
    public static IngestSummary Run(
        string path, UsageFormat? format, ColumnMap map, bool strict, UsageNormaliser normaliser, IUsageEngine engine,
        IProgress<IngestProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(normaliser);
        ArgumentNullException.ThrowIfNull(engine);
        var files = UsageFiles.Of(path);
        var total = files.Sum(f => new FileInfo(f).Length);
        var log = new ReadLog(strict);
        if (files.Count == 1 && engine is ICsvFileEngine scanner && (format ?? UsageReaders.Detect(files[0])) == UsageFormat.Csv
            && CsvFilePlan.For(files[0], map) is { } plan)
        {
            progress?.Report(new IngestProgress(0, total, 0));
            if (scanner.TryIngestCsv(plan, normaliser, cancellation) is { } scanned)
            {
                progress?.Report(new IngestProgress(total, total, scanned.EventsRead));
                return new IngestSummary(files, scanned.EventsRead, scanned.Stored, 0, [], 0, UnresolvedOf(normaliser));
            }
        }

        long done = 0;
        long read = 0;

        IEnumerable<UsageEvent> Events()
        {
            foreach (var file in files)
            {
                var reader = UsageReaders.For(format ?? UsageReaders.Detect(file), map);
                var before = done;
                using var stream = UsageFiles.Open(file, bytes => done = before + bytes);
                var shown = Path.GetFileName(file);
                foreach (var e in reader.Read(stream, shown, log))
                {
                    read++;
                    yield return normaliser.Normalise(e);
                }

                done = before + new FileInfo(file).Length;
            }
        }

        var counts = engine.Ingest(Events(), progress is null ? null : new Progress(events => progress.Report(new IngestProgress(done, total, events))), cancellation);
        return new IngestSummary(files, read, counts, log.Skipped, log.FirstSkipped, log.PassedOver, UnresolvedOf(normaliser));
    }

    private static List<Analyses.UnresolvedModel> UnresolvedOf(UsageNormaliser normaliser) =>
        normaliser.Unresolved.OrderByDescending(u => u.Value.Events).ThenBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => new Analyses.UnresolvedModel(u.Key, u.Value.Events, u.Value.Requests)).ToList();

    // Reported on the ingesting thread: the engine calls it synchronously, so done and the count agree.
    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
