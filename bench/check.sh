#!/usr/bin/env bash
# Times `almanac check` as a user runs it, on a published (ReadyToRun) binary with the embedded
# store: the wall time to check seed note 004, then the throughput on a 1 MB batch of notes.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet publish src/Almanac.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/almanac" >/dev/null
export ALMANAC_STORE="$out/almanac.db"
dotnet build bench/Almanac.Bench -c Release >/dev/null
bench="dotnet bench/Almanac.Bench/bin/Release/net10.0/Almanac.Bench.dll"
$bench check "$out/almanac/almanac" ../shared/seeds/004_85998f9bbbdc5ba5.txt "${1:-10}"
$bench check-batch "$out/almanac/almanac" ../shared/seeds 1
