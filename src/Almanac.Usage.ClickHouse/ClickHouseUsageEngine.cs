using Almanac.Usage.Analyses;

namespace Almanac.Usage.ClickHouse;

/// <summary>
/// Writes events to a Parquet file. ClickHouse 18.16 has no Parquet output, so the engine reads the
/// events through the adapter and hands them to a writer the caller supplies (the embedded engine's).
/// </summary>
public delegate void ParquetWriter(IEnumerable<UsageEvent> events, string path);

/// <summary>
/// The usage engine on a ClickHouse cluster: the events of <see cref="ClickHouseUsageEvents"/> and
/// the analyses of <see cref="IUsageEngine"/> as SQL files (<c>Sql/*.sql</c>), giving the rows the
/// embedded engine gives for the same events.
/// </summary>
public sealed class ClickHouseUsageEngine : IUsageEngine
{
    private readonly ParquetWriter? _parquet;

    /// <param name="parquet">Writes the export file; without one <see cref="ExportParquet"/> says it cannot.</param>
    public ClickHouseUsageEngine(ClickHouseUsageEvents events, ParquetWriter? parquet = null)
    {
        Events = events;
        _parquet = parquet;
    }

    /// <summary>The events store the analyses read.</summary>
    public ClickHouseUsageEvents Events { get; }

    /// <summary>Opens the store at <paramref name="url"/> (<c>http://HOST:PORT/?database=NAME</c>), creating its schema where missing.</summary>
    public static ClickHouseUsageEngine Open(string url, ParquetWriter? parquet = null) =>
        new(ClickHouseUsageEvents.OpenAsync(url).GetAwaiter().GetResult(), parquet);

    public IngestCounts Ingest(IEnumerable<UsageEvent> events, IProgress<long>? progress = null, CancellationToken cancellation = default)
    {
        var result = Events.InsertAsync(events, progress: progress, cancellationToken: cancellation).GetAwaiter().GetResult();
        return new IngestCounts(result.Added, result.AlreadyStored);
    }

    public IReadOnlyList<ShareRow> Share(ShareQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = Window(query.Window);
        parameters["by"] = Code(query.By);
        parameters["basis"] = Code(query.Basis);
        parameters["period"] = Code(query.Period);
        return Rows("share", parameters, r => new ShareRow(r.GetString("period"), r.GetString("key"), r.GetDouble("value"), r.GetDouble("share")));
    }

    public IReadOnlyList<LatencyRow> Latency(LatencyQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Rows("latency", Window(query.Window), r => new LatencyRow(
            r.GetString("model"), r.GetString("provider"), r.GetInt64("requests"),
            r.GetNullableDouble("duration_p50"), r.GetNullableDouble("duration_p95"), r.GetNullableDouble("duration_p99"),
            r.GetNullableDouble("ttft_p50"), r.GetNullableDouble("ttft_p95"), r.GetNullableDouble("ttft_p99"),
            r.GetDouble("error_rate"), r.GetDouble("cache_share")));
    }

    public IReadOnlyList<CostRow> Cost(CostQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = Window(query.Window);
        parameters["by"] = Code(query.By);
        parameters["row_limit"] = (long)query.Limit;
        return Rows("cost", parameters, r => new CostRow(
            r.GetString("key"), r.GetInt64("requests"), r.GetDouble("logged"), r.GetDouble("listed"), r.GetDouble("difference"),
            r.GetInt64("events_logged"), r.GetInt64("events_listed")));
    }

    public IReadOnlyList<AdoptionRow> Adoption(AdoptionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var releases = query.ReleasesInWindow();
        if (releases.Count == 0)
            return [];
        var parameters = new Dictionary<string, object?>
        {
            ["basis"] = Code(query.Basis),
            ["releases"] = releases.Select(r => (r.ModelId, r.DeveloperId, (long)(r.Released.DayNumber - Epoch))).ToList(),
        };
        return Collect(Events.QueryAsync("adoption", parameters), r =>
        {
            var released = DateOnly.FromDayNumber(Epoch + (int)r.GetInt64("release_day"));
            DateOnly? first = r["first_day"] is null ? null : DateOnly.FromDayNumber(Epoch + (int)r.GetInt64("first_day"));
            return new AdoptionRow(r.GetString("model_id"), r.GetString("developer_id"), released, first,
                first is { } f ? f.DayNumber - released.DayNumber : null,
                r.GetNullableDouble("share_7"), r.GetNullableDouble("share_30"), r.GetNullableDouble("share_90"));
        }).GetAwaiter().GetResult();
    }

