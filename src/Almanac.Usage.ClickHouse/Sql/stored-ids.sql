-- Which of a batch's event ids (the external table batch_ids) are already stored. The day range
-- of the batch lets each shard read only those days' event_id column. Only committed ingests'
-- rows count, and the rows of this ingest's earlier batches ({ingest}), not yet committed.
SELECT event_id
FROM usage_events
WHERE day >= {first_day} AND day <= {last_day} AND event_id IN batch_ids
  AND (ingest_id = {ingest} OR ingest_id GLOBAL IN (SELECT ingest_id FROM usage_ingests))
