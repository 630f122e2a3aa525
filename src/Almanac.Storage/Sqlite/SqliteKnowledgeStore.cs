using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Text;
using Almanac.Storage.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Almanac.Storage.Sqlite;

/// <summary>The embedded default: one SQLite file, created with its schema on first use.</summary>
public sealed class SqliteKnowledgeStore : SqlKnowledgeStore
{
    private readonly SqliteConnection _sqlite;

    private SqliteKnowledgeStore(SqliteConnection connection, string path)
        : base(connection, $"SQLite file {path}")
    {
        _sqlite = connection;
    }

    public static SqliteKnowledgeStore Open(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 };
        var store = new SqliteKnowledgeStore(new SqliteConnection(builder.ToString()), path);
        try
        {
            store.Initialise();
            store.EnforceForeignKeys();
            store.KeepImportInCache();
        }
        catch (SqliteException e)
        {
            store.Dispose();
            throw new StoreException($"cannot open SQLite store '{path}': {e.Message}", e);
        }

        return store;
    }

    // SQLite checks references only when asked, per connection.
    private void EnforceForeignKeys()
    {
        using var pragma = Command("PRAGMA foreign_keys = ON");
        pragma.ExecuteNonQuery();
    }

    /// <summary>
    /// Lets the page cache hold what one import touches. SQLite's default cache is 2 MB; an import writes tens of
    /// thousands of facts whose secondary index entries land all over the file, so with the default cache the
    /// transaction spilled dirty pages to the file midway (each spill syncing the journal first) and read evicted
    /// pages back again: seven times the page reads and more syncs for the same durable transaction. The cache
    /// is memory taken as pages are used, up to this bound, per connection.
    /// </summary>
    private void KeepImportInCache()
    {
        using var pragma = Command($"PRAGMA cache_size = -{CacheKibibytes}");
        pragma.ExecuteNonQuery();
    }

    /// <summary>The page cache's bound, in KiB (SQLite's unit for a negative <c>cache_size</c>): 64 MiB.</summary>
    private const int CacheKibibytes = 64 * 1024;

    /// <summary>
    /// Inserts rows through one native statement, prepared once, with each value bound by its position. An
    /// embedded engine has no round trip to save, so one row per statement is fastest; and Microsoft.Data.Sqlite
    /// binds every value by looking its name up in the statement (after converting the name to UTF-8) on every
    /// execution, which on a bulk insert cost as much as SQLite's own work. The statement runs on the
    /// connection's open transaction like any command.
    /// </summary>
    protected override int InsertRows(string table, IReadOnlyList<string> columns, string conflict, IEnumerable<object?[]> rows, DbTransaction transaction, Action<int>? written = null)
    {
        var db = _sqlite.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var positions = string.Join(", ", Enumerable.Range(1, columns.Count).Select(i => $"?{i}"));
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({positions}) {conflict}";
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        var text = ArrayPool<byte>.Shared.Rent(1024);
        var changed = 0;
        var done = 0;

        // SQLite keeps a statement's bindings across a reset, and successive rows mostly repeat a value per column
        // (a batch, a source, a dataset, an entity's run of facts): a value equal to the previous row's is not bound again.
        var bound = new object?[columns.Count];
        var first = true;
        try
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    if (first || !Equals(bound[i], row[i]))
                    {
                        Check(Bind(statement, i + 1, row[i], ref text), db);
                        bound[i] = row[i];
                    }
                }

                first = false;

                var stepped = raw.sqlite3_step(statement);
                if (stepped != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(stepped, db);
                }

                changed += raw.sqlite3_changes(db);
                Check(raw.sqlite3_reset(statement), db);
                written?.Invoke(++done);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
            statement.Dispose();
        }

        return changed;
    }

    /// <summary>
    /// SQLite builds an index by sorting every row of the table, so a rebuild pays for the rows stored as well as
    /// those inserted: the indexes are rebuilt when the rows inserted are at least as many as those stored. The
    /// definitions are read from the schema itself, so a rebuilt index is the one the migrations made.
    /// </summary>
    protected override IReadOnlyList<(string Name, string Create)> IndexesToRebuild(string table, int rows, DbTransaction transaction)
    {
        using (var count = Command($"SELECT COUNT(*) FROM {table}", transaction))
        {
            if (Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > rows)
            {
                return [];
            }
        }

        // An index SQLite made for a constraint (the primary key) has no statement and cannot be dropped.
        using var read = Command("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name", transaction);
        Add(read, "@table", table);
        using var reader = read.ExecuteReader();
        var indexes = new List<(string, string)>();
        while (reader.Read())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    /// <summary>Binds one value as Microsoft.Data.Sqlite would: text as UTF-8 (encoded into a reused buffer, which SQLite copies), whole numbers as integers.</summary>
    private static int Bind(sqlite3_stmt statement, int position, object? value, ref byte[] buffer)
    {
        switch (value)
        {
            case null or DBNull:
                return raw.sqlite3_bind_null(statement, position);
            case "":
                // An empty span would be bound from a null pointer, which SQLite takes for NULL.
                return raw.sqlite3_bind_text(statement, position, string.Empty);
            case string s:
                var length = Encoding.UTF8.GetMaxByteCount(s.Length);
                if (length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }

                var written = Encoding.UTF8.GetBytes(s, buffer);
                return raw.sqlite3_bind_text(statement, position, buffer.AsSpan(0, written));
            case long l:
                return raw.sqlite3_bind_int64(statement, position, l);
            case int i:
                return raw.sqlite3_bind_int64(statement, position, i);
            default:
                throw new ArgumentException($"no SQLite binding for a {value.GetType().Name}", nameof(value));
        }
    }

    private static void Check(int result, sqlite3 db)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, db);
        }
    }

    // BEGIN IMMEDIATE takes the write lock at once, so two loaders serialise instead of failing mid-way.
    protected override DbTransaction BeginWrite(DbConnection connection) =>
        ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
}
