using Almanac.Storage;
using Almanac.Storage.Sqlite;

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
}
