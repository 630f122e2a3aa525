-- usage latency: duration and time-to-first-token percentiles, error rate and the share of input
-- tokens read from cache, per model and provider, over the days {from} to {to} (both included).
-- Events standing for no call (cost lines) take no part. Percentiles interpolate linearly between
-- ranks exactly as the embedded engine's quantile_cont does: of the n sorted values, rank
-- r = (n − 1) × q, lo + (hi − lo) × (r − ⌊r⌋), so both give the same doubles (18.16's quantileExact
-- takes the value at rank ⌊n × q⌋ instead, another number). No values give NULL.
-- Sums are named apart from the columns (calls, not requests), as an alias would replace the
-- column in WHERE. Each percentile is written out: 18.16 loses a subquery's column that only a
-- lambda names, so arrayMap over the levels cannot be used.
SELECT model, served_by AS provider, calls AS requests,
       if(length(durations) = 0, NULL, durations[toUInt64(floor(((length(durations) - 1) * 0.5))) + 1] + (durations[toUInt64(ceil(((length(durations) - 1) * 0.5))) + 1] - durations[toUInt64(floor(((length(durations) - 1) * 0.5))) + 1]) * (((length(durations) - 1) * 0.5) - floor(((length(durations) - 1) * 0.5)))) AS duration_p50,
       if(length(durations) = 0, NULL, durations[toUInt64(floor(((length(durations) - 1) * 0.95))) + 1] + (durations[toUInt64(ceil(((length(durations) - 1) * 0.95))) + 1] - durations[toUInt64(floor(((length(durations) - 1) * 0.95))) + 1]) * (((length(durations) - 1) * 0.95) - floor(((length(durations) - 1) * 0.95)))) AS duration_p95,
       if(length(durations) = 0, NULL, durations[toUInt64(floor(((length(durations) - 1) * 0.99))) + 1] + (durations[toUInt64(ceil(((length(durations) - 1) * 0.99))) + 1] - durations[toUInt64(floor(((length(durations) - 1) * 0.99))) + 1]) * (((length(durations) - 1) * 0.99) - floor(((length(durations) - 1) * 0.99)))) AS duration_p99,
       if(length(ttfts) = 0, NULL, ttfts[toUInt64(floor(((length(ttfts) - 1) * 0.5))) + 1] + (ttfts[toUInt64(ceil(((length(ttfts) - 1) * 0.5))) + 1] - ttfts[toUInt64(floor(((length(ttfts) - 1) * 0.5))) + 1]) * (((length(ttfts) - 1) * 0.5) - floor(((length(ttfts) - 1) * 0.5)))) AS ttft_p50,
       if(length(ttfts) = 0, NULL, ttfts[toUInt64(floor(((length(ttfts) - 1) * 0.95))) + 1] + (ttfts[toUInt64(ceil(((length(ttfts) - 1) * 0.95))) + 1] - ttfts[toUInt64(floor(((length(ttfts) - 1) * 0.95))) + 1]) * (((length(ttfts) - 1) * 0.95) - floor(((length(ttfts) - 1) * 0.95)))) AS ttft_p95,
       if(length(ttfts) = 0, NULL, ttfts[toUInt64(floor(((length(ttfts) - 1) * 0.99))) + 1] + (ttfts[toUInt64(ceil(((length(ttfts) - 1) * 0.99))) + 1] - ttfts[toUInt64(floor(((length(ttfts) - 1) * 0.99))) + 1]) * (((length(ttfts) - 1) * 0.99) - floor(((length(ttfts) - 1) * 0.99)))) AS ttft_p99,
       if(calls = 0, 0, failed / calls) AS error_rate,
       if(input = 0, 0, cached / input) AS cache_share
FROM
(
    SELECT if(model_id != '', model_id, if(model_raw != '', model_raw, '(unknown)')) AS model,
           if(provider = '', '(unknown)', provider) AS served_by,
           sum(requests) AS calls,
           sum(errors) AS failed,
           sum(input_tokens) AS input,
           sum(cache_read_tokens) AS cached,
           arraySort(groupArray(duration_ms)) AS durations,
           arraySort(groupArray(ttft_ms)) AS ttfts
    FROM usage_committed_events
    WHERE day >= {from} AND day <= {to} AND requests > 0
    GROUP BY model, served_by
)
ORDER BY calls DESC, model, served_by
