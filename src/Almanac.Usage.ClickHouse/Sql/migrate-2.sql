-- From schema version 1: rows gain the ingest that wrote them (''; committed as legacy rows by the
-- adapter), then schema.sql adds the ingests tables and the view.
ALTER TABLE usage_events_local ADD COLUMN ingest_id String;

ALTER TABLE usage_events ADD COLUMN ingest_id String;
