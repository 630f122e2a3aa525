-- usage share: each key's value per period and its part of the period's total.
-- {period} is the date_trunc part (day, week, month), {key} and {value} the dimension's and basis's
-- column expressions (fixed by the query, never user text).
WITH per AS (
    SELECT date_trunc('{period}', make_timestamp(start_ms * 1000)) AS period_start,
           {key} AS key,
           sum({value})::DOUBLE AS value
    FROM events
    WHERE start_ms >= $from_ms AND start_ms < $to_ms
    GROUP BY ALL
    HAVING sum({value}) <> 0
)
SELECT strftime(period_start, '{period_format}') AS period,
       key,
       value,
       value / sum(value) OVER (PARTITION BY period_start) AS share
FROM per
ORDER BY period_start, value DESC, key;
