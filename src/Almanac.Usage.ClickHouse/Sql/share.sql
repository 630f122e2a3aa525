-- Share by developer, provider or model of tokens (input + output), requests or spend (the cost
-- as logged; a call without one counts 0) per day, week (starting Monday) or month, UTC: rows
-- (period, key, value, share) with the period as its first day and share = value / the period's
-- total (0 when the total is 0). Key is the stored id as is; an empty one (unresolved model,
-- unknown developer) is its own key. Ordered by period, then value descending, then key.
-- 18.16 has no window functions: each period's keys are gathered in one array with the period's
-- total and unrolled again, in one pass over the events.
SELECT period, pair.1 AS key, pair.2 AS value, if(total = 0, 0, value / total) AS share
FROM
(
    SELECT period, groupArray((key, value)) AS pairs, sum(value) AS total
    FROM
    (
        SELECT
            multiIf({period} = 'day', day, {period} = 'week', toMonday(day), toStartOfMonth(day)) AS period,
            multiIf({by} = 'developer', developer_id, {by} = 'provider', provider, model_id) AS key,
            sum(multiIf({basis} = 'tokens', toFloat64(input_tokens + output_tokens),
                        {basis} = 'requests', toFloat64(requests),
                        ifNull(cost_logged, 0))) AS value
        FROM usage_events
        WHERE day >= {from} AND day <= {to}
        GROUP BY period, key
    )
    GROUP BY period
)
ARRAY JOIN pairs AS pair
ORDER BY period, value DESC, key
