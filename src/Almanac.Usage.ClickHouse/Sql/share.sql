-- usage share: each key's value per period and its part of the period's total, with the embedded
-- engine's semantics (docs/usage.md, "Semantics both engines share"): {by} is developer, provider or
-- model, {basis} tokens, requests, spend, spendlogged or spendlisted, {period} day, week or month,
-- {from} and {to} the first and last day (both included). An empty developer or provider is
-- '(unknown)'; an unresolved model is its string as logged. Keys whose value is 0 are left out.
-- 18.16 has no window functions: each period's keys are gathered in one array with the period's
-- total and unrolled again, in one pass over the events.
SELECT if({period} = 'month', formatDateTime(period_start, '%Y-%m'), toString(period_start)) AS period,
       pair.1 AS key,
       pair.2 AS value,
       value / total AS share
FROM
(
    SELECT period_start, groupArray((key, value)) AS pairs, sum(value) AS total
    FROM
    (
        SELECT
            multiIf({period} = 'day', day, {period} = 'week', toMonday(day), toStartOfMonth(day)) AS period_start,
            multiIf({by} = 'developer', if(developer_id = '', '(unknown)', developer_id),
                    {by} = 'provider', if(provider = '', '(unknown)', provider),
                    model_id != '', model_id,
                    model_raw != '', model_raw,
                    '(unknown)') AS key,
            multiIf({basis} = 'tokens', toFloat64(sum(input_tokens + output_tokens)),
                    {basis} = 'requests', toFloat64(sum(requests)),
                    {basis} = 'spend', sum(ifNull(cost_logged, ifNull(cost_listed, 0))),
                    {basis} = 'spendlogged', sum(ifNull(cost_logged, 0)),
                    sum(ifNull(cost_listed, 0))) AS value
        FROM usage_committed_events
        WHERE day >= {from} AND day <= {to}
        GROUP BY period_start, key
        HAVING value != 0
    )
    GROUP BY period_start
)
ARRAY JOIN pairs AS pair
ORDER BY period_start, value DESC, key
