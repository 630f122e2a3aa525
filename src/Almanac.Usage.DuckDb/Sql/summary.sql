SELECT count(*) AS events, coalesce(sum(requests), 0)::BIGINT AS requests, min(start_ms) AS first_ms, max(start_ms) AS last_ms
FROM events;
