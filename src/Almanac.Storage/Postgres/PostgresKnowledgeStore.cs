using System.Data;
using System.Data.Common;
using Almanac.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Almanac.Storage.Postgres;

/// <summary>The server option: a PostgreSQL database shared by several users.</summary>
public sealed class PostgresKnowledgeStore : SqlKnowledgeStore
{
    private readonly NpgsqlConnection _npgsql;

    /// <summary>The type of each column a bulk copy wrote to, by table: binary rows must carry the column's own type.</summary>
    private readonly Dictionary<string, Dictionary<string, NpgsqlDbType>> _columnTypes = new(StringComparer.Ordinal);

    private PostgresKnowledgeStore(NpgsqlConnection connection, string description)
        : base(connection, description)
    {
        _npgsql = connection;
    }

    public static PostgresKnowledgeStore Open(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StoreException($"invalid PostgreSQL connection string: {e.Message}", e);
        }

        var description = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}" +
            (string.IsNullOrEmpty(builder.SearchPath) ? string.Empty : $" (schema {builder.SearchPath})");
        var store = new PostgresKnowledgeStore(new NpgsqlConnection(builder.ConnectionString), description);
        try
        {
            store.Initialise();
        }
        catch (NpgsqlException e)
        {
            store.Dispose();
            throw new StoreException($"cannot open {description}: {e.Message}", e);
        }

        return store;
    }

    /// <summary>
    /// Inserts rows that need no conflict clause (the facts) with one binary <c>COPY</c>: the server parses no
    /// statement and plans nothing per row, and the rows stream in one round trip instead of one per statement of
    /// a few hundred rows. The copy runs in the connection's open transaction like any command, so the import
    /// stays all or nothing. Rows that may meet a stored key take the multi-row <c>INSERT … ON CONFLICT</c>.
    /// </summary>
    protected override int InsertRows(string table, IReadOnlyList<string> columns, string conflict, IEnumerable<object?[]> rows, DbTransaction transaction, Action<int>? written = null)
    {
        if (conflict.Length > 0)
        {
            return base.InsertRows(table, columns, conflict, rows, transaction, written);
        }

        var stored = ColumnTypes(table, transaction);
        var types = columns.Select(c => stored.TryGetValue(c, out var type) ? type : throw new StoreException($"table {table} has no column {c}")).ToArray();
        var done = 0;
        using (var copy = _npgsql.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                copy.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    Write(copy, row[i], types[i]);
                }

                written?.Invoke(++done);
            }

            copy.Complete();
        }

        return done;
    }

    private static void Write(NpgsqlBinaryImporter copy, object? value, NpgsqlDbType type)
    {
        switch (value)
        {
            case null or DBNull:
                copy.WriteNull();
                break;
            case string text:
                copy.Write(text, type);
                break;
            case int or long when type == NpgsqlDbType.Integer:
                copy.Write(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), type);
                break;
            case int or long:
                copy.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), type);
                break;
            default:
                throw new ArgumentException($"no PostgreSQL copy for a {value.GetType().Name}", nameof(value));
        }
    }

    private Dictionary<string, NpgsqlDbType> ColumnTypes(string table, DbTransaction transaction)
    {
        if (_columnTypes.TryGetValue(table, out var known))
        {
            return known;
        }

        // The table the search path finds, as an unqualified name in a statement would.
        using var read = new NpgsqlCommand(
            "SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_attribute a WHERE a.attrelid = to_regclass(@table) AND a.attnum > 0 AND NOT a.attisdropped",
            _npgsql,
            (NpgsqlTransaction)transaction);
        read.Parameters.AddWithValue("@table", table);
        var types = new Dictionary<string, NpgsqlDbType>(StringComparer.Ordinal);
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                types[reader.GetString(0)] = reader.GetString(1) switch
                {
                    "integer" => NpgsqlDbType.Integer,
                    "bigint" => NpgsqlDbType.Bigint,
                    "text" => NpgsqlDbType.Text,
                    var other => throw new StoreException($"no bulk copy into {table}: column {reader.GetString(0)} is {other}"),
                };
            }
        }

        _columnTypes[table] = types;
        return types;
    }

    // Serializable, with a table lock on the batch log, so concurrent loaders take turns.
    protected override DbTransaction BeginWrite(DbConnection connection)
    {
        var transaction = ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.Serializable);
        using var probe = new NpgsqlCommand("SELECT to_regclass('load_batches') IS NOT NULL", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        if (probe.ExecuteScalar() is true)
        {
            using var lockBatches = new NpgsqlCommand("LOCK TABLE load_batches IN EXCLUSIVE MODE", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            lockBatches.ExecuteNonQuery();
        }

        return transaction;
    }
}
