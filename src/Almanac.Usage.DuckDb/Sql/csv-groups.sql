-- The first read of a scanned CSV file (csv-typed.sql): its rows by model string, provider as written
-- and day (days since the Unix epoch), which is all the normalisation tables need: where each model
-- string lands, each provider's code, each model's prices on each day it was called, and the events and
-- calls of the strings that land on no model. Only these columns are typed, so the read is cheap.
SELECT model, provider, start_ms // 86400000 AS day, count(*) AS events, sum(requests)::BIGINT AS requests
FROM csv_typed
GROUP BY ALL;
