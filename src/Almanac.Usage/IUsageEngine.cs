using Almanac.Usage.Analyses;

namespace Almanac.Usage;

/// <summary>How an ingest went: events added, events already stored (by event id) and so left alone.</summary>
public sealed record IngestCounts(long Added, long AlreadyStored);

/// <summary>
/// A usage store: the normalised events table and the analyses over it. Each engine (embedded DuckDB,
/// a ClickHouse cluster) keeps its SQL in its own files and gives the same rows for the same events.
/// </summary>
public interface IUsageEngine : IDisposable
{
    /// <summary>
    /// Stores the events in one transaction: all or none (a fault, a cancellation or a strict reader's
    /// error leaves the store as it was). An event whose id is stored, or met earlier in the same ingest,
    /// adds nothing. <paramref name="progress"/> hears the count of events read so far.
    /// </summary>
    IngestCounts Ingest(IEnumerable<UsageEvent> events, IProgress<long>? progress = null, CancellationToken cancellation = default);

    IReadOnlyList<ShareRow> Share(ShareQuery query);

    IReadOnlyList<LatencyRow> Latency(LatencyQuery query);

    IReadOnlyList<CostRow> Cost(CostQuery query);

    /// <summary>Adoption of each release in the query's window: days to first use and share of its developer's traffic after 7, 30 and 90 days.</summary>
    IReadOnlyList<AdoptionRow> Adoption(AdoptionQuery query);

    /// <summary>Who stayed on their main model, moved within its developer or switched developer, period to period.</summary>
    SwitchingReport Switching(SwitchingQuery query);

    /// <summary>Every stored model string that resolved to no model, most events first.</summary>
    IReadOnlyList<UnresolvedModel> Unresolved();

    UsageSummary Summary();

    /// <summary>Events, calls and the days they span within a window (what a published figure cites).</summary>
    UsageSummary Summary(DayWindow window);

    /// <summary>Writes every stored event, oldest first, as a Parquet file.</summary>
    void ExportParquet(string path);
}
