using Almanac.Storage;
using Almanac.Storage.Postgres;
using Npgsql;

namespace Almanac.Tests.Storage;

/// <summary>
/// The same contract on a real PostgreSQL server (<c>ALMANAC_TEST_POSTGRES</c>, set by
/// <c>scripts/test.sh</c>), each test in a schema of its own.
/// </summary>
public sealed class PostgresKnowledgeStoreTests : KnowledgeStoreContract
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..12];

    private static string Server =>
        Environment.GetEnvironmentVariable("ALMANAC_TEST_POSTGRES")
        ?? throw new InvalidOperationException("ALMANAC_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL");

    internal static string CreateSchema(string schema)
    {
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {schema}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(Server) { SearchPath = schema, Pooling = false }.ConnectionString;
    }

    internal static void DropSchema(string schema)
    {
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        drop.ExecuteNonQuery();
    }

    protected override IKnowledgeStore OpenStore() => PostgresKnowledgeStore.Open(CreateSchema(_schema));

    protected override void Cleanup() => DropSchema(_schema);

    [Fact]
    public void An_unreachable_server_gives_a_clear_error()
    {
        var error = Should.Throw<StoreException>(() => PostgresKnowledgeStore.Open("Host=127.0.0.1;Port=1;Database=nothing;Username=x;Password=y;Timeout=2"));
        error.Message.ShouldContain("127.0.0.1:1");
    }
}
