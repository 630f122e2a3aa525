-- What a window of the store holds ({from} and {to} the first and last day, both included): events,
-- calls, and the first and last start (NULL when the window is empty, as min and max over no rows give
-- 0 in ClickHouse).
SELECT count() AS events,
       sum(requests) AS requests,
       if(count() = 0, NULL, min(start_ms)) AS first_ms,
       if(count() = 0, NULL, max(start_ms)) AS last_ms
FROM usage_committed_events
WHERE day >= {from} AND day <= {to}
