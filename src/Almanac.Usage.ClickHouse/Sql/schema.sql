-- The usage store on each shard of the cluster "almanac" (run on every node by the adapter:
-- ClickHouse 18.16 runs ON CLUSTER DDL only through ZooKeeper, which a loopback cluster lacks).
-- Columns are UsageEvent's in snake_case; times are Int64 UTC milliseconds (18.16 has no
-- DateTime64) and `day` is the event's UTC day, written by the adapter. `ingest_id` names the
-- ingest that wrote the row: its rows count only once that ingest is in usage_ingests. No key column is
-- Nullable (MergeTree keys cannot be). The sort key leads with the day so that a period's rows
-- and the ingest's look-up of a batch's ids by day range read only those days.
CREATE TABLE IF NOT EXISTS usage_events_local
(
    event_id String,
    day Date,
    start_ms Int64,
    duration_ms Nullable(Float64),
    ttft_ms Nullable(Float64),
    source String,
    model_raw String,
    model_id String,
    developer_id String,
    provider String,
    input_tokens Int64,
    output_tokens Int64,
    cache_read_tokens Int64,
    reasoning_tokens Int64,
    requests Int64,
    errors Int64,
    cost_logged Nullable(Float64),
    cost_listed Nullable(Float64),
    user_id String,
    team String,
    app String,
    tags String,
    ingest_id String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (day, developer_id, model_id, provider)
SETTINGS index_granularity = 8192;

-- Every node holds the same Distributed table over all shards, so any node answers a query.
-- Rows are placed by a hash of the event id: one id always lands on one shard.
CREATE TABLE IF NOT EXISTS usage_events AS usage_events_local
ENGINE = Distributed(almanac, currentDatabase(), usage_events_local, sipHash64(event_id));

-- The committed ingests: an ingest's rows become visible all at once when its one row lands here
-- (a single-row insert is atomic), after all of its events are stored. Rows of an ingest that
-- never got here (killed, cancelled, failed) stay invisible. '' stands for rows stored before
-- ingests had ids.
CREATE TABLE IF NOT EXISTS usage_ingests_local
(
    ingest_id String,
    committed_ms Int64
)
ENGINE = MergeTree
ORDER BY ingest_id;

CREATE TABLE IF NOT EXISTS usage_ingests AS usage_ingests_local
ENGINE = Distributed(almanac, currentDatabase(), usage_ingests_local, sipHash64(ingest_id));

-- What every analysis reads: the events of committed ingests. GLOBAL IN gathers the committed ids
-- once and sends them to each shard with the query.
CREATE VIEW IF NOT EXISTS usage_committed_events AS
SELECT * FROM usage_events WHERE ingest_id GLOBAL IN (SELECT ingest_id FROM usage_ingests);

-- Which version of this schema the node holds (one row per version applied).
CREATE TABLE IF NOT EXISTS usage_schema
(
    version UInt32,
    applied_ms Int64
)
ENGINE = TinyLog;
