-- A mapped CSV file read by DuckDB's own scanner, every cell as text, then typed as MappedReader types it,
-- as a view the ingest reads twice (once for the model strings and days, once for the insert), so the
-- file is never copied into a table of its own. {read} is the read_csv call; each {cell:field}
-- placeholder is the field's text: the first of its columns with a value, trimmed ('' when none). A row
-- the reader would not take whole (no id, a time or number that does not parse, a negative count, an end
-- before the start) has bad = true, and then the file is left to the reader, which reports it by line.
-- Each step is its own SELECT so that every cell is cast once: a macro's argument is copied wherever
-- the macro names it, and DuckDB evaluates each copy.

-- trim() with a list of characters costs about ten times a comparison, and almost no cell needs it:
-- only cells that start or end with a space or hold a tab or line break are trimmed.
CREATE OR REPLACE TEMP MACRO usage_trim(t) AS
    CASE WHEN t LIKE ' %' OR t LIKE '% ' OR contains(t, chr(9)) OR contains(t, chr(10)) OR contains(t, chr(13))
         THEN trim(t, ' ' || chr(9) || chr(10) || chr(13)) ELSE t END;
CREATE OR REPLACE TEMP MACRO usage_text_number(t) AS
    CASE WHEN t = '' THEN NULL ELSE try_cast(t AS DOUBLE) END;
-- Epoch numbers are told apart by size (UsageTime.FromEpochNumber): seconds, milliseconds, microseconds, nanoseconds.
CREATE OR REPLACE TEMP MACRO usage_epoch_ms(n) AS
    CASE WHEN n IS NULL OR NOT isfinite(n) OR n < 0 THEN NULL
         WHEN n < 1e11 THEN n * 1000 WHEN n < 1e14 THEN n WHEN n < 1e17 THEN n / 1000 ELSE n / 1e6 END;
CREATE OR REPLACE TEMP MACRO usage_time_ms(t, n) AS
    CASE WHEN t = '' THEN NULL
         WHEN n IS NOT NULL THEN usage_epoch_ms(n)
         ELSE epoch_us(try_cast(t AS TIMESTAMPTZ)) / 1000.0 END;
CREATE OR REPLACE TEMP MACRO usage_whole(t, absent) AS
    CASE WHEN t = '' THEN absent ELSE try_cast(t AS BIGINT) END;
CREATE OR REPLACE TEMP VIEW csv_typed AS
WITH cells AS (
    SELECT {cell:id} AS id, {cell:time} AS time_text, {cell:end} AS end_text, {cell:duration_ms} AS duration_text,
           {cell:ttft_ms} AS ttft_text, {cell:model} AS model, {cell:provider} AS provider,
           {cell:input_tokens} AS input_text, {cell:output_tokens} AS output_text, {cell:cache_read_tokens} AS cache_text,
           {cell:reasoning_tokens} AS reasoning_text, {cell:requests} AS requests_text, {cell:errors} AS errors_text,
           {cell:status} AS status, {cell:cost} AS cost_text, {cell:user} AS user_id, {cell:team} AS team, {cell:app} AS app,
           {cell:tags} AS tags_text
    FROM {read}
), numbers AS (
    SELECT *,
           usage_text_number(time_text) AS time_number,
           usage_text_number(end_text) AS end_number,
           usage_text_number(duration_text) AS duration_number,
           usage_text_number(ttft_text) AS ttft_ms,
           usage_text_number(cost_text) AS cost_logged,
           usage_whole(input_text, 0) AS input_tokens,
           usage_whole(output_text, 0) AS output_tokens,
           usage_whole(cache_text, 0) AS cache_read_tokens,
           usage_whole(reasoning_text, 0) AS reasoning_tokens,
           usage_whole(requests_text, 1) AS requests,
           usage_whole(errors_text, 0) AS logged_errors
    FROM cells
), times AS (
    SELECT *,
           usage_time_ms(time_text, time_number) AS time_ms,
           usage_time_ms(end_text, end_number) AS end_ms
    FROM numbers
), typed AS (
    SELECT *, coalesce(duration_number, end_ms - time_ms) AS duration_ms
    FROM times
)
SELECT id,
       floor(time_ms)::BIGINT AS start_ms,
       duration_ms,
       ttft_ms,
       model,
       provider,
       input_tokens, output_tokens, cache_read_tokens, reasoning_tokens, requests,
       CASE WHEN status = '' OR lower(status) IN ('ok', 'success') OR regexp_full_match(status, '2[0-9][0-9]') THEN logged_errors
            ELSE greatest(logged_errors, 1) END AS errors,
       cost_logged,
       user_id, team, app,
       CASE WHEN tags_text = '' THEN ''
            WHEN NOT contains(tags_text, ',') THEN tags_text
            ELSE array_to_string(list_sort(list_distinct(list_filter(list_transform(string_split(tags_text, ','), x -> trim(x)), x -> x <> ''))), ',') END AS tags,
       (id = '' OR time_ms IS NULL OR model = ''
        OR (end_text <> '' AND end_ms IS NULL) OR (duration_text <> '' AND duration_number IS NULL)
        OR (ttft_text <> '' AND (ttft_ms IS NULL OR NOT isfinite(ttft_ms))) OR (cost_text <> '' AND (cost_logged IS NULL OR NOT isfinite(cost_logged)))
        OR (duration_text <> '' AND NOT isfinite(duration_number))
        OR duration_ms < 0
        OR input_tokens IS NULL OR input_tokens < 0 OR output_tokens IS NULL OR output_tokens < 0
        OR cache_read_tokens IS NULL OR cache_read_tokens < 0 OR reasoning_tokens IS NULL OR reasoning_tokens < 0
        OR requests IS NULL OR requests < 0 OR logged_errors IS NULL OR logged_errors < 0) AS bad
FROM typed;
