using System.Data;
using System.Globalization;
using Almanac.Usage.Analyses;
using Almanac.Usage.Normalisation;
using Almanac.Usage.Readers;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

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
/// transaction, so a killed process leaves the file as the last committed ingest left it. A mapped CSV
/// file is read by DuckDB's own CSV scanner and normalised in SQL (<see cref="TryIngestCsv"/>). Memory is
/// bounded by <c>Sql/settings.sql</c>: beyond it DuckDB spills to disk.
/// </summary>
public sealed class DuckDbUsageStore : IUsageEngine, ICsvFileEngine
{
    /// <summary>The layout this build reads and writes (<c>usage_meta.schema_version</c>).</summary>
    public const int SchemaVersion = 1;

    /// <summary>Events read between two progress reports.</summary>
    private const int ProgressEvery = 10_000;

    /// <summary>
    /// The settings every connection of the store runs under (<c>Sql/settings.sql</c>): a benchmark's
    /// hand-written peer runs under the same ones.
    /// </summary>
    public static string Settings => SqlFiles.Text("settings.sql");

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
            store.Execute(Settings);
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

    public CsvFileIngest? TryIngestCsv(CsvFilePlan plan, UsageNormaliser normaliser, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(normaliser);
        using var transaction = _connection.BeginTransaction();
        var typed = SqlFiles.Text("csv-typed.sql").Replace("{read}", ReadCsv(plan), StringComparison.Ordinal);
        foreach (var field in ColumnMap.Fields.Keys)
        {
            typed = typed.Replace("{cell:" + field + "}", Cell(plan.Columns[field]), StringComparison.Ordinal);
        }

        // The file is read twice and never copied: first the few columns the normalisation tables need
        // (and the ids, to learn whether any repeats), then once more by the insert itself.
        try
        {
            Execute(typed);
            var groups = Rows(SqlFiles.Text("csv-groups.sql"), null, null, r => new CsvGroup(
                r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.GetInt64(3), r.IsDBNull(4) ? 0 : r.GetInt64(4)));
            cancellation.ThrowIfCancellationRequested();
            var (rows, distinct) = CountIds();
            cancellation.ThrowIfCancellationRequested();
            var unresolved = LandModels(groups, normaliser);
            Table("csv_providers", "written VARCHAR, code VARCHAR", groups.Select(g => g.Provider).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal),
                (written, row) => row.AppendValue(written).AppendValue(ProviderNames.Code(written)));
            Table("csv_prices", "model_id VARCHAR, day BIGINT, input DOUBLE, output DOUBLE, cache_read DOUBLE", PricedDays(groups, normaliser),
                (priced, row) =>
                {
                    var (modelId, day) = priced;
                    var prices = normaliser.PricesOn(modelId, DateOnly.FromDayNumber(UnixEpochDay + (int)day));
                    row.AppendValue(modelId).AppendValue(day)
                        .AppendValue(PerToken(prices?.Input)).AppendValue(PerToken(prices?.Output)).AppendValue(PerToken(prices?.CacheRead));
                });
            cancellation.ThrowIfCancellationRequested();
            var firstOfEachId = distinct == rows ? string.Empty : "QUALIFY row_number() OVER (PARTITION BY id ORDER BY start_ms) = 1";
            long added;
            using (var insert = Command(SqlFiles.Text("csv-ingest.sql").Replace("{first_of_each_id}", firstOfEachId, StringComparison.Ordinal)))
            {
                added = insert.ExecuteNonQuery();
            }

            Execute("DROP VIEW csv_typed; DROP TABLE csv_landing; DROP TABLE csv_providers; DROP TABLE csv_prices");
            transaction.Commit();
            foreach (var (raw, events, requests) in unresolved)
            {
                normaliser.CountUnresolved(raw, events, requests);
            }

            return new CsvFileIngest(rows, new IngestCounts(added, distinct - added));
        }
        catch (DuckDBException e) when (e.ErrorType is DuckDBErrorType.InvalidInput or DuckDBErrorType.Conversion)
        {
            // A line DuckDB's scanner cannot split into the header's columns, or a row the reader would not
            // take whole (csv-ingest.sql raises usage_csv_bad_row): the reader reports it by line.
            transaction.Rollback();
            return null;
        }
    }

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The events of one model string, as written with one provider, on one day (null when the time is bad).</summary>
    private sealed record CsvGroup(string Model, string Provider, long? Day, long Events, long Requests);

    // Rows of the file and distinct ids. Distinct hashes of the ids are counted first, in a table of
    // 8-byte keys rather than strings; only when they fall short of the rows (a repeated id, or, about
    // once in ten thousand files of 100M rows, two ids of one hash) are the ids themselves counted.
    private (long Rows, long Distinct) CountIds()
    {
        var (rows, hashes) = Rows("SELECT count(*), count(DISTINCT hash(id)) FROM csv_typed", null, null, r => (r.GetInt64(0), r.GetInt64(1)))[0];
        return hashes == rows ? (rows, rows) : (rows, Convert.ToInt64(Scalar("SELECT count(DISTINCT id) FROM csv_typed"), CultureInfo.InvariantCulture));
    }

    private static double? PerToken(decimal? perMillion) => perMillion is { } price ? (double)(price / 1_000_000m) : null;

    // Where each distinct model string of the file lands, resolved once each by the normaliser; returns
    // the strings that landed on no model with their events and calls, to count once committed.
    private List<(string Raw, long Events, long Requests)> LandModels(List<CsvGroup> groups, UsageNormaliser normaliser)
    {
        var unresolved = new List<(string, long, long)>();
        var models = groups.GroupBy(g => g.Model, StringComparer.Ordinal).Select(m => (Raw: m.Key, Events: m.Sum(g => g.Events), Requests: m.Sum(g => g.Requests)));
        Table("csv_landing", "model_raw VARCHAR, model_id VARCHAR, developer_id VARCHAR, provider VARCHAR", models,
            (model, row) =>
            {
                var (modelId, developer, provider) = normaliser.LandingOf(model.Raw);
                if (modelId.Length == 0)
                {
                    unresolved.Add((model.Raw, model.Events, model.Requests));
                }

                row.AppendValue(model.Raw).AppendValue(modelId).AppendValue(developer).AppendValue(provider);
            });
        return unresolved;
    }

    // Each resolved model with each day it was called on, to look its prices up once per day.
    private static IEnumerable<(string ModelId, long Day)> PricedDays(List<CsvGroup> groups, UsageNormaliser normaliser) =>
        groups.Where(g => g.Day is not null)
            .Select(g => (ModelId: normaliser.LandingOf(g.Model).ModelId, Day: g.Day!.Value))
            .Where(d => d.ModelId.Length > 0)
            .Distinct();

    // Creates a small temporary table and fills it with a row per item, through the appender.
    private void Table<T>(string name, string columns, IEnumerable<T> items, Action<T, IDuckDBAppenderRow> fill)
    {
        Execute($"CREATE OR REPLACE TEMP TABLE {name} ({columns})");
        using var appender = _connection.CreateAppender(name);
        foreach (var item in items)
        {
            var row = appender.CreateRow();
            fill(item, row);
            row.EndRow();
        }
    }

    // Every column read as text, in the header's order, with no sniffing: the file's own header names them.
    private static string ReadCsv(CsvFilePlan plan)
    {
        var columns = string.Join(", ", plan.Header.Select(c => Literal(c) + ": 'VARCHAR'"));
        return $"read_csv({Literal(plan.File)}, header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = {{{columns}}})";
    }

    // The field's text: the first of its columns with a value once trimmed of white space, as MappedReader finds it.
    private static string Cell(IReadOnlyList<string> columns) => columns.Count == 0
        ? "''"
        : "coalesce(" + string.Join(", ", columns.Select(c => $"nullif(usage_trim({Identifier(c)}), '')")) + ", '')";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

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
        var releases = query.ReleasesInWindow();
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
