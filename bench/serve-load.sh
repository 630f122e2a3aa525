#!/usr/bin/env bash
# Load on `almanac serve` as deployed: a published (ReadyToRun) binary, the embedded store holding
# the curated data plus the models.dev, LiteLLM and Epoch AI snapshots (the full catalogue), the
# rate limit off, and a constant arrival rate on 127.0.0.1 from the load client of Almanac.Bench.
# Usage: bash bench/serve-load.sh [requests per second, default 500] [seconds per phase, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${1:-500}"
seconds="${2:-20}"
out="$(mktemp -d)"
server=""
cleanup() {
    if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$out"
}
trap cleanup EXIT
dotnet publish src/Almanac.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/almanac" >/dev/null
export ALMANAC_STORE="$out/almanac.db"
almanac="$out/almanac/almanac"
data=../shared/data
import_dataset() {
    "$almanac" import "$@" >"$out/import.log" 2>&1 || { cat "$out/import.log" >&2; exit 1; }
}
import_dataset models-dev "$data/models-dev/api.json" --snapshot-date 2026-07-02
import_dataset litellm "$data/litellm/model_prices_and_context_window.json"
import_dataset epoch "$data/epoch-ai/notable_ai_models_2026-01.csv"
dotnet build bench/Almanac.Bench -c Release >/dev/null

# Port 0: the system picks a free port, and serve prints the address it got.
"$almanac" serve --urls http://127.0.0.1:0 --Almanac:RateLimit:PermitLimit=0 >"$out/serve.log" 2>&1 &
server=$!
address=""
for _ in $(seq 1 120); do
    if ! kill -0 "$server" 2>/dev/null; then
        echo "serve-load: almanac serve exited before answering:" >&2
        cat "$out/serve.log" >&2
        exit 1
    fi
    address="$(sed -n 's/^Almanac is serving at \(http:[^ ]*\)$/\1/p' "$out/serve.log" | head -n 1)"
    if [[ -n "$address" ]] && curl -fsS -o /dev/null "$address/api/models?pageSize=1" 2>/dev/null; then
        break
    fi
    address=""
    sleep 0.5
done
if [[ -z "$address" ]]; then
    echo "serve-load: almanac serve did not answer within 60 s:" >&2
    cat "$out/serve.log" >&2
    exit 1
fi
dotnet bench/Almanac.Bench/bin/Release/net10.0/Almanac.Bench.dll load "$address" "$rate" "$seconds"
