using System.Data;
using System.Globalization;
using Almanac.Usage.Analyses;
using DuckDB.NET.Data;

namespace Almanac.Usage.DuckDb;

/// <summary>A usage store that cannot be opened or written: a newer layout, a locked or damaged file.</summary>
public sealed class UsageStoreException : Exception
{
    public UsageStoreException(string message) : base(message)
    {
    }

    public UsageStoreException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public UsageStoreException()
    {
    }
}

/// <summary>
/// The embedded usage store: one DuckDB file (created on first use) holding the events table. An
/// ingest appends through DuckDB's appender into a staging table and keeps the new events, all in one
/// transaction, so a killed process leaves the file as the last committed ingest left it.
/// </summary>
public sealed class DuckDbUsageStore : IUsageEngine
{
    /// <summary>The layout this build reads and writes (<c>usage_meta.schema_version</c>).</summary>
    public const int SchemaVersion = 1;

    /// <summary>Events read between two progress reports.</summary>
    private const int ProgressEvery = 10_000;

    private readonly DuckDBConnection _connection;

    private DuckDbUsageStore(DuckDBConnection connection) => _connection = connection;

    public static DuckDbUsageStore Open(string path)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new DuckDBConnection("Data Source=" + full);
        try
        {
            connection.Open();
            var store = new DuckDbUsageStore(connection);
            store.Execute(SqlFiles.Text("schema.sql"));
            var version = int.Parse(store.Scalar("SELECT value FROM usage_meta WHERE key = 'schema_version'")?.ToString() ?? "0", CultureInfo.InvariantCulture);
            if (version > SchemaVersion)
            {
                throw new UsageStoreException($"{path} is a usage store of layout {version}, made by a newer Almanac; this one reads layout {SchemaVersion}");
            }

            return store;
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new UsageStoreException($"{path} cannot be opened as a usage store: {e.Message.Split('\n')[0]}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public IngestCounts Ingest(IEnumerable<UsageEvent> events, IProgress<long>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var transaction = _connection.BeginTransaction();
        Execute(SqlFiles.Text("staging.sql"));
        long read = 0;
        using (var appender = _connection.CreateAppender("staging"))
        {
            foreach (var e in events)
            {
                cancellation.ThrowIfCancellationRequested();
                var row = appender.CreateRow()
                    .AppendValue(e.EventId).AppendValue(e.StartMs).AppendValue(e.DurationMs).AppendValue(e.TimeToFirstTokenMs)
                    .AppendValue(e.Source).AppendValue(e.ModelRaw).AppendValue(e.ModelId).AppendValue(e.DeveloperId).AppendValue(e.Provider)
                    .AppendValue(e.InputTokens).AppendValue(e.OutputTokens).AppendValue(e.CacheReadTokens).AppendValue(e.ReasoningTokens)
                    .AppendValue(e.Requests).AppendValue(e.Errors).AppendValue(e.CostLogged).AppendValue(e.CostListed)
                    .AppendValue(e.User).AppendValue(e.Team).AppendValue(e.App).AppendValue(e.Tags);
                row.EndRow();
                if (++read % ProgressEvery == 0)
                {
                    progress?.Report(read);
                }
            }
        }

        progress?.Report(read);
        cancellation.ThrowIfCancellationRequested();
        var distinct = Convert.ToInt64(Scalar("SELECT count(DISTINCT event_id) FROM staging"), CultureInfo.InvariantCulture);
        long added;
        using (var insert = Command(SqlFiles.Text("ingest.sql")))
        {
            added = insert.ExecuteNonQuery();
        }

        Execute("DROP TABLE staging");
        transaction.Commit();
        return new IngestCounts(added, distinct - added);
    }

    public IReadOnlyList<ShareRow> Share(ShareQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (part, format) = PeriodParts(query.Period);
        var sql = SqlFiles.Text("share.sql")
            .Replace("{period_format}", format, StringComparison.Ordinal)
            .Replace("{period}", part, StringComparison.Ordinal)
            .Replace("{key}", Expressions.Key(query.By), StringComparison.Ordinal)
            .Replace("{value}", Expressions.Value(query.Basis), StringComparison.Ordinal);
        return Rows(sql, query.Window, null, r => new ShareRow(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetDouble(3)));
    }

    public IReadOnlyList<LatencyRow> Latency(LatencyQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Rows(SqlFiles.Text("latency.sql"), query.Window, null, r => new LatencyRow(
            r.GetString(0), r.GetString(1), r.GetInt64(2),
            NullableDouble(r, 3), NullableDouble(r, 4), NullableDouble(r, 5),
            NullableDouble(r, 6), NullableDouble(r, 7), NullableDouble(r, 8),
            r.GetDouble(9), r.GetDouble(10)));
    }

    public IReadOnlyList<CostRow> Cost(CostQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = SqlFiles.Text("cost.sql")
            .Replace("{key}", Expressions.Key(query.By), StringComparison.Ordinal)
            .Replace("{rows}", Expressions.Rows(query.By), StringComparison.Ordinal);
        return Rows(sql, query.Window, query.Limit, r => new CostRow(
            r.GetString(0), r.GetInt64(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetInt64(5), r.GetInt64(6)));
    }

    public IReadOnlyList<AdoptionRow> Adoption(AdoptionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var releases = query.Releases
            .Where(r => (query.Window.From is not { } from || r.Released >= from) && (query.Window.To is not { } to || r.Released <= to))
            .DistinctBy(r => r.ModelId, StringComparer.Ordinal)
            .ToList();
        if (releases.Count == 0)
        {
            return [];
        }

        Execute(SqlFiles.Text("adoption_releases.sql"));
        try
        {
            using (var insert = Command("INSERT INTO adoption_releases VALUES ($model_id, $developer_id, $release_day)"))
            {
                var (model, developer, day) = (new DuckDBParameter("model_id", string.Empty), new DuckDBParameter("developer_id", string.Empty), new DuckDBParameter("release_day", 0L));
                insert.Parameters.Add(model);
                insert.Parameters.Add(developer);
                insert.Parameters.Add(day);
                foreach (var release in releases)
                {
                    (model.Value, developer.Value, day.Value) = (release.ModelId, release.DeveloperId, (long)EpochDays(release.Released));
                    insert.ExecuteNonQuery();
                }
            }

            var sql = SqlFiles.Text("adoption.sql").Replace("{value}", Expressions.Value(query.Basis), StringComparison.Ordinal);
            return Rows(sql, null, null, r =>
            {
                var released = DayFromEpoch(r.GetInt64(2));
                DateOnly? first = r.IsDBNull(3) ? null : DayFromEpoch(r.GetInt64(3));
                return new AdoptionRow(r.GetString(0), r.GetString(1), released, first, first is { } f ? f.DayNumber - released.DayNumber : null,
                    NullableDouble(r, 4), NullableDouble(r, 5), NullableDouble(r, 6));
            });
        }
        finally
        {
            Execute("DROP TABLE IF EXISTS adoption_releases");
        }
    }

    public SwitchingReport Switching(SwitchingQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (part, format) = PeriodParts(query.Period);
        var sql = SqlFiles.Text("switching.sql")
            .Replace("{period_format}", format, StringComparison.Ordinal)
            .Replace("{period}", part, StringComparison.Ordinal)
            .Replace("{subject}", Expressions.Subject(query.By), StringComparison.Ordinal);
        return SwitchingReport.Of(Rows(sql, query.Window, null, r => new SwitchingCell(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6))));
    }

    public IReadOnlyList<UnresolvedModel> Unresolved() =>
        Rows(SqlFiles.Text("unresolved.sql"), null, null, r => new UnresolvedModel(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));

    public UsageSummary Summary() =>
        Rows(SqlFiles.Text("summary.sql"), null, null, r => new UsageSummary(
            r.GetInt64(0), r.GetInt64(1),
            r.IsDBNull(2) ? null : DayOf(r.GetInt64(2)),
            r.IsDBNull(3) ? null : DayOf(r.GetInt64(3))))[0];

    public UsageSummary Summary(DayWindow window) =>
        Rows(SqlFiles.Text("summary_window.sql"), window, null, r => new UsageSummary(
            r.GetInt64(0), r.GetInt64(1),
            r.IsDBNull(2) ? null : DayOf(r.GetInt64(2)),
            r.IsDBNull(3) ? null : DayOf(r.GetInt64(3))))[0];

    public void ExportParquet(string path)
    {
        var literal = "'" + Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal) + "'";
        Execute(SqlFiles.Text("export.sql").Replace("{path}", literal, StringComparison.Ordinal));
    }

