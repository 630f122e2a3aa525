-- usage switching, with the embedded engine's semantics: each subject's main model (most tokens,
-- ties to the first model key in byte order) per period, against its main model in the next period,
-- over subjects active in both: stayed on the model, moved to another model of the same developer,
-- or switched developer, counted per developer → developer. {by} is user, app or team, {period}
-- day, week (from Monday) or month, {from} and {to} the first and last day (both included).
-- 18.16 has no window functions: ORDER BY … LIMIT 1 BY keeps each subject's first row per period,
-- run over the merged sums (the subquery), never per shard. The next period's main models are the
-- same rows again, keyed by their period's start, joined to the period before.
SELECT if({period} = 'month', formatDateTime(period_start, '%Y-%m'), toString(period_start)) AS from_period,
       if({period} = 'month', formatDateTime(next_start, '%Y-%m'), toString(next_start)) AS to_period,
       developer AS from_developer,
       next_developer AS to_developer,
       countIf(model = next_model) AS stayed,
       countIf(model != next_model AND developer = next_developer) AS moved,
       countIf(developer != next_developer) AS switched
FROM
(
    SELECT subject, period_start, multiIf({period} = 'day', period_start + 1, {period} = 'week', period_start + 7, addMonths(period_start, 1)) AS next_start, model, developer
    FROM
    (
        SELECT multiIf({by} = 'user', user_id, {by} = 'app', app, team) AS subject,
               multiIf({period} = 'day', day, {period} = 'week', toMonday(day), toStartOfMonth(day)) AS period_start,
               if(model_id != '', model_id, if(model_raw != '', model_raw, '(unknown)')) AS model,
               if(developer_id = '', '(unknown)', developer_id) AS developer,
               sum(input_tokens + output_tokens) AS tokens
        FROM usage_committed_events
        WHERE day >= {from} AND day <= {to} AND requests > 0 AND subject != ''
        GROUP BY subject, period_start, model, developer
    )
    ORDER BY subject, period_start, tokens DESC, model, developer
    LIMIT 1 BY subject, period_start
)
ALL INNER JOIN
(
    SELECT subject, period_start AS next_start, model AS next_model, developer AS next_developer
    FROM
    (
        SELECT multiIf({by} = 'user', user_id, {by} = 'app', app, team) AS subject,
               multiIf({period} = 'day', day, {period} = 'week', toMonday(day), toStartOfMonth(day)) AS period_start,
               if(model_id != '', model_id, if(model_raw != '', model_raw, '(unknown)')) AS model,
               if(developer_id = '', '(unknown)', developer_id) AS developer,
               sum(input_tokens + output_tokens) AS tokens
        FROM usage_committed_events
        WHERE day >= {from} AND day <= {to} AND requests > 0 AND subject != ''
        GROUP BY subject, period_start, model, developer
    )
    ORDER BY subject, period_start, tokens DESC, model, developer
    LIMIT 1 BY subject, period_start
) USING (subject, next_start)
GROUP BY period_start, next_start, from_developer, to_developer
ORDER BY period_start, from_developer, to_developer
