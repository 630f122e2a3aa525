using Almanac.Storage.Postgres;
using Almanac.Storage.Sqlite;

namespace Almanac.Storage;

/// <summary>Opens the store named by a <c>--store</c> option.</summary>
public static class KnowledgeStores
{
    /// <summary>
    /// A PostgreSQL connection string (<c>Host=…;Database=…</c>) opens the server store; anything else
    /// is the path of a SQLite file, created on first use.
    /// </summary>
    public static IKnowledgeStore Open(string store) =>
        IsPostgres(store) ? PostgresKnowledgeStore.Open(store) : SqliteKnowledgeStore.Open(store);

    public static bool IsPostgres(string store) =>
        store.Contains("Host=", StringComparison.OrdinalIgnoreCase) || store.StartsWith("Server=", StringComparison.OrdinalIgnoreCase);
}
