-- {path} is the output file as a quoted SQL string literal.
COPY (SELECT * FROM events ORDER BY start_ms, event_id) TO {path} (FORMAT parquet);
