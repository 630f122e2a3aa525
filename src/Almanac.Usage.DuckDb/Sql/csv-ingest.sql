-- Inserts, in one pass over the file (csv_typed), its new events, normalised: csv_landing holds where
-- each distinct model string lands (provider NULL when the string names none), csv_providers the code
-- of each provider as written, csv_prices each model's per-token list prices on each day (days since
-- the Unix epoch). The listed cost is UsageNormaliser's: uncached input, cache-read input (at the input
-- price when no cache-read price is listed) and output, each at its price, for events of a known model
-- with tokens, in doubles (prices per token): DECIMAL products cost more than the rest of the insert
-- together, and doubles agree with the normaliser's decimal arithmetic to about 1e-16 of the cost.
-- A bad row raises the error usage_csv_bad_row (checked before the anti-join and before repeated ids
-- are dropped, so a bad row already stored or repeated is caught too), and the ingest leaves the file
-- to the line reader. {first_of_each_id} is the QUALIFY clause keeping the first row of each id, empty
-- when the file repeats none.
INSERT INTO events
SELECT s.id, s.start_ms, s.duration_ms, s.ttft_ms, 'csv', s.model,
       coalesce(l.model_id, ''), coalesce(l.developer_id, ''), coalesce(l.provider, p.code, ''),
       s.input_tokens, s.output_tokens, s.cache_read_tokens, s.reasoning_tokens, s.requests, s.errors,
       s.cost_logged,
       CASE WHEN l.model_id <> '' AND (s.input_tokens > 0 OR s.output_tokens > 0) AND pr.input IS NOT NULL THEN
           (s.input_tokens - least(s.cache_read_tokens, s.input_tokens)) * pr.input
           + least(s.cache_read_tokens, s.input_tokens) * coalesce(pr.cache_read, pr.input)
           + s.output_tokens * pr.output
       END,
       s.user_id, s.team, s.app, s.tags
FROM (SELECT * FROM (SELECT * EXCLUDE (id, bad), CASE WHEN bad THEN error('usage_csv_bad_row') ELSE id END AS id FROM csv_typed) {first_of_each_id}) AS s
LEFT JOIN csv_landing AS l ON l.model_raw = s.model
LEFT JOIN csv_providers AS p ON p.written = s.provider
LEFT JOIN csv_prices AS pr ON pr.model_id = l.model_id AND pr.day = s.start_ms // 86400000
WHERE NOT EXISTS (SELECT 1 FROM events AS e WHERE e.event_id = s.id);
