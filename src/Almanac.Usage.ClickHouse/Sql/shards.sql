-- The shards of the cluster and each one's HTTP port (scripts/clickhouse.sh puts it in each
-- node's macros; the cluster description itself gives only the native port).
SELECT shard_num, host_address, port
FROM system.clusters
WHERE cluster = {cluster}
ORDER BY shard_num, replica_num
