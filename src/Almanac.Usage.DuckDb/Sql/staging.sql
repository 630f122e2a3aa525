-- An ingest appends into this table first, inside the ingest's transaction, then keeps only the new events.
CREATE OR REPLACE TEMP TABLE staging AS SELECT * FROM events LIMIT 0;
