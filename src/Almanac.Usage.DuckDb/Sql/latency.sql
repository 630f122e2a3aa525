-- usage latency: duration and time-to-first-token percentiles (linear interpolation), error rate and
-- the share of input tokens read from cache, per model and provider. Events standing for no call
-- (cost lines) take no part. Each column's three percentiles are one quantile_cont call with a list of
-- quantiles, which gathers and sorts the group's values once rather than three times.
SELECT model, provider, requests,
       duration[1] AS duration_p50, duration[2] AS duration_p95, duration[3] AS duration_p99,
       ttft[1] AS ttft_p50, ttft[2] AS ttft_p95, ttft[3] AS ttft_p99,
       error_rate, cache_share
FROM (
    SELECT coalesce(nullif(model_id, ''), nullif(model_raw, ''), '(unknown)') AS model,
           coalesce(nullif(provider, ''), '(unknown)') AS provider,
           sum(requests)::BIGINT AS requests,
           quantile_cont(duration_ms, [0.5, 0.95, 0.99]) AS duration,
           quantile_cont(ttft_ms, [0.5, 0.95, 0.99]) AS ttft,
           CASE WHEN sum(requests) = 0 THEN 0 ELSE sum(errors)::DOUBLE / sum(requests)::DOUBLE END AS error_rate,
           CASE WHEN sum(input_tokens) = 0 THEN 0 ELSE sum(cache_read_tokens)::DOUBLE / sum(input_tokens)::DOUBLE END AS cache_share
    FROM events
    WHERE start_ms >= $from_ms AND start_ms < $to_ms AND requests > 0
    GROUP BY ALL
)
ORDER BY requests DESC, model, provider;
