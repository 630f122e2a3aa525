-- Every stored event with the columns of UsageEvent, for the Parquet export (which orders them).
SELECT event_id, start_ms, duration_ms, ttft_ms, source, model_raw, model_id, developer_id, provider,
       input_tokens, output_tokens, cache_read_tokens, reasoning_tokens, requests, errors,
       cost_logged, cost_listed, user_id, team, app, tags
FROM usage_committed_events
