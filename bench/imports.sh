#!/usr/bin/env bash
# Times importing every dataset with a registered importer (models.dev, LiteLLM, Epoch AI, and the
# OpenRouter, Epoch companies and benchmarks, LMArena and OpenRouter rankings snapshots once their
# importers exist) into a fresh store, beside merely parsing the same input: per dataset, in total,
# and the ratio; on SQLite, then on PostgreSQL. Reads the snapshots in ../shared/data.
# ALMANAC_BENCH_POSTGRES names a server to use; otherwise scripts/postgres.sh starts a local one
# (ALMANAC_BENCH_POSTGRES=none skips PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
postgres="${ALMANAC_BENCH_POSTGRES:-}"
if [ -z "$postgres" ]; then
  postgres="$(bash scripts/postgres.sh)"
fi
if [ "$postgres" = "none" ]; then
  dotnet run --project bench/Almanac.Bench -c Release -- imports "$PWD" "$PWD/../shared/data"
else
  dotnet run --project bench/Almanac.Bench -c Release -- imports "$PWD" "$PWD/../shared/data" "$postgres"
fi
