using System.Text.RegularExpressions;

namespace Almanac.Usage.ClickHouse;

/// <summary>A shard of the cluster: its number and the adapter to its node.</summary>
public sealed record ClickHouseShard(int Number, ClickHouseHttp Node);

/// <summary>What an insert did: events read, added, and skipped because their id was already stored (or repeated in the input).</summary>
public sealed record ClickHouseInsertResult(long Read, long Added, long AlreadyStored);

/// <summary>
/// The usage events store on a ClickHouse cluster: a local MergeTree table on each shard behind a
/// Distributed table (<c>Sql/schema.sql</c>), idempotent inserts of <see cref="UsageEvent"/>s,
/// and the analyses as named SQL files (<c>Sql/*.sql</c>).
/// </summary>
public sealed partial class ClickHouseUsageEvents : IDisposable
{
    /// <summary>The cluster (in each node's <c>remote_servers</c>) whose shards hold the events.</summary>
    public const string Cluster = "almanac";

    /// <summary>The version of <c>Sql/schema.sql</c> this code reads and writes.</summary>
    public const int SchemaVersion = 2;

    /// <summary>Events sent per request: each batch's ids are looked up, then its new events streamed in.</summary>
    public const int DefaultBatchSize = 100_000;

    // Inserts through the Distributed table wait until every shard has its rows, so the next
    // batch's look-up of stored ids sees them and a finished insert is a stored one.
    internal static readonly Dictionary<string, string> DistributedInsert = new() { ["insert_distributed_sync"] = "1" };

    // The columns in the order rows are written; names as in Sql/schema.sql.
    internal static readonly string[] Columns =
    [
        "event_id", "day", "start_ms", "duration_ms", "ttft_ms", "source", "model_raw", "model_id",
        "developer_id", "provider", "input_tokens", "output_tokens", "cache_read_tokens",
        "reasoning_tokens", "requests", "errors", "cost_logged", "cost_listed", "user_id", "team",
        "app", "tags",
    ];

    private readonly ClickHouseHttp _http;

    private ClickHouseUsageEvents(ClickHouseHttp http, IReadOnlyList<ClickHouseShard> shards)
    {
        _http = http;
        Shards = shards;
    }

    /// <summary>The node queries go to.</summary>
    public ClickHouseHttp Http => _http;

    /// <summary>Every shard of the cluster, each reached directly.</summary>
    public IReadOnlyList<ClickHouseShard> Shards { get; }

