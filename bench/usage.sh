#!/usr/bin/env bash
# Usage-log analytics at scale, side by side in one run (Release build):
#   - generating N events as CSV (almanac usage generate), the events per second;
#   - ingesting them (almanac usage ingest) against a bare DuckDB connection reading the same CSV
#     with read_csv into a table: wall and CPU time, events per second, peak memory of each process;
#   - monthly share by developer, latency by model and the switching matrix through the engine
#     against the same questions hand-written in DuckDB SQL over the same store (target within 1.5x),
#     the hand-written switching checked against the generator's truth;
#   - with ALMANAC_BENCH_CLICKHOUSE naming a cluster: its ingest against ClickHouse reading the same
#     CSV into a plain table, and the analyses against the same questions hand-written for it.
# ALMANAC_BENCH_USAGE_EVENTS sets N (default 100000000; the CSV is about 113 bytes an event).
# ALMANAC_BENCH_USAGE_DIR keeps the files in that folder (default a temporary folder, removed after).
set -euo pipefail
cd "$(dirname "$0")/.."
events="${ALMANAC_BENCH_USAGE_EVENTS:-100000000}"
if [ -n "${ALMANAC_BENCH_USAGE_DIR:-}" ]; then
  work="$ALMANAC_BENCH_USAGE_DIR"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
rm -f "$work"/usage.csv* "$work"/*.duckdb "$work"/*.duckdb.wal

echo "== usage bench: $events events"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) memory, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build src/Almanac.Cli -c Release -v q -nologo 2>&1 | grep -E " error " || true
dotnet build bench/Almanac.Bench -c Release -v q -nologo 2>&1 | grep -E " error " || true
almanac=src/Almanac.Cli/bin/Release/net10.0/almanac
bench=bench/Almanac.Bench/bin/Release/net10.0/Almanac.Bench

# timed LABEL COMMAND…: runs it under /usr/bin/time, its output to $work/out.txt and $work/err.txt;
# prints and sets wall, cpu (user + system) and rss (MB).
timed() {
  local label="$1"
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt"
  read -r wall user system rss_kb < "$work/time.txt"
  cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.1f", u + s }')
  rss=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')
  rate=$(awk -v n="$events" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
  printf '%-34s %9.1f s wall %9s s CPU %12s events/s %7s MB peak RSS\n' "$label" "$wall" "$cpu" "$rate" "$rss"
}

# The knowledge store the ingest normalises against is built on first use: do it before timing.
"$almanac" usage generate --events 10 -o "$work/warm.csv" 2>/dev/null
"$almanac" usage ingest "$work/warm.csv" --usage-store "$work/warm.duckdb" > /dev/null 2>&1

timed "generate (csv)" "$almanac" usage generate --events "$events" --format csv --seed 1 -o "$work/usage.csv"
echo "csv: $(du -h "$work/usage.csv" | cut -f1)"
timed "bare DuckDB read_csv into a table" "$bench" usage-bare "$work/usage.csv" "$work/bare.duckdb"
bare_wall=$wall
timed "almanac usage ingest" "$almanac" usage ingest "$work/usage.csv" --usage-store "$work/usage.duckdb"
cp "$work/out.txt" "$work/ingest.txt"
echo "ingest / bare: $(awk -v a="$wall" -v b="$bare_wall" 'BEGIN { printf "%.2f", a / b }')x (target within 2x); peak RSS $rss MB (target under 2048 MB)"
grep -E "events (read|added)|already stored|skipped" "$work/ingest.txt" | tr -s ' ' | sed 's/^/  /'
rm -f "$work/bare.duckdb"
# The store holds this one generated log, so it must give back the generator's truth exactly.
verify() {
  if "$almanac" usage verify "$work/usage.csv.truth.json" --usage-store "$1" > "$work/verify.txt" 2>&1; then
    echo "$2 shares, adoption and switching against the generator's truth: equal"
  else
    echo "$2 shares, adoption and switching against the generator's truth: DIFFERENT"
    sed 's/^/  /' "$work/verify.txt"
  fi
}
verify "$work/usage.duckdb" "DuckDB"

"$bench" usage-queries "$work/usage.duckdb" "$work/usage.csv.truth.json"

if [ -z "${ALMANAC_BENCH_CLICKHOUSE:-}" ]; then
  echo "ClickHouse: skipped (ALMANAC_BENCH_CLICKHOUSE names no cluster; bash scripts/clickhouse.sh starts one)"
else
  # A database of the bench's own on the cluster, dropped after. The bare peer is ClickHouse reading the
  # same CSV (CSVWithNames) into one plain MergeTree table on the first node, streamed by curl.
  node="${ALMANAC_BENCH_CLICKHOUSE%%\?*}"
  database="almanac_bench_$$"
  clickhouse_url="${node}?database=${database}"
  curl -fsS "$node" --data-binary "CREATE DATABASE IF NOT EXISTS $database" >/dev/null
  curl -fsS "${node}?database=${database}" --data-binary "CREATE TABLE bare_events (id String, time Int64, model String, provider String, input_tokens Int64, output_tokens Int64, cache_read_tokens Int64, requests Int64, errors Int64, duration_ms Float64, ttft_ms Nullable(Float64), user String, team String, app String, tags String) ENGINE = MergeTree ORDER BY time" >/dev/null
  timed "bare ClickHouse INSERT of the CSV" curl -fsS -X POST -T "$work/usage.csv" "${node}?database=${database}&query=INSERT%20INTO%20bare_events%20FORMAT%20CSVWithNames"
  bare_wall=$wall
  timed "almanac usage ingest (ClickHouse)" "$almanac" usage ingest "$work/usage.csv" --usage-store "$clickhouse_url"
  echo "ClickHouse ingest / bare: $(awk -v a="$wall" -v b="$bare_wall" 'BEGIN { printf "%.2f", a / b }')x (the engine's insert goes through both shards and looks up each batch's ids)"
  verify "$clickhouse_url" "ClickHouse"
  "$bench" usage-clickhouse-queries "$clickhouse_url" || true
  # Every node of the cluster, reached on its own HTTP port (each node's http_port macro).
  for address in $(curl -fsS "$node" --data-binary "SELECT concat(host_address, ':', toString(port)) FROM system.clusters WHERE cluster = 'almanac'" || true); do
    port="$(curl -fsS "$node" --data-binary "SELECT substitution FROM remote('$address', system.macros) WHERE macro = 'http_port'" || true)"
    [ -z "$port" ] || curl -fsS "http://${address%%:*}:$port/" --data-binary "DROP DATABASE IF EXISTS $database" >/dev/null || true
  done
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
