using System.Data.Common;
using System.Globalization;
using Almanac.Knowledge;
using Almanac.Periods;

namespace Almanac.Storage.Sql;

public abstract partial class SqlKnowledgeStore
{
    public LoadSummary Load(KnowledgeBase knowledge, string fingerprint, string origin, DateTimeOffset now)
    {
        var stamp = now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        using var transaction = BeginWrite(_connection);
        try
        {
            // Definitions (metrics, entities, sources) are reference data: upserted, never deleted,
            // so a retracted fact still finds its source.
            foreach (var metric in knowledge.Metrics)
            {
                UpsertMetric(metric, transaction);
            }

            foreach (var entity in knowledge.Entities)
            {
                UpsertEntity(entity, transaction);
            }

            foreach (var source in knowledge.Sources)
            {
                UpsertSource(source, transaction);
            }

            // Aliases the importers added stay: a curated reload replaces only its own.
            Execute("DELETE FROM metric_aliases", transaction);
            Execute("DELETE FROM entity_aliases WHERE origin = 'curated'", transaction);
            foreach (var metric in knowledge.Metrics)
            {
                InsertAliases("metric_aliases", "metric_id", metric.Id, new[] { metric.Id, metric.Name.En, metric.Name.Zh }.Concat(metric.Aliases), transaction);
            }

            foreach (var entity in knowledge.Entities)
            {
                InsertAliases("entity_aliases", "entity_id", entity.Id, KnowledgeBase.NamesOf(entity), transaction);
            }

            var current = new HashSet<string>(StringComparer.Ordinal);
            using (var read = Command("SELECT fact_id FROM facts WHERE retracted_at IS NULL AND dataset IS NULL", transaction))
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    current.Add(reader.GetString(0));
                }
            }

            var batch = NextBatch(transaction);

            var incoming = knowledge.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
            var added = incoming.Values.Where(f => !current.Contains(f.Id)).ToList();
            var retracted = current.Where(id => !incoming.ContainsKey(id)).ToList();

            RecordBatch(batch, stamp, origin, fingerprint, added.Count, retracted.Count, transaction);

            InsertFacts(added, batch, stamp, null, transaction, null);
            using (var retract = Command("UPDATE facts SET retracted_at = @at, retracted_batch = @batch WHERE fact_id = @id AND retracted_at IS NULL AND dataset IS NULL", transaction))
            {
                var id = Parameter(retract, "@id");
                Add(retract, "@at", stamp);
                Add(retract, "@batch", batch);
                foreach (var factId in retracted)
                {
                    id.Value = factId;
                    retract.ExecuteNonQuery();
                }
            }

            using (var meta = Command("DELETE FROM store_meta WHERE key = 'fingerprint'", transaction))
            {
                meta.ExecuteNonQuery();
            }

            using (var meta = Command("INSERT INTO store_meta (key, value) VALUES ('fingerprint', @fp)", transaction))
            {
                Add(meta, "@fp", fingerprint);
                meta.ExecuteNonQuery();
            }

