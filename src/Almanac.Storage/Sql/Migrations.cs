namespace Almanac.Storage.Sql;

/// <summary>
/// The schema, as numbered steps applied in order and recorded in <c>schema_version</c>. Never edit a
/// step that has shipped: add the next one. Types are kept to TEXT and INTEGER so one script serves
/// SQLite and PostgreSQL; decimals are stored as invariant text to stay exact.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<(int Version, string Description, string[] Statements)> Steps =
    [
        (1, "knowledge base: metrics, entities, sources, facts", [
            """
            CREATE TABLE metrics (
                id TEXT PRIMARY KEY,
                name_en TEXT NOT NULL,
                name_zh TEXT,
                dimension TEXT NOT NULL,
                description TEXT)
            """,
            """
            CREATE TABLE metric_aliases (
                alias_key TEXT NOT NULL,
                alias TEXT NOT NULL,
                metric_id TEXT NOT NULL REFERENCES metrics(id),
                PRIMARY KEY (alias_key, metric_id))
            """,
            """
            CREATE TABLE entities (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                name_en TEXT NOT NULL,
                name_zh TEXT,
                parent TEXT,
                developer TEXT)
            """,
            """
            CREATE TABLE entity_aliases (
                alias_key TEXT NOT NULL,
                alias TEXT NOT NULL,
                entity_id TEXT NOT NULL REFERENCES entities(id),
                PRIMARY KEY (alias_key, entity_id))
            """,
            """
            CREATE TABLE sources (
                id TEXT PRIMARY KEY,
                publisher TEXT NOT NULL,
                title TEXT NOT NULL,
                url TEXT NOT NULL,
                published TEXT NOT NULL,
                kind TEXT NOT NULL,
                licence TEXT)
            """,
            """
            CREATE TABLE load_batches (
                id INTEGER PRIMARY KEY,
                loaded_at TEXT NOT NULL,
                origin TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                added INTEGER NOT NULL,
                retracted INTEGER NOT NULL)
            """,
            """
            CREATE TABLE facts (
                fact_id TEXT NOT NULL,
                recorded_batch INTEGER NOT NULL REFERENCES load_batches(id),
                entity_id TEXT NOT NULL REFERENCES entities(id),
                metric_id TEXT NOT NULL REFERENCES metrics(id),
                scope TEXT NOT NULL,
                period TEXT NOT NULL,
                period_start TEXT NOT NULL,
                period_end TEXT NOT NULL,
                value_kind TEXT NOT NULL,
                value TEXT NOT NULL,
                value_high TEXT,
                unit TEXT NOT NULL,
                qualifier TEXT NOT NULL,
                obtained TEXT NOT NULL,
                sample INTEGER,
                source_id TEXT NOT NULL REFERENCES sources(id),
                quote TEXT,
                note TEXT,
                origin TEXT,
                recorded_at TEXT NOT NULL,
                retracted_at TEXT,
                retracted_batch INTEGER,
                PRIMARY KEY (fact_id, recorded_batch))
            """,
            "CREATE INDEX facts_entity_metric ON facts (entity_id, metric_id)",
            "CREATE INDEX facts_current ON facts (retracted_at)",
            "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ]),
        (2, "imported datasets: origin of entities and aliases, dataset of facts, unresolved records", [
            "ALTER TABLE entities ADD COLUMN origin TEXT NOT NULL DEFAULT 'curated'",
            "ALTER TABLE entity_aliases ADD COLUMN origin TEXT NOT NULL DEFAULT 'curated'",
            "ALTER TABLE facts ADD COLUMN dataset TEXT",
            "CREATE INDEX facts_dataset ON facts (dataset, retracted_at)",
            """
            CREATE TABLE unresolved_records (
                dataset TEXT NOT NULL,
                version TEXT NOT NULL,
                record_key TEXT NOT NULL,
                model_name TEXT,
                provider TEXT,
                reason TEXT NOT NULL,
                batch INTEGER NOT NULL REFERENCES load_batches(id),
                PRIMARY KEY (dataset, record_key))
            """,
            """
            CREATE TABLE landed_records (
                dataset TEXT NOT NULL,
                version TEXT NOT NULL,
                record_key TEXT NOT NULL,
                entity_id TEXT NOT NULL REFERENCES entities(id),
                batch INTEGER NOT NULL REFERENCES load_batches(id),
                PRIMARY KEY (dataset, record_key))
            """,
        ]),
        (3, "the latest records of every dataset, resolved together on each import; the offering each record landed as", [
            """
            CREATE TABLE dataset_records (
                dataset TEXT NOT NULL,
                record_key TEXT NOT NULL,
                model_id TEXT NOT NULL,
                model_name TEXT,
                provider TEXT,
                organization TEXT,
                subject TEXT NOT NULL,
                location TEXT NOT NULL,
                PRIMARY KEY (dataset, record_key))
            """,
            "ALTER TABLE landed_records ADD COLUMN offering TEXT",
            "CREATE INDEX facts_origin ON facts (dataset, origin)",
        ]),
        (4, "how each metric's figures relate to time: stock, flow or property, and how long a stock's figure stands", [
            "ALTER TABLE metrics ADD COLUMN temporal_kind TEXT",
            "ALTER TABLE metrics ADD COLUMN stands TEXT",
        ]),
        (5, "how metrics relate: the metrics a metric is within, whether it is read at an instant, whether it sums over parts", [
            "ALTER TABLE metrics ADD COLUMN within TEXT",
            "ALTER TABLE metrics ADD COLUMN measured TEXT",
            "ALTER TABLE metrics ADD COLUMN additive INTEGER",
        ]),

        // Every query on facts is served by the primary key (fact id), facts_entity_metric or facts_origin, whose
        // first column is the dataset: facts_dataset (dataset, retracted_at) repeated that prefix, and facts_current
        // (retracted_at) only ever met "every current fact", which a scan of the table reads faster than the index
        // and a lookup per row. Each index is written on every fact inserted or retracted.
        (6, "facts indexed by id, by entity and metric, and by dataset and record only", [
            "DROP INDEX facts_current",
            "DROP INDEX facts_dataset",
        ]),
    ];

    public static int Latest => Steps[^1].Version;
}
