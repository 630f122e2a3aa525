-- Keeps, of a CSV file's staged rows, the new events, normalised: csv_landing holds where each distinct
-- model string lands (provider NULL when the string names none), csv_providers the code of each provider
-- as written, csv_prices each model's per-token list prices on each day (days since the Unix epoch).
-- The listed cost is UsageNormaliser's: uncached input, cache-read input (at the input price when no
-- cache-read price is listed) and output, each at its price, for events of a known model with tokens.
-- {first_of_each_id} keeps the first row of each id (left out when the file repeats none).
INSERT INTO events
SELECT s.id, s.start_ms, s.duration_ms, s.ttft_ms, 'csv', s.model,
       coalesce(l.model_id, ''), coalesce(l.developer_id, ''), coalesce(l.provider, p.code, ''),
       s.input_tokens, s.output_tokens, s.cache_read_tokens, s.reasoning_tokens, s.requests, s.errors,
       s.cost_logged,
       CASE WHEN l.model_id <> '' AND (s.input_tokens > 0 OR s.output_tokens > 0) AND pr.input IS NOT NULL THEN
           ((s.input_tokens - least(s.cache_read_tokens, s.input_tokens))::DECIMAL(18, 0) * pr.input
            + least(s.cache_read_tokens, s.input_tokens)::DECIMAL(18, 0) * coalesce(pr.cache_read, pr.input)
            + s.output_tokens::DECIMAL(18, 0) * pr.output)::DOUBLE
       END,
       s.user_id, s.team, s.app, s.tags
FROM {first_of_each_id} AS s
LEFT JOIN csv_landing AS l ON l.model_raw = s.model
LEFT JOIN csv_providers AS p ON p.written = s.provider
LEFT JOIN csv_prices AS pr ON pr.model_id = l.model_id AND pr.day = s.start_ms // 86400000
WHERE NOT EXISTS (SELECT 1 FROM events AS e WHERE e.event_id = s.id);
