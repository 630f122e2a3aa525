using System.Data;
using System.Data.Common;
using Almanac.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Almanac.Storage.Sqlite;

/// <summary>The embedded default: one SQLite file, created with its schema on first use.</summary>
public sealed class SqliteKnowledgeStore : SqlKnowledgeStore
{
    private SqliteKnowledgeStore(SqliteConnection connection, string path)
        : base(connection, $"SQLite file {path}")
    {
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

    protected override int RowsPerStatement => 1;

    // BEGIN IMMEDIATE takes the write lock at once, so two loaders serialise instead of failing mid-way.
    protected override DbTransaction BeginWrite(DbConnection connection) =>
        ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
}
