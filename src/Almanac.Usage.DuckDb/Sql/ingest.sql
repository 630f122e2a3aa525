-- Keeps, of the staged events, the first of each event id that the store does not hold yet.
INSERT INTO events
SELECT * EXCLUDE (rank_in_ingest)
FROM (
    SELECT *, row_number() OVER (PARTITION BY event_id ORDER BY start_ms) AS rank_in_ingest
    FROM staging
) AS s
WHERE rank_in_ingest = 1
  AND NOT EXISTS (SELECT 1 FROM events AS e WHERE e.event_id = s.event_id);
