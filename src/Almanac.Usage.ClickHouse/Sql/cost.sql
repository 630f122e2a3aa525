-- usage cost: cost as logged against cost at list prices per key, largest movers (listed − logged
-- over events that have both) first, over the days {from} to {to} (both included), at most
-- {row_limit} rows. {by} is team, user, tag, model or app; an empty one is '(none)' (an unresolved
-- model is its string as logged). By tag an event counts once for each of its tags.
SELECT key,
       sum(requests) AS requests,
       ifNull(sum(cost_logged), 0) AS logged,
       ifNull(sum(cost_listed), 0) AS listed,
       sumIf(assumeNotNull(cost_listed) - assumeNotNull(cost_logged), isNotNull(cost_logged) AND isNotNull(cost_listed)) AS difference,
       count(cost_logged) AS events_logged,
       count(cost_listed) AS events_listed
FROM usage_committed_events
ARRAY JOIN multiIf({by} = 'tag', if(tags = '', ['(none)'], splitByChar(',', tags)),
                   {by} = 'team', [if(team = '', '(none)', team)],
                   {by} = 'user', [if(user_id = '', '(none)', user_id)],
                   {by} = 'app', [if(app = '', '(none)', app)],
                   [if(model_id != '', model_id, if(model_raw != '', model_raw, '(unknown)'))]) AS key
WHERE day >= {from} AND day <= {to}
GROUP BY key
ORDER BY abs(difference) DESC, logged + listed DESC, key
LIMIT {row_limit}
