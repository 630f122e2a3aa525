using System.Data.Common;
using System.Globalization;
using System.Text;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Storage.Sql;

public abstract partial class SqlKnowledgeStore
{
    public IReadOnlyList<Metric> Metrics()
    {
        var aliases = Aliases("metric_aliases", "metric_id");
        using var command = Command("SELECT id, name_en, name_zh, dimension, description, temporal_kind, stands, within, measured, additive FROM metrics ORDER BY id");
        using var reader = command.ExecuteReader();
        var metrics = new List<Metric>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var dimension = Stored(DimensionCodes.TryParse(reader.GetString(3), out var d), d, reader.GetString(3));
            metrics.Add(new Metric(id, new LocalizedName(reader.GetString(1), NullableString(reader, 2)), dimension, aliases.GetValueOrDefault(id, []), NullableString(reader, 4),
                StoredTiming(NullableString(reader, 5), NullableString(reader, 6)))
            {
                Within = NullableString(reader, 7)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
                AtInstant = NullableString(reader, 8) == "instant",
                Additive = !reader.IsDBNull(9) && Convert.ToInt64(reader.GetValue(9), CultureInfo.InvariantCulture) == 1,
            });
        }

        return metrics;
    }

    /// <summary>A metric's timing as stored; null where the data files declared none.</summary>
    private static MetricTiming? StoredTiming(string? kindCode, string? standsCode)
    {
        if (kindCode is null)
        {
            return null;
        }

        var kind = Stored(MetricTiming.TryParseKind(kindCode, out var k), k, kindCode);
        if (standsCode is null)
        {
            return new MetricTiming(kind);
        }

        var parsed = MetricTiming.TryParseStands(standsCode, out var untilNext, out var days);
        return new MetricTiming(kind, Stored(parsed, untilNext, standsCode), days);
    }

    public IReadOnlyList<Entity> Entities() => ReadEntities(null);

    public IReadOnlyList<Entity> CuratedEntities() => ReadEntities(null, curatedOnly: true);

    public IReadOnlyList<Entity> FindEntities(string name) => ReadEntities(AliasKey.Of(name));

    public IReadOnlySet<string> ImportedEntityIds()
    {
        using var command = Command("SELECT id FROM entities WHERE origin = 'import'");
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public Metric? FindMetric(string name)
    {
        using var command = Command("SELECT metric_id FROM metric_aliases WHERE alias_key = @key");
        Add(command, "@key", AliasKey.Of(name));
        return command.ExecuteScalar() is string id ? Metrics().Single(m => m.Id == id) : null;
    }

    private List<Entity> ReadEntities(string? aliasKey, bool curatedOnly = false)
    {
        var aliases = Aliases("entity_aliases", "entity_id", aliasKey, curatedOnly);
        var filter = aliasKey is null ? (curatedOnly ? " WHERE origin = 'curated'" : string.Empty) : " WHERE id IN (SELECT entity_id FROM entity_aliases WHERE alias_key = @key)";
        using var command = Command("SELECT id, kind, name_en, name_zh, parent, developer FROM entities" + filter + " ORDER BY id");
        if (aliasKey is not null)
        {
            Add(command, "@key", aliasKey);
        }

        using var reader = command.ExecuteReader();
        var entities = new List<Entity>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var kind = Stored(EntityKindCodes.TryParse(reader.GetString(1), out var k), k, reader.GetString(1));
            entities.Add(new Entity(id, kind, new LocalizedName(reader.GetString(2), NullableString(reader, 3)), aliases.GetValueOrDefault(id, []), NullableString(reader, 4), NullableString(reader, 5)));
        }

        return entities;
    }

    private const string FactSelect = """
            SELECT f.entity_id, f.metric_id, f.scope, f.period, f.value_kind, f.value, f.value_high, f.unit, f.qualifier,
                   f.obtained, f.sample, f.source_id, f.quote, f.note, f.origin, f.recorded_at, f.retracted_at,
                   s.publisher, s.title, s.url, s.published, s.kind, s.licence, e.name_en, e.name_zh, f.dataset
            FROM facts f JOIN sources s ON s.id = f.source_id JOIN entities e ON e.id = f.entity_id
            WHERE 1 = 1
            """;

    /// <summary>The current facts one dataset's imports stored from the given records, read inside a write transaction.</summary>
    private List<Fact> CurrentImportedFacts(string dataset, IReadOnlyCollection<string> origins, DbTransaction transaction)
    {
        var rows = new FactReader();
        var facts = new List<Fact>();
        foreach (var chunk in origins.Chunk(RowsPerInsert))
        {
            using var command = Command(string.Empty, transaction);
            Add(command, "@dataset", dataset);
            var names = chunk.Select((origin, i) =>
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@o{i}");
                Add(command, name, origin);
                return name;
            }).ToList();
            command.CommandText = FactSelect + $" AND f.retracted_at IS NULL AND f.dataset = @dataset AND f.origin IN ({string.Join(", ", names)})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                facts.Add(rows.Read(reader).Fact);
            }
        }

        return facts;
    }

    public IReadOnlyList<Catalogue.SourcedRecord> Records()
    {
        using var command = Command("SELECT dataset, record_key, model_id, model_name, provider, organization, subject, location FROM dataset_records ORDER BY dataset, record_key");
        using var reader = command.ExecuteReader();
        var records = new List<Catalogue.SourcedRecord>();
        while (reader.Read())
        {
            var subject = Stored(EntityKindCodes.TryParse(reader.GetString(6), out var k), k, reader.GetString(6));
            records.Add(new Catalogue.SourcedRecord(reader.GetString(0), new Catalogue.DatasetRecord(
                reader.GetString(1), reader.GetString(2), NullableString(reader, 3), NullableString(reader, 4), NullableString(reader, 5), [], reader.GetString(7), subject)));
        }

        return records;
    }

    public IReadOnlyList<StoredFact> Facts(FactQuery query)
    {
        var sql = new StringBuilder(FactSelect);
        using var command = Command(string.Empty);
        if (!query.IncludeRetracted)
        {
            sql.Append(" AND f.retracted_at IS NULL");
        }

        if (query.EntityIds is { Count: > 0 } ids)
        {
            var names = ids.Select((id, i) => $"@e{i}").ToArray();
            sql.Append(CultureInfo.InvariantCulture, $" AND f.entity_id IN ({string.Join(", ", names)})");
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                Add(command, $"@e{i}", id);
            }
        }

        if (query.MetricId is { } metric)
        {
            sql.Append(" AND f.metric_id = @metric");
            Add(command, "@metric", metric);
        }

        if (query.MetricIds is { Count: > 0 } metricIds)
        {
            var names = metricIds.Select((_, i) => $"@m{i}").ToArray();
            sql.Append(CultureInfo.InvariantCulture, $" AND f.metric_id IN ({string.Join(", ", names)})");
            foreach (var (id, i) in metricIds.Select((id, i) => (id, i)))
            {
                Add(command, $"@m{i}", id);
            }
        }

        if (query.EntityKind is { } kind)
        {
            sql.Append(" AND e.kind = @kind");
            Add(command, "@kind", kind.ToCode());
        }

        if (query.Within is { } within)
        {
            sql.Append(" AND f.period_start >= @from AND f.period_end <= @to");
            Add(command, "@from", Day(within.Start));
            Add(command, "@to", Day(within.End));
        }

        if (query.AsOf is { } asOf)
        {
            sql.Append(" AND s.published <= @asof");
            Add(command, "@asof", Day(asOf));
        }

        sql.Append(" ORDER BY f.entity_id, f.metric_id, f.period_start, f.period_end, s.published, f.fact_id");
        command.CommandText = sql.ToString();
        using var reader = command.ExecuteReader();
        var facts = new List<StoredFact>();
        var rows = new FactReader();
        while (reader.Read())
        {
            facts.Add(rows.Read(reader));
        }

        return facts;
    }

    /// <summary>
    /// Turns rows into facts. Thousands of imported facts share a few sources, scopes, periods and
    /// import times, so each distinct one is parsed once per query rather than once per row.
    /// </summary>
    private sealed class FactReader
    {
        private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Scope> _scopes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Period> _periods = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> _times = new(StringComparer.Ordinal);

        public StoredFact Read(DbDataReader r)
        {
            var scopeText = r.GetString(2);
            if (!_scopes.TryGetValue(scopeText, out var scope))
            {
                _scopes[scopeText] = scope = Scope.Parse(scopeText);
            }

            var periodText = r.GetString(3);
            if (!_periods.TryGetValue(periodText, out var period))
            {
                _periods[periodText] = period = Period.TryParseCanonical(periodText, out var parsed)
                    ? parsed
                    : throw new StoreException($"stored fact has unreadable period '{periodText}'");
            }

            var sourceId = r.GetString(11);
            if (!_sources.TryGetValue(sourceId, out var source))
            {
                _sources[sourceId] = source = ReadSource(r, sourceId);
            }

            return ReadFact(r, scope, period, source, Time(r.GetString(15)), NullableString(r, 16) is { } retracted ? Time(retracted) : null);
        }

        private DateTimeOffset Time(string text)
        {
            if (!_times.TryGetValue(text, out var time))
            {
                _times[text] = time = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
            }

            return time;
        }
    }

    private static Source ReadSource(DbDataReader r, string sourceId)
    {
        var kind = Stored(SourceCodes.TryParseKind(r.GetString(21), out var k), k, r.GetString(21));
        return new Source(
            sourceId,
            r.GetString(17),
            r.GetString(18),
            new Uri(r.GetString(19)),
            DateOnly.ParseExact(r.GetString(20), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            kind,
            NullableString(r, 22));
    }

    private static StoredFact ReadFact(DbDataReader r, Scope scope, Period period, Source source, DateTimeOffset recordedAt, DateTimeOffset? retractedAt)
    {
        var row = new FactRow(r.GetString(4), r.GetString(5), NullableString(r, 6), r.GetString(7), r.GetString(8));
        var obtained = Stored(SourceCodes.TryParseObtained(r.GetString(9), out var o), o, r.GetString(9));
        var fact = new Fact(
            r.GetString(0),
            r.GetString(1),
            scope,
            period,
            row.ToValue(),
            obtained,
            source.Id,
            NullableString(r, 12),
            r.IsDBNull(10) ? null : Convert.ToInt32(r.GetValue(10), CultureInfo.InvariantCulture),
            NullableString(r, 13),
            NullableString(r, 14));
        return new StoredFact(
            fact,
            new LocalizedName(r.GetString(23), NullableString(r, 24)),
            source,
            recordedAt,
            retractedAt,
            NullableString(r, 25));
    }

    /// <summary>Aliases by owner id: of every owner, or only of those that <paramref name="ownerKey"/> names.</summary>
    private Dictionary<string, List<string>> Aliases(string table, string column, string? ownerKey = null, bool curatedOnly = false)
    {
        var filter = ownerKey is null ? (curatedOnly ? " WHERE origin = 'curated'" : string.Empty) : $" WHERE {column} IN (SELECT {column} FROM {table} WHERE alias_key = @key)";
        using var command = Command($"SELECT {column}, alias FROM {table}{filter} ORDER BY {column}, alias");
        if (ownerKey is not null)
        {
            Add(command, "@key", ownerKey);
        }

        using var reader = command.ExecuteReader();
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!aliases.TryGetValue(id, out var list))
            {
                aliases[id] = list = [];
            }

            list.Add(reader.GetString(1));
        }

        return aliases;
    }

    /// <summary>A code read back from the store must be one this Almanac knows.</summary>
    private static T Stored<T>(bool parsed, T value, string code) =>
        parsed ? value : throw new StoreException($"the store holds unknown code '{code}'; was it written by a newer Almanac?");

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    // "O" is yyyy-MM-dd for a DateOnly, formatted without interpreting a pattern (two per fact stored).
    private static string Day(DateOnly day) => day.ToString("O", CultureInfo.InvariantCulture);
}