    /// <summary>
    /// Opens the store at <paramref name="url"/> (<c>http://HOST:PORT/?database=NAME</c>, any node
    /// of the cluster): finds the shards, creates the database and the schema on each node where
    /// missing, and refuses a schema newer than this code.
    /// </summary>
    public static async Task<ClickHouseUsageEvents> OpenAsync(string url, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var http = new ClickHouseHttp(url, timeout);
        try
        {
            if (!DatabaseName().IsMatch(http.Database))
                throw new ArgumentException($"a usage store database is named with letters, digits and _, not {http.Database}", nameof(url));
            var shards = await FindShardsAsync(http, cancellationToken).ConfigureAwait(false);
            foreach (var shard in shards)
                await EnsureSchemaAsync(shard, cancellationToken).ConfigureAwait(false);
            return new ClickHouseUsageEvents(http, shards);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stores <paramref name="events"/>, <paramref name="batchSize"/> at a time, all or none. An event
    /// whose id is already stored, or repeated in the input, adds nothing. Every row carries this
    /// ingest's id and the analyses see it only once the ingest's one row is in the committed
    /// ingests, written after the last batch: a failure, a cancellation or a killed process before
    /// that leaves the visible events as they were (the rows written stay, invisible).
    /// </summary>
    public async Task<ClickHouseInsertResult> InsertAsync(
        IEnumerable<UsageEvent> events,
        int batchSize = DefaultBatchSize,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        long read = 0, added = 0;
        var ingest = Guid.NewGuid().ToString("N");
        var batch = new List<(UsageEvent Event, DateOnly Day)>(Math.Min(batchSize, DefaultBatchSize));
        foreach (var usage in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Add((usage, DayOf(usage)));
            read++;
            if (batch.Count == batchSize)
                added += await InsertBatchAsync(ingest, batch, read, progress, cancellationToken).ConfigureAwait(false);
        }
        if (batch.Count > 0)
            added += await InsertBatchAsync(ingest, batch, read, progress, cancellationToken).ConfigureAwait(false);
        if (added > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The commit point: one row, so it lands whole or not at all.
            await _http.InsertAsync("commit ingest", "usage_ingests", ["ingest_id", "committed_ms"], new[] { (Id: ingest, At: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) },
                static (c, row) => row.Add(c.Id).Add(c.At), DistributedInsert, cancellationToken).ConfigureAwait(false);
        }
        return new ClickHouseInsertResult(read, added, read - added);
    }

    /// <summary>Runs the named SQL file (<c>Sql/NAME.sql</c>) with its placeholders bound and streams its rows.</summary>
    public IAsyncEnumerable<ClickHouseRow> QueryAsync(string file, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default) =>
        _http.QueryAsync(file, ClickHouseSql.Bind(ClickHouseSql.File(file), parameters), cancellationToken: cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<long> InsertBatchAsync(string ingest, List<(UsageEvent Event, DateOnly Day)> batch, long readSoFar, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var firstDay = batch.Min(e => e.Day);
        var lastDay = batch.Max(e => e.Day);
        var distinct = new Dictionary<string, (UsageEvent Event, DateOnly Day)>(batch.Count, StringComparer.Ordinal);
        foreach (var item in batch)
            distinct.TryAdd(item.Event.EventId, item);

        var lookup = new ClickHouseExternalTable("batch_ids", "event_id String", distinct.Keys.Select(id => (IReadOnlyList<string>)[id]));
        var sql = ClickHouseSql.Bind(ClickHouseSql.File("stored-ids"), new Dictionary<string, object?> { ["first_day"] = firstDay, ["last_day"] = lastDay, ["ingest"] = ingest });
        await foreach (var row in _http.QueryAsync("stored-ids", sql, [lookup], cancellationToken).ConfigureAwait(false))
            distinct.Remove(row.GetString("event_id"));

        // Keep the input's order among the new events (the server sorts each part anyway).
        var fresh = batch.Where(item => distinct.Remove(item.Event.EventId)).ToList();
        batch.Clear();
        if (fresh.Count > 0)
            await _http.InsertAsync("insert usage_events", "usage_events", [.. Columns, "ingest_id"], fresh,
                (item, row) => { WriteRow(item, row); row.Add(ingest); }, DistributedInsert, cancellationToken).ConfigureAwait(false);
        progress?.Report(readSoFar);
        return fresh.Count;
    }

    internal static void WriteRow((UsageEvent Event, DateOnly Day) item, ClickHouseTsvRow row)
    {
        var e = item.Event;
        row.Add(e.EventId).Add(item.Day).Add(e.StartMs).Add(e.DurationMs).Add(e.TimeToFirstTokenMs)
            .Add(e.Source).Add(e.ModelRaw).Add(e.ModelId).Add(e.DeveloperId).Add(e.Provider)
            .Add(e.InputTokens).Add(e.OutputTokens).Add(e.CacheReadTokens).Add(e.ReasoningTokens)
            .Add(e.Requests).Add(e.Errors).Add(e.CostLogged).Add(e.CostListed)
            .Add(e.User).Add(e.Team).Add(e.App).Add(e.Tags);
    }

    /// <summary>The event's UTC day; outside the days a ClickHouse Date holds it cannot be stored.</summary>
    internal static DateOnly DayOf(UsageEvent usage)
    {
        var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(
            Math.Clamp(usage.StartMs, DateTimeOffset.MinValue.ToUnixTimeMilliseconds(), DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())).UtcDateTime);
        if (day < ClickHouseSql.FirstDate || day > ClickHouseSql.LastDate)
            throw new ArgumentException($"event {usage.EventId} starts on {day:yyyy-MM-dd}; ClickHouse stores days from {ClickHouseSql.FirstDate:yyyy-MM-dd} to {ClickHouseSql.LastDate:yyyy-MM-dd}", nameof(usage));
        return day;
    }

    private static async Task<IReadOnlyList<ClickHouseShard>> FindShardsAsync(ClickHouseHttp http, CancellationToken cancellationToken)
    {
        var shards = new List<ClickHouseShard>();
        var sql = ClickHouseSql.Bind(ClickHouseSql.File("shards"), new Dictionary<string, object?> { ["cluster"] = Cluster });
        var described = new List<(int Number, string Host, long Port)>();
        await foreach (var row in http.WithoutDatabase().QueryAsync("shards", sql, cancellationToken: cancellationToken).ConfigureAwait(false))
            described.Add(((int)row.GetInt64("shard_num"), row.GetString("host_address"), row.GetInt64("port")));
        if (described.Count == 0)
            throw new ClickHouseException("shards", $"ClickHouse at {http.Address} has no cluster {Cluster} in its remote_servers (scripts/clickhouse.sh starts one)");
        // One replica per shard is read: the first one listed.
        foreach (var shard in described.GroupBy(d => d.Number).Select(g => g.First()))
        {
            var portSql = ClickHouseSql.Bind(ClickHouseSql.File("shard-http-port"), new Dictionary<string, object?> { ["address"] = $"{shard.Host}:{shard.Port}" });
            string? httpPort = null;
            await foreach (var row in http.WithoutDatabase().QueryAsync("shard-http-port", portSql, cancellationToken: cancellationToken).ConfigureAwait(false))
                httpPort = row.GetString("http_port");
            if (!int.TryParse(httpPort, System.Globalization.CultureInfo.InvariantCulture, out var port))
                throw new ClickHouseException("shard-http-port", $"shard {shard.Number} of cluster {Cluster} ({shard.Host}:{shard.Port}) names no http_port in its macros");
            shards.Add(new ClickHouseShard(shard.Number, http.OnNode(shard.Host, port)));
        }
        return shards;
    }

    private static async Task EnsureSchemaAsync(ClickHouseShard shard, CancellationToken cancellationToken)
    {
        var node = shard.Node;
        // The name is checked against DatabaseName(), so it needs no quoting.
        await node.WithoutDatabase().ExecuteAsync("create database", $"CREATE DATABASE IF NOT EXISTS {node.Database}", cancellationToken).ConfigureAwait(false);
        var stored = await StoredVersionAsync(node, cancellationToken).ConfigureAwait(false);
        if (stored > SchemaVersion)
            throw new ClickHouseException("schema", $"the usage store at {node.Address} (shard {shard.Number}) has schema version {stored}, newer than this Almanac's {SchemaVersion}");
        if (stored == SchemaVersion)
            return;
        if (stored == 1)
        {
            foreach (var statement in ClickHouseSql.Statements(ClickHouseSql.File("migrate-2")))
                await node.ExecuteAsync("schema", statement, cancellationToken).ConfigureAwait(false);
        }
        foreach (var statement in ClickHouseSql.Statements(ClickHouseSql.File("schema")))
            await node.ExecuteAsync("schema", statement, cancellationToken).ConfigureAwait(false);
        if (stored == 1)
        {
            // Rows stored before ingests had ids were each committed batch by batch: they stay visible.
            await node.InsertAsync("legacy ingest", "usage_ingests_local", ["ingest_id", "committed_ms"], new[] { (Id: "", At: 0L) },
                static (c, row) => row.Add(c.Id).Add(c.At), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await node.InsertAsync("schema version", "usage_schema", ["version", "applied_ms"], new[] { (SchemaVersion, now) },
            static (v, row) => row.Add(v.SchemaVersion).Add(v.now), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> StoredVersionAsync(ClickHouseHttp node, CancellationToken cancellationToken)
    {
        const int UnknownTable = 60;
        try
        {
            long version = 0;
            await foreach (var row in node.QueryAsync("schema version", "SELECT toInt64(max(version)) AS version FROM usage_schema", cancellationToken: cancellationToken).ConfigureAwait(false))
                version = row.GetInt64("version");
            return version;
        }
        catch (ClickHouseException e) when (e.ServerCode == UnknownTable)
        {
            return 0;
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex DatabaseName();
}
