-- The usage store: one row per normalised event (the fields of UsageEvent), times in UTC milliseconds.
-- usage_meta.schema_version says which layout a file has; a file of a newer layout is not opened.
CREATE TABLE IF NOT EXISTS usage_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR NOT NULL,
    start_ms BIGINT NOT NULL,
    duration_ms DOUBLE,
    ttft_ms DOUBLE,
    source VARCHAR NOT NULL,
    model_raw VARCHAR NOT NULL,
    model_id VARCHAR NOT NULL,
    developer_id VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    input_tokens BIGINT NOT NULL,
    output_tokens BIGINT NOT NULL,
    cache_read_tokens BIGINT NOT NULL,
    reasoning_tokens BIGINT NOT NULL,
    requests BIGINT NOT NULL,
    errors BIGINT NOT NULL,
    cost_logged DOUBLE,
    cost_listed DOUBLE,
    user_id VARCHAR NOT NULL,
    team VARCHAR NOT NULL,
    app VARCHAR NOT NULL,
    tags VARCHAR NOT NULL
);
INSERT INTO usage_meta VALUES ('schema_version', '1') ON CONFLICT DO NOTHING;