    public void Dispose() => _connection.Dispose();

    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    private static int EpochDays(DateOnly day) => day.DayNumber - Epoch;

    private static DateOnly DayFromEpoch(long days) => DateOnly.FromDayNumber(Epoch + (int)days);

    /// <summary>The date_trunc part of a period and how its first day is written.</summary>
    private static (string Part, string Format) PeriodParts(UsagePeriod period) => period switch
    {
        UsagePeriod.Day => ("day", "%Y-%m-%d"),
        UsagePeriod.Week => ("week", "%Y-%m-%d"),
        _ => ("month", "%Y-%m"),
    };

    private static DateOnly DayOf(long ms) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime);

    private static double? NullableDouble(IDataRecord record, int i) => record.IsDBNull(i) ? null : record.GetDouble(i);

    private List<T> Rows<T>(string sql, DayWindow? window, int? limit, Func<IDataRecord, T> read)
    {
        using var command = Command(sql);
        if (window is { } w)
        {
            command.Parameters.Add(new DuckDBParameter("from_ms", w.FromMs));
            command.Parameters.Add(new DuckDBParameter("to_ms", w.ToMsExclusive));
        }

        if (limit is { } l)
        {
            command.Parameters.Add(new DuckDBParameter("row_limit", (long)l));
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private DuckDBCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is this project's own files; placeholders take only fixed expressions and a quoted path.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }
}
