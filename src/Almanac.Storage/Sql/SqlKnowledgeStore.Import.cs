using System.Data.Common;
using System.Globalization;
using Almanac.Knowledge;
using Almanac.Knowledge.Imports;

namespace Almanac.Storage.Sql;

public abstract partial class SqlKnowledgeStore
{
    public ImportSummary Import(ImportBatch batch, DateTimeOffset now, IProgress<int>? progress = null)
    {
        var stamp = now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        using var transaction = BeginWrite(_connection);
        try
        {
            foreach (var source in batch.Sources)
            {
                UpsertSource(source, transaction);
            }

            var newEntities = UpsertImportedEntities(batch.NewEntities, transaction);
            ReplaceImportedAliases(batch, transaction);
            UpsertRecords(batch, transaction);

            var batchId = NextBatch(transaction);
            RecordBatch(batchId, stamp, $"import {batch.Dataset} {batch.Version}", batch.Sources[0].Id, 0, 0, transaction);
            var (moved, relanded) = Reland(batch, batchId, stamp, transaction);

            var current = new HashSet<string>(StringComparer.Ordinal);
            using (var read = Command("SELECT fact_id FROM facts WHERE retracted_at IS NULL AND dataset = @dataset", transaction))
            {
                Add(read, "@dataset", batch.Dataset);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    current.Add(reader.GetString(0));
                }
            }

            var incoming = batch.Facts is IdentifiedFacts identified
                ? identified.WithIds
                : batch.Facts.Select(f => (f.Id, Fact: f)).DistinctBy(f => f.Id, StringComparer.Ordinal).ToList();
            var added = incoming.Where(f => !current.Contains(f.Id)).ToList();
            using (var count = Command("UPDATE load_batches SET added = @added, retracted = @retracted WHERE id = @id", transaction))
            {
                Add(count, "@added", added.Count + moved);
                Add(count, "@retracted", moved);
                Add(count, "@id", batchId);
                count.ExecuteNonQuery();
            }

            InsertFactsInBulk(added, batchId, stamp, batch.Dataset, transaction, progress);
            ReplaceUnresolved(batch, relanded, batchId, transaction);
            transaction.Commit();
            return new ImportSummary(added.Count, incoming.Count - added.Count, newEntities, batch.Unresolved.Count, Moved: moved);
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    /// <summary>
    /// Inserts an import's new facts. When they are many beside the facts stored already (the first import into a
    /// store, above all), the secondary indexes of facts are dropped first and built again afterwards, in the same
    /// transaction: building an index sorts its entries once and writes full pages in order, where inserting row by
    /// row descends each index for every fact and leaves its pages half full, more pages for the commit to write.
    /// </summary>
    private void InsertFactsInBulk(List<(string Id, Fact Fact)> facts, long batchId, string stamp, string dataset, DbTransaction transaction, IProgress<int>? progress)
    {
        var indexes = facts.Count >= MinimumFactsToRebuildIndexes ? IndexesToRebuild("facts", facts.Count, transaction) : [];
        foreach (var (name, _) in indexes)
        {
            Execute($"DROP INDEX {name}", transaction);
        }

        InsertFacts(facts, batchId, stamp, dataset, transaction, progress);
        foreach (var (_, create) in indexes)
        {
            Execute(create, transaction);
        }
    }

    /// <summary>Below this many facts an import inserts into the indexes as they are: rebuilding costs more than it saves.</summary>
    private const int MinimumFactsToRebuildIndexes = 1000;

    /// <summary>
    /// The secondary indexes of <paramref name="table"/> (not its primary key) worth dropping before inserting
    /// <paramref name="rows"/> rows and creating again after, each with the statement that creates it; none where
    /// the engine gains nothing or the rows are few beside those stored.
    /// </summary>
    protected virtual IReadOnlyList<(string Name, string Create)> IndexesToRebuild(string table, int rows, DbTransaction transaction) => [];

    /// <summary>
    /// Adds the entities imports define and brings those an earlier import made up to date (a model's name
    /// and developer follow from the records of every dataset, so they may change when another dataset
    /// joins); curated entities are left as the data files say. Returns how many are new.
    /// </summary>
    private int UpsertImportedEntities(IReadOnlyList<Entity> entities, DbTransaction transaction)
    {
        var existing = new Dictionary<string, (string Kind, string NameEn, string? NameZh, string? Developer, string Origin)>(StringComparer.Ordinal);
        using (var read = Command("SELECT id, kind, name_en, name_zh, developer, origin FROM entities", transaction))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                existing[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2), NullableString(reader, 3), NullableString(reader, 4), reader.GetString(5));
            }
        }

        // Every import names again the new models of every dataset, mostly as the store has them: an entity the
        // upsert would leave as it is (the same names and developer, or one it may not change) is not written again.
        var distinct = entities.DistinctBy(e => e.Id, StringComparer.Ordinal).ToList();
        var changing = distinct.Where(e => !existing.TryGetValue(e.Id, out var stored)
            || (stored.Origin == "import" && stored.Kind == e.Kind.ToCode()
                && (stored.NameEn != e.Name.En || stored.NameZh != e.Name.Zh || stored.Developer != e.Developer)));
        InsertRows(
            "entities",
            ["id", "kind", "name_en", "name_zh", "parent", "developer", "origin"],
            """
            ON CONFLICT (id) DO UPDATE SET name_en = excluded.name_en, name_zh = excluded.name_zh, developer = excluded.developer
            WHERE entities.origin = 'import' AND entities.kind = excluded.kind
            """,
            changing.Select(e => new object?[] { e.Id, e.Kind.ToCode(), e.Name.En, e.Name.Zh, e.Parent, e.Developer, "import" }),
            transaction);
        return distinct.Count(e => !existing.ContainsKey(e.Id));
    }

    /// <summary>
    /// The names models go by in the datasets follow from where the records of every dataset land now: the
    /// import aliases of models are replaced by the batch's (which names every landed record of every dataset),
    /// so a record that moved leaves no name behind on the model it left. Other entities' aliases are only added to.
    /// </summary>
    private void ReplaceImportedAliases(ImportBatch batch, DbTransaction transaction)
    {
        var wanted = batch.Aliases
            .Select(a => (Key: AliasKey.Of(a.Alias), a.Alias, a.EntityId))
            .Where(a => a.Key.Length > 0)
            .DistinctBy(a => (a.Key, a.EntityId))
            .ToList();
        if (batch.Relanded.Count > 0 || batch.Records.Count > 0)
        {
            // Only the difference is written: most names stay where they are from one import to the next.
            var keep = wanted.Select(a => (a.Key, a.EntityId)).ToHashSet();
            var stale = new List<(string Key, string EntityId)>();
            var present = new HashSet<(string, string)>();
            using (var read = Command("SELECT a.alias_key, a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.origin = 'import' AND e.kind = 'model'", transaction))
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    var existing = (reader.GetString(0), reader.GetString(1));
                    present.Add(existing);
                    if (!keep.Contains(existing))
                    {
                        stale.Add(existing);
                    }
                }
            }

            using var delete = Command("DELETE FROM entity_aliases WHERE alias_key = @key AND entity_id = @id AND origin = 'import'", transaction);
            var key = Parameter(delete, "@key");
            var id = Parameter(delete, "@id");
            foreach (var (aliasKey, entityId) in stale)
            {
                key.Value = aliasKey;
                id.Value = entityId;
                delete.ExecuteNonQuery();
            }

            wanted.RemoveAll(a => present.Contains((a.Key, a.EntityId)));
        }

        InsertRows(
            "entity_aliases",
            ["alias_key", "alias", "entity_id", "origin"],
            "ON CONFLICT (alias_key, entity_id) DO NOTHING",
            wanted.Select(a => new object?[] { a.Key, a.Alias, a.EntityId, "import" }),
            transaction);
    }

    private void UpsertRecords(ImportBatch batch, DbTransaction transaction) =>
        InsertRows(
            "dataset_records",
            ["dataset", "record_key", "model_id", "model_name", "provider", "organization", "subject", "location"],
            """
            ON CONFLICT (dataset, record_key) DO UPDATE SET model_id = excluded.model_id, model_name = excluded.model_name,
                provider = excluded.provider, organization = excluded.organization, subject = excluded.subject, location = excluded.location
            """,
            batch.Records.DistinctBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new object?[] { batch.Dataset, r.Key, r.ModelId, r.ModelName, r.Provider, r.Organization, r.Subject.ToCode(), r.Location }),
            transaction);

    /// <summary>
    /// Moves the stored facts of every record that now lands elsewhere (another model, or another offering)
    /// than the store last recorded: each is retracted and added again on its new model, never overwritten.
    /// Returns the number of facts moved, and the other datasets' records whose landing the store must update.
    /// </summary>
    private (int Moved, List<LandedRecord> Relanded) Reland(ImportBatch batch, long batchId, string stamp, DbTransaction transaction)
    {
        var landings = batch.Landed.Select(l => l with { Dataset = l.Dataset ?? batch.Dataset }).Concat(batch.Relanded).ToList();
        var before = new Dictionary<(string Dataset, string Key), (string Entity, string? Offering)>();
        using (var read = Command("SELECT dataset, record_key, entity_id, offering FROM landed_records", transaction))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                before[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), NullableString(reader, 3));
            }
        }

        var changed = landings
            .Where(l => before.TryGetValue((l.Dataset!, l.RecordKey), out var was)
                && (was.Entity != l.EntityId || (was.Offering is not null && l.Offering is not null && was.Offering != l.Offering)))
            .ToList();
        var relanded = batch.Relanded
            .Where(l => !before.TryGetValue((l.Dataset!, l.RecordKey), out var was) || was.Entity != l.EntityId || was.Offering != l.Offering)
            .ToList();
        var moved = 0;
        foreach (var group in changed.GroupBy(l => l.Dataset!, StringComparer.Ordinal))
        {
            var targets = group.GroupBy(l => l.RecordKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var leaving = CurrentImportedFacts(group.Key, targets.Keys, transaction);
            var leavingIds = leaving.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var copies = leaving.Select(fact =>
            {
                var target = targets[fact.Origin!];
                var scope = target.Offering is { } offering && fact.Scope["offering"] is not null
                    ? Scope.Of(fact.Scope.Values.Where(kv => kv.Key != "offering").Append(KeyValuePair.Create("offering", offering)))
                    : fact.Scope;
                var copy = fact with { EntityId = target.EntityId, Scope = scope };
                return (copy.Id, Fact: copy);
            }).DistinctBy(c => c.Id, StringComparer.Ordinal).ToList();

            // A copy the dataset already holds as a current fact (one not leaving) is not added twice.
            var staying = CurrentFactIds(group.Key, copies.Select(c => c.Id), transaction);
            staying.ExceptWith(leavingIds);
            var arriving = copies.Where(c => !staying.Contains(c.Id)).ToList();

            RetractImportedFacts(group.Key, targets.Keys, batchId, stamp, transaction);
            InsertFacts(arriving, batchId, stamp, group.Key, transaction, null);
            moved += arriving.Count;
        }

        return (moved, relanded);
    }

    /// <summary>
    /// Which of the given fact ids are current facts of the dataset: looked up by id alone, the primary key's first
    /// column, and the rest checked here, since a condition on the dataset or on retraction would let the planner
    /// take another index and scan every current fact of the dataset, when a move concerns a few of them.
    /// </summary>
    private HashSet<string> CurrentFactIds(string dataset, IEnumerable<string> ids, DbTransaction transaction)
    {
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(RowsPerInsert))
        {
            using var command = Command(string.Empty, transaction);
            var names = chunk.Select((id, i) =>
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@i{i}");
                Add(command, name, id);
                return name;
            }).ToList();
            command.CommandText = $"SELECT fact_id, dataset, retracted_at FROM facts WHERE fact_id IN ({string.Join(", ", names)})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (NullableString(reader, 1) == dataset && reader.IsDBNull(2))
                {
                    current.Add(reader.GetString(0));
                }
            }
        }

        return current;
    }

    /// <summary>
    /// Retracts the current facts one dataset's imports stored from the given records: the facts
    /// <see cref="CurrentImportedFacts"/> reads, so those leaving. One statement per chunk of records, found by
    /// the (dataset, origin) index: a statement per fact id let SQLite's planner take the (dataset, retracted_at)
    /// index instead and scan every current fact of the dataset for each fact retracted.
    /// </summary>
    private void RetractImportedFacts(string dataset, IReadOnlyCollection<string> origins, long batchId, string stamp, DbTransaction transaction)
    {
        foreach (var chunk in origins.Chunk(RowsPerInsert))
        {
            using var command = Command(string.Empty, transaction);
            Add(command, "@at", stamp);
            Add(command, "@batch", batchId);
            Add(command, "@dataset", dataset);
            var names = chunk.Select((origin, i) =>
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@o{i}");
                Add(command, name, origin);
                return name;
            }).ToList();
            command.CommandText = "UPDATE facts SET retracted_at = @at, retracted_batch = @batch"
                + $" WHERE retracted_at IS NULL AND dataset = @dataset AND origin IN ({string.Join(", ", names)})";
            command.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<UnresolvedRecord> Unresolved(string? dataset = null)
    {
        using var command = Command("SELECT dataset, record_key, model_name, provider, reason FROM unresolved_records"
            + (dataset is null ? string.Empty : " WHERE dataset = @dataset") + " ORDER BY dataset, record_key");
        if (dataset is not null)
        {
            Add(command, "@dataset", dataset);
        }

        using var reader = command.ExecuteReader();
        var records = new List<UnresolvedRecord>();
        while (reader.Read())
        {
            records.Add(new UnresolvedRecord(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3), reader.GetString(4)));
        }

        return records;
    }

    public IReadOnlyDictionary<string, string> Landed(string dataset)
    {
        using var command = Command("SELECT record_key, entity_id FROM landed_records WHERE dataset = @dataset");
        Add(command, "@dataset", dataset);
        using var reader = command.ExecuteReader();
        var landed = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            landed[reader.GetString(0)] = reader.GetString(1);
        }

        return landed;
    }

    // Where records landed, and which could not, describe the latest snapshot, not a history: replace both.
    private void ReplaceUnresolved(ImportBatch batch, List<LandedRecord> relanded, long batchId, DbTransaction transaction)
    {
        // The batch's own dataset is replaced whole; of the others only the records that land elsewhere now.
        foreach (var table in new[] { "unresolved_records", "landed_records" })
        {
            using var delete = Command($"DELETE FROM {table} WHERE dataset = @dataset", transaction);
            Add(delete, "@dataset", batch.Dataset);
            delete.ExecuteNonQuery();
        }

        var landings = batch.Landed.Select(l => l with { Dataset = batch.Dataset }).Concat(relanded).ToList();
        InsertRows(
            "landed_records",
            ["dataset", "version", "record_key", "entity_id", "batch", "offering"],
            "ON CONFLICT (dataset, record_key) DO UPDATE SET entity_id = excluded.entity_id, offering = excluded.offering, version = excluded.version, batch = excluded.batch",
            landings.Select(l => new object?[] { l.Dataset, batch.Version, l.RecordKey, l.EntityId, batchId, l.Offering }),
            transaction);

        using var insert = Command("""
            INSERT INTO unresolved_records (dataset, version, record_key, model_name, provider, reason, batch)
            VALUES (@dataset, @version, @key, @name, @provider, @reason, @batch)
            ON CONFLICT (dataset, record_key) DO NOTHING
            """, transaction);
        Add(insert, "@dataset", batch.Dataset);
        Add(insert, "@version", batch.Version);
        Add(insert, "@batch", batchId);
        var key = Parameter(insert, "@key");
        var name = Parameter(insert, "@name");
        var provider = Parameter(insert, "@provider");
        var reason = Parameter(insert, "@reason");
        foreach (var record in batch.Unresolved)
        {
            key.Value = record.RecordKey;
            name.Value = (object?)record.ModelName ?? DBNull.Value;
            provider.Value = (object?)record.Provider ?? DBNull.Value;
            reason.Value = record.Reason;
            insert.ExecuteNonQuery();
        }
    }
}
