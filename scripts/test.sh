#!/usr/bin/env bash
# Runs every Almanac test: unit, SQLite, PostgreSQL and ClickHouse integration, CLI and browser
# tests. PostgreSQL is started on 127.0.0.1 (installed from Debian packages if missing) unless
# ALMANAC_TEST_POSTGRES already names a server, and the two-shard ClickHouse cluster
# (scripts/clickhouse.sh) unless ALMANAC_TEST_CLICKHOUSE already names one; Debian's Chromium
# (with CJK fonts) is installed if missing unless ALMANAC_CHROMIUM names another browser. Then the checker's accuracy on the
# annotated notes is held to its floors (bench/accuracy.sh, bench/accuracy-floors.json).
# Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${ALMANAC_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk
fi

if [ -z "${ALMANAC_TEST_POSTGRES:-}" ]; then
  ALMANAC_TEST_POSTGRES="$(bash scripts/postgres.sh)"
  export ALMANAC_TEST_POSTGRES
fi

if [ -z "${ALMANAC_TEST_CLICKHOUSE:-}" ]; then
  ALMANAC_TEST_CLICKHOUSE="$(bash scripts/clickhouse.sh)"
  export ALMANAC_TEST_CLICKHOUSE
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test Almanac.sln --configuration Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
bash bench/accuracy.sh
accuracy=$?
set -e

# Each test assembly reports "Failed!  - Failed: 0, Passed: 341, Skipped: 0, ..." (or "Passed!").
read -r passed failed < <(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+' "$log" \
  | awk -F'[:,]' '{f += $2; p += $4} END {print p + 0, f + 0}')
echo "${passed} passed, ${failed} failed"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
if [ "$accuracy" -ne 0 ]; then
  echo "test.sh: the checker's accuracy fell below its floors (bench/accuracy-floors.json)" >&2
  [ "$status" -ne 0 ] || status=$accuracy
fi
exit "$status"