            transaction.Commit();
            return new LoadSummary(added.Count, incoming.Count - added.Count, retracted.Count, knowledge.Entities.Count(), knowledge.Metrics.Count(), knowledge.Sources.Count());
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
    }

    private static readonly string[] FactColumns =
    [
        "fact_id", "recorded_batch", "entity_id", "metric_id", "scope", "period", "period_start", "period_end",
        "value_kind", "value", "value_high", "unit", "qualifier", "obtained", "sample", "source_id", "quote", "note", "origin", "recorded_at", "dataset",
    ];

    private void InsertFacts(IEnumerable<Fact> facts, long batch, string stamp, string? dataset, DbTransaction transaction, IProgress<int>? progress) =>
        InsertFacts(facts.Select(f => (f.Id, f)), batch, stamp, dataset, transaction, progress);

    /// <summary>Inserts facts whose ids the caller has computed already (an id is a SHA-256 of the fact: worth computing once).</summary>
    private void InsertFacts(IEnumerable<(string Id, Fact Fact)> facts, long batch, string stamp, string? dataset, DbTransaction transaction, IProgress<int>? progress)
    {
        var last = 0;

        // An import's facts share a few periods (the snapshot's day, above all): each is written out once, and the
        // batch boxed once, not per row.
        var periods = new Dictionary<Period, (string Text, string Start, string End)>();
        object boxedBatch = batch;
        var written = InsertRows("facts", FactColumns, string.Empty, facts.Select(pair =>
        {
            var (id, fact) = pair;
            var row = FactRow.From(fact);
            if (!periods.TryGetValue(fact.Period, out var period))
            {
                periods[fact.Period] = period = (fact.Period.ToString(), Day(fact.Period.Start), Day(fact.Period.End));
            }

            return new object?[]
            {
                id, boxedBatch, fact.EntityId, fact.MetricId, fact.Scope.Canonical, period.Text,
                period.Start, period.End,
                row.Kind, row.Value, row.High, row.Unit, row.Qualifier, fact.Obtained.ToCode(), fact.Sample, fact.SourceId,
                fact.Quote, fact.Note, fact.Origin, stamp, dataset,
            };
        }), transaction, done =>
        {
            // Progress every thousand facts or so, not every statement.
            if (done - last >= 1000)
            {
                last = done;
                progress?.Report(done);
            }
        });
        progress?.Report(written);
    }

    private long NextBatch(DbTransaction transaction)
    {
        using var next = Command("SELECT COALESCE(MAX(id), 0) + 1 FROM load_batches", transaction);
        return Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void RecordBatch(long batch, string stamp, string origin, string fingerprint, int added, int retracted, DbTransaction transaction)
    {
        using var record = Command("INSERT INTO load_batches (id, loaded_at, origin, fingerprint, added, retracted) VALUES (@id, @at, @origin, @fp, @added, @retracted)", transaction);
        Add(record, "@id", batch);
        Add(record, "@at", stamp);
        Add(record, "@origin", origin);
        Add(record, "@fp", fingerprint);
        Add(record, "@added", added);
        Add(record, "@retracted", retracted);
        record.ExecuteNonQuery();
    }

    private void UpsertMetric(Metric metric, DbTransaction transaction)
    {
        using var command = Command("""
            INSERT INTO metrics (id, name_en, name_zh, dimension, description, temporal_kind, stands, within, measured, additive)
            VALUES (@id, @en, @zh, @dimension, @description, @temporal, @stands, @within, @measured, @additive)
            ON CONFLICT (id) DO UPDATE SET name_en = excluded.name_en, name_zh = excluded.name_zh,
                dimension = excluded.dimension, description = excluded.description,
                temporal_kind = excluded.temporal_kind, stands = excluded.stands,
                within = excluded.within, measured = excluded.measured, additive = excluded.additive
            """, transaction);
        Add(command, "@id", metric.Id);
        Add(command, "@en", metric.Name.En);
        Add(command, "@zh", metric.Name.Zh);
        Add(command, "@dimension", metric.Dimension.ToCode());
        Add(command, "@description", metric.Description);
        Add(command, "@temporal", metric.Timing is { } timing ? MetricTiming.Code(timing.Kind) : null);
        Add(command, "@stands", metric.Timing?.StandsCode);
        Add(command, "@within", metric.Within.Count == 0 ? null : string.Join(' ', metric.Within));
        Add(command, "@measured", metric.AtInstant ? "instant" : "period");
        Add(command, "@additive", metric.Additive ? 1 : 0);
        command.ExecuteNonQuery();
    }

    private void UpsertEntity(Entity entity, DbTransaction transaction)
    {
        using var command = Command("""
            INSERT INTO entities (id, kind, name_en, name_zh, parent, developer, origin) VALUES (@id, @kind, @en, @zh, @parent, @developer, 'curated')
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name_en = excluded.name_en, name_zh = excluded.name_zh,
                parent = excluded.parent, developer = excluded.developer, origin = 'curated'
            """, transaction);
        Add(command, "@id", entity.Id);
        Add(command, "@kind", entity.Kind.ToCode());
        Add(command, "@en", entity.Name.En);
        Add(command, "@zh", entity.Name.Zh);
        Add(command, "@parent", entity.Parent);
        Add(command, "@developer", entity.Developer);
        command.ExecuteNonQuery();
    }

    private void UpsertSource(Source source, DbTransaction transaction)
    {
        using var command = Command("""
            INSERT INTO sources (id, publisher, title, url, published, kind, licence) VALUES (@id, @publisher, @title, @url, @published, @kind, @licence)
            ON CONFLICT (id) DO UPDATE SET publisher = excluded.publisher, title = excluded.title, url = excluded.url,
                published = excluded.published, kind = excluded.kind, licence = excluded.licence
            """, transaction);
        Add(command, "@id", source.Id);
        Add(command, "@publisher", source.Publisher);
        Add(command, "@title", source.Title);
        Add(command, "@url", source.Url.ToString());
        Add(command, "@published", source.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(command, "@kind", source.Kind.ToCode());
        Add(command, "@licence", source.Licence);
        command.ExecuteNonQuery();
    }

    private void InsertAliases(string table, string column, string id, IEnumerable<string?> names, DbTransaction transaction)
    {
        // A curated alias takes over one an import added for the same entity.
        var conflict = table == "entity_aliases" ? " ON CONFLICT (alias_key, entity_id) DO UPDATE SET alias = excluded.alias, origin = 'curated'" : string.Empty;
        using var command = Command($"INSERT INTO {table} (alias_key, alias, {column}) VALUES (@key, @alias, @id){conflict}", transaction);
        var key = Parameter(command, "@key");
        var alias = Parameter(command, "@alias");
        Add(command, "@id", id);
        foreach (var name in names.OfType<string>().Where(n => n.Length > 0).DistinctBy(AliasKey.Of, StringComparer.Ordinal))
        {
            key.Value = AliasKey.Of(name);
            alias.Value = name;
            command.ExecuteNonQuery();
        }
    }

    private void Execute(string sql, DbTransaction transaction)
    {
        using var command = Command(sql, transaction);
        command.ExecuteNonQuery();
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
