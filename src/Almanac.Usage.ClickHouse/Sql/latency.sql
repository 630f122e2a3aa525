-- usage latency: duration and time-to-first-token percentiles, error rate and the share of input
-- tokens read from cache, per model and provider, over the days {from} to {to} (both included).
-- Events standing for no call (cost lines) take no part. Percentiles interpolate linearly between
-- ranks exactly as the embedded engine's quantile_cont does (rank (n − 1) × q of the sorted values,
-- lo + (hi − lo) × fraction), so both give the same doubles; 18.16's quantileExact takes the value
-- at rank ⌊n × q⌋ instead, which is another number. An empty list of values gives NULL.
SELECT model, provider, requests,
       durations_q[1] AS duration_p50, durations_q[2] AS duration_p95, durations_q[3] AS duration_p99,
       ttfts_q[1] AS ttft_p50, ttfts_q[2] AS ttft_p95, ttfts_q[3] AS ttft_p99,
       if(requests = 0, 0, errors / requests) AS error_rate,
       if(input_tokens = 0, 0, cache_read_tokens / input_tokens) AS cache_share
FROM
(
    SELECT if(model_id != '', model_id, if(model_raw != '', model_raw, '(unknown)')) AS model,
           if(provider = '', '(unknown)', provider) AS provider,
           sum(requests) AS requests,
           sum(errors) AS errors,
           sum(input_tokens) AS input_tokens,
           sum(cache_read_tokens) AS cache_read_tokens,
           arraySort(groupArray(duration_ms)) AS durations,
           arraySort(groupArray(ttft_ms)) AS ttfts,
           arrayMap(q -> if(length(durations) = 0, NULL,
               durations[toUInt64(floor((length(durations) - 1) * q)) + 1]
               + (durations[toUInt64(ceil((length(durations) - 1) * q)) + 1] - durations[toUInt64(floor((length(durations) - 1) * q)) + 1])
                 * ((length(durations) - 1) * q - floor((length(durations) - 1) * q))), [0.5, 0.95, 0.99]) AS durations_q,
           arrayMap(q -> if(length(ttfts) = 0, NULL,
               ttfts[toUInt64(floor((length(ttfts) - 1) * q)) + 1]
               + (ttfts[toUInt64(ceil((length(ttfts) - 1) * q)) + 1] - ttfts[toUInt64(floor((length(ttfts) - 1) * q)) + 1])
                 * ((length(ttfts) - 1) * q - floor((length(ttfts) - 1) * q))), [0.5, 0.95, 0.99]) AS ttfts_q
    FROM usage_events
    WHERE day >= {from} AND day <= {to} AND requests > 0
    GROUP BY model, provider
)
ORDER BY requests DESC, model, provider