    public SwitchingReport Switching(SwitchingQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = Window(query.Window);
        parameters["by"] = Code(query.By);
        parameters["period"] = Code(query.Period);
        return SwitchingReport.Of(Rows("switching", parameters, r => new SwitchingCell(
            r.GetString("from_period"), r.GetString("to_period"), r.GetString("from_developer"), r.GetString("to_developer"),
            r.GetInt64("stayed"), r.GetInt64("moved"), r.GetInt64("switched"))));
    }

    public IReadOnlyList<UnresolvedModel> Unresolved() =>
        Rows("unresolved", [], r => new UnresolvedModel(r.GetString("model_raw"), r.GetInt64("events"), r.GetInt64("requests")));

    public UsageSummary Summary() => Rows("summary", [], ReadSummary)[0];

    public UsageSummary Summary(DayWindow window) => Rows("summary-window", Window(window), ReadSummary)[0];

    private static UsageSummary ReadSummary(ClickHouseRow r) => new(
        r.GetInt64("events"), r.GetInt64("requests"),
        r["first_ms"] is null ? null : DayOf(r.GetInt64("first_ms")),
        r["last_ms"] is null ? null : DayOf(r.GetInt64("last_ms")));

    public void ExportParquet(string path)
    {
        if (_parquet is null)
            throw new NotSupportedException("ClickHouse 18.16 writes no Parquet and this engine was opened without a Parquet writer");
        _parquet(StoredEvents(), path);
    }

    /// <summary>Every stored event, streamed from the cluster as it arrives (in no particular order).</summary>
    public IEnumerable<UsageEvent> StoredEvents()
    {
        var rows = Events.QueryAsync("export", new Dictionary<string, object?>());
        var enumerator = rows.GetAsyncEnumerator();
        try
        {
            while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                yield return Event(enumerator.Current);
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public void Dispose() => Events.Dispose();

    internal static UsageEvent Event(ClickHouseRow row) => new(
        row.GetString("event_id"), row.GetInt64("start_ms"), row.GetNullableDouble("duration_ms"), row.GetNullableDouble("ttft_ms"),
        row.GetString("source"), row.GetString("model_raw"), row.GetString("model_id"), row.GetString("developer_id"),
        row.GetString("provider"), row.GetInt64("input_tokens"), row.GetInt64("output_tokens"), row.GetInt64("cache_read_tokens"),
        row.GetInt64("reasoning_tokens"), row.GetInt64("requests"), row.GetInt64("errors"), row.GetNullableDouble("cost_logged"),
        row.GetNullableDouble("cost_listed"), row.GetString("user_id"), row.GetString("team"), row.GetString("app"), row.GetString("tags"));

    /// <summary>
    /// The code an SQL file compares a parameter with: the enum member's name in lower case, as the
    /// command line spells it. An undefined value is refused before anything is sent.
    /// </summary>
    internal static string Code<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? value.ToString().ToLowerInvariant()
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"no {typeof(TEnum).Name} {value}");

    /// <summary>The window's first and last day (both included), open ends as the days a ClickHouse Date holds.</summary>
    private static Dictionary<string, object?> Window(DayWindow window) => new()
    {
        ["from"] = window.From is { } from && from > ClickHouseSql.FirstDate ? from : ClickHouseSql.FirstDate,
        ["to"] = window.To is { } to && to < ClickHouseSql.LastDate ? to : ClickHouseSql.LastDate,
    };

    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    private static DateOnly DayOf(long ms) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime);

    private List<T> Rows<T>(string file, Dictionary<string, object?> parameters, Func<ClickHouseRow, T> read) =>
        Collect(Events.QueryAsync(file, parameters), read).GetAwaiter().GetResult();

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<ClickHouseRow> rows, Func<ClickHouseRow, T> read)
    {
        var list = new List<T>();
        await foreach (var row in rows.ConfigureAwait(false))
            list.Add(read(row));
        return list;
    }
}
