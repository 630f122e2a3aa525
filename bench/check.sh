#!/usr/bin/env bash
# Times `almanac check`: the wall time of the command as a user runs it on a published (ReadyToRun)
# binary with the embedded store (seed note 004), then, in one process after start-up, the batch
# throughput over copies of the seed notes (target: at least 2 MB/s) and the time of one note
# repeated 8 times against the same note repeated twice (target: within 5x, i.e. linear).
#   bash bench/check.sh [runs] [megabytes]
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet publish src/Almanac.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/almanac" >/dev/null
export ALMANAC_STORE="$out/almanac.db"
dotnet build bench/Almanac.Bench -c Release >/dev/null
bench="dotnet bench/Almanac.Bench/bin/Release/net10.0/Almanac.Bench.dll"
$bench check "$out/almanac/almanac" ../shared/seeds/004_85998f9bbbdc5ba5.txt "${1:-10}"
$bench check-throughput . ../shared/seeds "${2:-4}" "$ALMANAC_STORE"
