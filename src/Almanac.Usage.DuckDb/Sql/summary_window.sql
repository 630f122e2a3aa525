-- What a window of the store holds: events, calls, and the first and last event's time.
SELECT count(*) AS events, coalesce(sum(requests), 0)::BIGINT AS requests, min(start_ms) AS first_ms, max(start_ms) AS last_ms
FROM events
WHERE start_ms >= $from_ms AND start_ms < $to_ms;
