using System.Data;
using System.Data.Common;
using Almanac.Storage.Sql;
using Npgsql;

namespace Almanac.Storage.Postgres;

/// <summary>The server option: a PostgreSQL database shared by several users.</summary>
public sealed class PostgresKnowledgeStore : SqlKnowledgeStore
{
    private PostgresKnowledgeStore(NpgsqlConnection connection, string description)
        : base(connection, description)
    {
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
