-- usage adoption, with the embedded engine's semantics: for each release of {releases}, an array of
-- (model_id, developer_id, release_day in days since 1970-01-01) from the catalogue, the
-- day of its first call and its share of its developer's traffic on the days 7, 30 and 90 after
-- release. A share is NULL where that day lies outside the logged days (first to last event) or the
-- developer had no traffic on it. {basis} is tokens, requests, spend, spendlogged or spendlisted.
-- 18.16 fills a LEFT JOIN's unmatched columns with defaults, not NULL, and its aggregates drop
-- NULL, so a flag (used, known) says whether a value is there and NULL is put in at the end. The
-- events subqueries read only the releases' models, developers and days. The releases travel as a
-- literal in the statement (a few hundred at most), not as external data, so the statement goes
-- as a plain request body rather than in the URL beside a multipart body.
SELECT model_id, developer_id, release_day,
       if(used = 1, first_day, NULL) AS first_day,
       share_7, share_30, share_90
FROM
(
    SELECT model_id, developer_id, release_day, used, first_day
    FROM (SELECT release.1 AS model_id, release.2 AS developer_id, toInt64(release.3) AS release_day FROM system.one ARRAY JOIN {releases} AS release)
    ANY LEFT JOIN
    (
        SELECT model_id, toUInt8(1) AS used, intDiv(min(start_ms), 86400000) AS first_day
        FROM usage_committed_events
        WHERE requests > 0 AND model_id IN (SELECT release.1 FROM system.one ARRAY JOIN {releases} AS release)
        GROUP BY model_id
    ) USING (model_id)
)
ANY LEFT JOIN
(
    SELECT model_id,
           if(maxIf(known, after_days = 7) = 1, maxIf(share, after_days = 7), NULL) AS share_7,
           if(maxIf(known, after_days = 30) = 1, maxIf(share, after_days = 30), NULL) AS share_30,
           if(maxIf(known, after_days = 90) = 1, maxIf(share, after_days = 90), NULL) AS share_90
    FROM
    (
        SELECT model_id, after_days,
               day >= (SELECT intDiv(min(start_ms), 86400000) FROM usage_committed_events)
                   AND day <= (SELECT intDiv(max(start_ms), 86400000) FROM usage_committed_events)
                   AND developer_value > 0 AS known,
               if(known, model_value / developer_value, 0) AS share
        FROM
        (
            SELECT model_id, developer_id, after_days, day, developer_value
            FROM
            (
                SELECT model_id, developer_id, after_days, release_day + after_days AS day
                FROM (SELECT release.1 AS model_id, release.2 AS developer_id, toInt64(release.3) AS release_day FROM system.one ARRAY JOIN {releases} AS release)
                ARRAY JOIN [7, 30, 90] AS after_days
            )
            ANY LEFT JOIN
            (
                SELECT developer_id, intDiv(start_ms, 86400000) AS day, multiIf({basis} = 'tokens', toFloat64(sum(input_tokens + output_tokens)),
                        {basis} = 'requests', toFloat64(sum(requests)),
                        {basis} = 'spend', sum(ifNull(cost_logged, ifNull(cost_listed, 0))),
                        {basis} = 'spendlogged', sum(ifNull(cost_logged, 0)),
                        sum(ifNull(cost_listed, 0))) AS developer_value
                FROM usage_committed_events
                WHERE developer_id IN (SELECT release.2 FROM system.one ARRAY JOIN {releases} AS release)
                  AND intDiv(start_ms, 86400000) IN (SELECT toInt64(release.3) + arrayJoin([7, 30, 90]) FROM system.one ARRAY JOIN {releases} AS release)
                GROUP BY developer_id, day
            ) USING (developer_id, day)
        )
        ANY LEFT JOIN
        (
            SELECT developer_id, model_id, intDiv(start_ms, 86400000) AS day, multiIf({basis} = 'tokens', toFloat64(sum(input_tokens + output_tokens)),
                    {basis} = 'requests', toFloat64(sum(requests)),
                    {basis} = 'spend', sum(ifNull(cost_logged, ifNull(cost_listed, 0))),
                    {basis} = 'spendlogged', sum(ifNull(cost_logged, 0)),
                    sum(ifNull(cost_listed, 0))) AS model_value
            FROM usage_committed_events
            WHERE model_id IN (SELECT release.1 FROM system.one ARRAY JOIN {releases} AS release)
              AND intDiv(start_ms, 86400000) IN (SELECT toInt64(release.3) + arrayJoin([7, 30, 90]) FROM system.one ARRAY JOIN {releases} AS release)
            GROUP BY developer_id, model_id, day
        ) USING (developer_id, model_id, day)
    )
    GROUP BY model_id
) USING (model_id)
ORDER BY release_day, model_id
