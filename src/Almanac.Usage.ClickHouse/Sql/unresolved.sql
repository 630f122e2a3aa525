-- Stored model strings that landed on no model, most events first.
SELECT model_raw, count() AS events, sum(requests) AS requests
FROM usage_committed_events
WHERE model_id = '' AND model_raw != ''
GROUP BY model_raw
ORDER BY events DESC, model_raw
