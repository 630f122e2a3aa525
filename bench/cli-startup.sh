#!/usr/bin/env bash
# Times `almanac facts --entity anthropic --format json` as a user runs it: a published binary
# (ReadyToRun, as shipped), the process start included, on the embedded SQLite store.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet publish src/Almanac.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/almanac" >/dev/null
ALMANAC_STORE="$out/almanac.db" dotnet run --project bench/Almanac.Bench -c Release -- cli-startup "$out/almanac/almanac" "${1:-20}" -- facts --entity anthropic --format json
