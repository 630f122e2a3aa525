-- Bounds the memory an ingest or analysis takes: beyond this DuckDB spills to the temporary folder beside
-- the store file (<store>.tmp), so a file of any size ingests in bounded memory. Inserts need not keep
-- the input's order (every analysis and the export sort), which lets them stream without buffering.
SET memory_limit = '1GB';
SET preserve_insertion_order = false;
