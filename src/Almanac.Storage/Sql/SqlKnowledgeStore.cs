using System.Data;
using System.Data.Common;
using System.Globalization;
using Almanac.Knowledge;

namespace Almanac.Storage.Sql;

/// <summary>
/// The store over any ADO.NET connection. SQLite and PostgreSQL differ only in how a connection is
/// opened and a write transaction begun, so the SQL lives here once.
/// </summary>
public abstract partial class SqlKnowledgeStore : IKnowledgeStore
{
    private readonly DbConnection _connection;

    protected SqlKnowledgeStore(DbConnection connection, string description)
    {
        _connection = connection;
        Description = description;
    }

    public string Description { get; }

    /// <summary>Opens the connection and brings the schema up to date.</summary>
    protected void Initialise()
    {
        if (_connection.State != ConnectionState.Open)
        {
            _connection.Open();
        }

        Migrate();
    }

    /// <summary>Begins a transaction that holds the write lock from its start.</summary>
    protected abstract DbTransaction BeginWrite(DbConnection connection);

    public int SchemaVersion()
    {
        using var command = Command("SELECT MAX(version) FROM schema_version");
        return command.ExecuteScalar() is { } version and not DBNull ? Convert.ToInt32(version, CultureInfo.InvariantCulture) : 0;
    }

    public long Generation()
    {
        // Every load and import records its batch in the same transaction as its facts, numbered
        // one above the last: the highest number moves with every committed change, whoever made it.
        using var command = Command("SELECT COALESCE(MAX(id), 0) FROM load_batches");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Migrate()
    {
        // The common case, an up-to-date store, is settled by one read without taking the write lock.
        if (CurrentVersionOrZero() == Migrations.Latest)
        {
            return;
        }

        using (var create = Command("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"))
        {
            create.ExecuteNonQuery();
        }

        using var transaction = BeginWrite(_connection);
        int current;
        using (var read = Command("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction))
        {
            current = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        if (current > Migrations.Latest)
        {
            throw new StoreException($"{Description} has schema version {current}, newer than this Almanac ({Migrations.Latest}); upgrade Almanac.");
        }

        foreach (var (version, description, statements) in Migrations.Steps.Where(s => s.Version > current))
        {
            foreach (var sql in statements)
            {
                using var step = Command(sql, transaction);
                step.ExecuteNonQuery();
            }

            using var record = Command("INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @t)", transaction);
            Add(record, "@v", version);
            Add(record, "@d", description);
            Add(record, "@t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private int CurrentVersionOrZero()
    {
        try
        {
            return SchemaVersion();
        }
        catch (DbException)
        {
            return 0;
        }
    }

    public string? LoadedFingerprint()
    {
        using var command = Command("SELECT value FROM store_meta WHERE key = 'fingerprint'");
        return command.ExecuteScalar() as string;
    }

    protected DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    protected static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public void Dispose()
    {
        _connection.Dispose();
        GC.SuppressFinalize(this);
    }
}
