-- The releases an adoption query reads, filled by the appender for one query and dropped after it.
CREATE OR REPLACE TEMP TABLE adoption_releases (model_id VARCHAR NOT NULL, developer_id VARCHAR NOT NULL, release_day BIGINT NOT NULL);
