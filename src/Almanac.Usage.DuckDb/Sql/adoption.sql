-- usage adoption: for each release of adoption_releases (model_id, developer_id, release_day in days
-- since 1970-01-01, filled by the caller from the catalogue), the day of its first call and its share of
-- its developer's traffic on the days 7, 30 and 90 after release. A share is null where the day lies
-- outside the logged days or the developer had no traffic on it. {value} is the basis's expression.
WITH logged AS (
    SELECT min(start_ms) // 86400000 AS first_day, max(start_ms) // 86400000 AS last_day FROM events
),
first_use AS (
    SELECT r.model_id, min(e.start_ms) // 86400000 AS first_day
    FROM adoption_releases r JOIN events e ON e.model_id = r.model_id
    WHERE e.requests > 0
    GROUP BY r.model_id
),
points AS (
    SELECT r.model_id, r.developer_id, o.after_days, r.release_day + o.after_days AS day
    FROM adoption_releases r CROSS JOIN (VALUES (7), (30), (90)) AS o(after_days)
),
traffic AS (
    SELECT p.model_id, p.after_days,
           sum(CASE WHEN e.model_id = p.model_id THEN {value} ELSE 0 END)::DOUBLE AS model_value,
           sum({value})::DOUBLE AS developer_value
    FROM points p JOIN events e ON e.developer_id = p.developer_id AND e.start_ms // 86400000 = p.day
    GROUP BY p.model_id, p.after_days
),
shares AS (
    SELECT p.model_id, p.after_days,
           CASE WHEN p.day BETWEEN l.first_day AND l.last_day AND t.developer_value > 0 THEN t.model_value / t.developer_value END AS share
    FROM points p CROSS JOIN logged l LEFT JOIN traffic t ON t.model_id = p.model_id AND t.after_days = p.after_days
)
SELECT r.model_id, r.developer_id, r.release_day, f.first_day,
       max(s.share) FILTER (WHERE s.after_days = 7) AS share_7,
       max(s.share) FILTER (WHERE s.after_days = 30) AS share_30,
       max(s.share) FILTER (WHERE s.after_days = 90) AS share_90
FROM adoption_releases r
LEFT JOIN first_use f ON f.model_id = r.model_id
LEFT JOIN shares s ON s.model_id = r.model_id
GROUP BY r.model_id, r.developer_id, r.release_day, f.first_day
ORDER BY r.release_day, r.model_id;
