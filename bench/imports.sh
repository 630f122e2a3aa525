#!/usr/bin/env bash
# Times importing models.dev, LiteLLM and Epoch AI (read, resolve, store in a fresh SQLite store)
# beside merely parsing the same files. Reads the snapshots in ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project bench/Almanac.Bench -c Release -- imports "$PWD" "$PWD/../shared/data"
