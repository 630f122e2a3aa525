-- usage switching: each subject's main model (most tokens, ties to the first model key) per period,
-- against its main model in the next period, over subjects active in both: stayed on the model, moved
-- to another model of the same developer, or switched developer, counted per developer → developer.
-- {subject} is the subject's column, {period} the date_trunc part, {period_format} how periods are written.
WITH per AS (
    SELECT {subject} AS subject,
           date_trunc('{period}', make_timestamp(start_ms * 1000)) AS period_start,
           coalesce(nullif(model_id, ''), nullif(model_raw, ''), '(unknown)') AS model,
           coalesce(nullif(developer_id, ''), '(unknown)') AS developer,
           sum(input_tokens + output_tokens) AS tokens
    FROM events
    WHERE start_ms >= $from_ms AND start_ms < $to_ms AND requests > 0 AND {subject} <> ''
    GROUP BY ALL
),
main AS (
    SELECT subject, period_start, model, developer
    FROM per
    QUALIFY row_number() OVER (PARTITION BY subject, period_start ORDER BY tokens DESC, model) = 1
)
SELECT strftime(a.period_start, '{period_format}') AS from_period,
       strftime(b.period_start, '{period_format}') AS to_period,
       a.developer AS from_developer,
       b.developer AS to_developer,
       count(*) FILTER (WHERE a.model = b.model) AS stayed,
       count(*) FILTER (WHERE a.model <> b.model AND a.developer = b.developer) AS moved,
       count(*) FILTER (WHERE a.developer <> b.developer) AS switched
FROM main a JOIN main b ON b.subject = a.subject AND b.period_start = a.period_start + INTERVAL '1 {period}'
GROUP BY a.period_start, b.period_start, a.developer, b.developer
ORDER BY a.period_start, from_developer, to_developer;
