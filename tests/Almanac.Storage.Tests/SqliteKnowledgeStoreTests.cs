using Almanac.Knowledge;
using Almanac.Knowledge.Imports;
using Almanac.Storage;
using Almanac.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Almanac.Tests.Storage;

public sealed class SqliteKnowledgeStoreTests : KnowledgeStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"));

    protected override IKnowledgeStore OpenStore() => SqliteKnowledgeStore.Open(Path.Combine(_folder, "nested", "almanac.db"));

    protected override void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Creates_the_file_and_its_folder_on_first_use()
    {
        var path = Path.Combine(_folder, "nested", "almanac.db");
        File.Exists(path).ShouldBeFalse();
        using var store = SqliteKnowledgeStore.Open(path);
        File.Exists(path).ShouldBeTrue();
    }

    [Fact]
    public void A_file_that_is_not_a_database_gives_a_clear_error()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "not-a-db.db");
        File.WriteAllText(path, "this is not SQLite, just text long enough to have a header of sorts........");
        var error = Should.Throw<StoreException>(() => SqliteKnowledgeStore.Open(path));
        error.Message.ShouldContain("not-a-db.db");
    }

    [Fact]
    public void An_import_of_many_facts_into_a_fresh_store_keeps_every_index_and_finds_its_facts_by_them()
    {
        var path = Path.Combine(_folder, "nested", "almanac.db");
        using var store = SqliteKnowledgeStore.Open(path);
        store.Load(SampleKnowledge.With(), "fp1", "test", DateTimeOffset.UnixEpoch);
        var before = Indexes(path);

        var summary = store.Import(ManyPrices(2500), DateTimeOffset.UnixEpoch);

        summary.Added.ShouldBe(2500);
        Indexes(path).ShouldBe(before);
        store.Facts(new FactQuery(EntityIds: ["claude-3-5-sonnet"])).Count.ShouldBe(2500);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        integrity.ExecuteScalar().ShouldBe("ok");
    }

    [Fact]
    public void A_failed_import_of_many_facts_leaves_the_indexes_and_facts_as_they_were()
    {
        var path = Path.Combine(_folder, "nested", "almanac.db");
        using var store = SqliteKnowledgeStore.Open(path);
        store.Load(SampleKnowledge.With(), "fp1", "test", DateTimeOffset.UnixEpoch);
        var before = Indexes(path);
        var batch = ManyPrices(2500);
        var broken = batch with { Facts = [.. batch.Facts, batch.Facts[0] with { EntityId = "no-such-model", Origin = "x" }] };

        Should.Throw<Exception>(() => store.Import(broken, DateTimeOffset.UnixEpoch));

        Indexes(path).ShouldBe(before);
        store.Facts(new FactQuery()).ShouldBeEmpty();
    }

    /// <summary>The sample import with its first price stated for many days: more facts than the store holds.</summary>
    private static ImportBatch ManyPrices(int days)
    {
        var batch = SampleKnowledge.Import("2026-07-02");
        var price = batch.Facts[0];
        return batch with
        {
            Facts = [.. Enumerable.Range(0, days).Select(d => price with { Period = Periods.Period.Instant(new DateOnly(2020, 1, 1).AddDays(d)) })],
        };
    }

    /// <summary>Every index of the file with the statement that made it.</summary>
    private static List<string> Indexes(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name";
        using var reader = command.ExecuteReader();
        var indexes = new List<string>();
        while (reader.Read())
        {
            indexes.Add(reader.GetString(0));
        }

        return indexes;
    }
}
