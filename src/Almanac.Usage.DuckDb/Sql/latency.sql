-- usage latency: duration and time-to-first-token percentiles (linear interpolation), error rate and
-- the share of input tokens read from cache, per model and provider. Events standing for no call
-- (cost lines) take no part.
SELECT coalesce(nullif(model_id, ''), nullif(model_raw, ''), '(unknown)') AS model,
       coalesce(nullif(provider, ''), '(unknown)') AS provider,
       sum(requests)::BIGINT AS requests,
       quantile_cont(duration_ms, 0.5) AS duration_p50,
       quantile_cont(duration_ms, 0.95) AS duration_p95,
       quantile_cont(duration_ms, 0.99) AS duration_p99,
       quantile_cont(ttft_ms, 0.5) AS ttft_p50,
       quantile_cont(ttft_ms, 0.95) AS ttft_p95,
       quantile_cont(ttft_ms, 0.99) AS ttft_p99,
       CASE WHEN sum(requests) = 0 THEN 0 ELSE sum(errors)::DOUBLE / sum(requests)::DOUBLE END AS error_rate,
       CASE WHEN sum(input_tokens) = 0 THEN 0 ELSE sum(cache_read_tokens)::DOUBLE / sum(input_tokens)::DOUBLE END AS cache_share
FROM events
WHERE start_ms >= $from_ms AND start_ms < $to_ms AND requests > 0
GROUP BY ALL
ORDER BY requests DESC, model, provider;
