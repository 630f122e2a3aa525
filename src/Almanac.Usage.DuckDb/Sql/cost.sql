-- usage cost: cost as logged against cost at list prices per key, largest movers (listed − logged over
-- events that have both) first. {key} is the dimension's expression, {rows} the events, unnested by tag
-- when costs are broken down by tag (an event with two tags counts for each).
SELECT {key} AS key,
       sum(requests)::BIGINT AS requests,
       coalesce(sum(cost_logged), 0)::DOUBLE AS logged,
       coalesce(sum(cost_listed), 0)::DOUBLE AS listed,
       coalesce(sum(CASE WHEN cost_logged IS NOT NULL AND cost_listed IS NOT NULL THEN cost_listed - cost_logged END), 0)::DOUBLE AS difference,
       count(cost_logged) AS events_logged,
       count(cost_listed) AS events_listed
FROM {rows}
WHERE start_ms >= $from_ms AND start_ms < $to_ms
GROUP BY ALL
ORDER BY abs(difference) DESC, logged + listed DESC, key
LIMIT $row_limit;
