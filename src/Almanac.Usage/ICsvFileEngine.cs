using Almanac.Usage.Normalisation;
using Almanac.Usage.Readers;

namespace Almanac.Usage;

/// <summary>What an engine's own read of a CSV file stored: events read, and added or already stored.</summary>
public sealed record CsvFileIngest(long EventsRead, IngestCounts Stored);

/// <summary>
/// An engine that reads a mapped CSV file with its own CSV scanner and normalises it in its own SQL,
/// asking the <see cref="UsageNormaliser"/> once per distinct model string and per model and day,
/// which for large files is many times faster than passing each event through the pipeline.
/// </summary>
public interface ICsvFileEngine
{
    /// <summary>
    /// Ingests the file in one transaction, as <see cref="IUsageEngine.Ingest"/> would ingest the reader's
    /// events, and counts its unresolved model strings on the normaliser. Returns null, having written and
    /// counted nothing, when some line is not one the reader would take whole (a bad cell, a missing id):
    /// then the pipeline reads the file itself, so bad lines are reported by file and line as always.
    /// </summary>
    CsvFileIngest? TryIngestCsv(CsvFilePlan plan, UsageNormaliser normaliser, CancellationToken cancellation = default);
}
