using System.Data.Common;
using System.Globalization;
using Almanac.Knowledge;

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

            var newEntities = 0;
            using (var insert = Command("""
                INSERT INTO entities (id, kind, name_en, name_zh, parent, developer, origin) VALUES (@id, @kind, @en, @zh, @parent, @developer, 'import')
                ON CONFLICT (id) DO NOTHING
                """, transaction))
            {
                string[] names = ["@id", "@kind", "@en", "@zh", "@parent", "@developer"];
                var p = names.ToDictionary(n => n, n => Parameter(insert, n), StringComparer.Ordinal);
                foreach (var entity in batch.NewEntities)
                {
                    p["@id"].Value = entity.Id;
                    p["@kind"].Value = entity.Kind.ToCode();
                    p["@en"].Value = entity.Name.En;
                    p["@zh"].Value = (object?)entity.Name.Zh ?? DBNull.Value;
                    p["@parent"].Value = (object?)entity.Parent ?? DBNull.Value;
                    p["@developer"].Value = (object?)entity.Developer ?? DBNull.Value;
                    newEntities += insert.ExecuteNonQuery();
                }
            }

            using (var insert = Command("INSERT INTO entity_aliases (alias_key, alias, entity_id, origin) VALUES (@key, @alias, @id, 'import') ON CONFLICT (alias_key, entity_id) DO NOTHING", transaction))
            {
                var key = Parameter(insert, "@key");
                var alias = Parameter(insert, "@alias");
                var id = Parameter(insert, "@id");
                foreach (var entityAlias in batch.Aliases.DistinctBy(a => (AliasKey.Of(a.Alias), a.EntityId)))
                {
                    var aliasKey = AliasKey.Of(entityAlias.Alias);
                    if (aliasKey.Length == 0)
                    {
                        continue;
                    }

                    key.Value = aliasKey;
                    alias.Value = entityAlias.Alias;
                    id.Value = entityAlias.EntityId;
                    insert.ExecuteNonQuery();
                }
            }

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

            var incoming = batch.Facts.DistinctBy(f => f.Id, StringComparer.Ordinal).ToList();
            var added = incoming.Where(f => !current.Contains(f.Id)).ToList();
            var batchId = NextBatch(transaction);
            RecordBatch(batchId, stamp, $"import {batch.Dataset} {batch.Version}", batch.Sources[0].Id, added.Count, 0, transaction);
            InsertFacts(added, batchId, stamp, batch.Dataset, transaction, progress);
            ReplaceUnresolved(batch, batchId, transaction);
            transaction.Commit();
            return new ImportSummary(added.Count, incoming.Count - added.Count, newEntities, batch.Unresolved.Count);
        }
        catch
        {
            transaction.Rollback();
            throw;
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
    private void ReplaceUnresolved(ImportBatch batch, long batchId, DbTransaction transaction)
    {
        foreach (var table in new[] { "unresolved_records", "landed_records" })
        {
            using var delete = Command($"DELETE FROM {table} WHERE dataset = @dataset", transaction);
            Add(delete, "@dataset", batch.Dataset);
            delete.ExecuteNonQuery();
        }

        using (var land = Command("""
            INSERT INTO landed_records (dataset, version, record_key, entity_id, batch) VALUES (@dataset, @version, @key, @entity, @batch)
            ON CONFLICT (dataset, record_key) DO NOTHING
            """, transaction))
        {
            Add(land, "@dataset", batch.Dataset);
            Add(land, "@version", batch.Version);
            Add(land, "@batch", batchId);
            var landedKey = Parameter(land, "@key");
            var entity = Parameter(land, "@entity");
            foreach (var record in batch.Landed)
            {
                landedKey.Value = record.RecordKey;
                entity.Value = record.EntityId;
                land.ExecuteNonQuery();
            }
        }

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
