#!/usr/bin/env bash
# Times `almanac report market -o report.html` as a user runs it: a published (ReadyToRun)
# binary, the embedded store holding the curated data plus the models.dev, LiteLLM and Epoch AI
# snapshots (the full catalogue the landscape section draws), in English and in Chinese.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet publish src/Almanac.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/almanac" >/dev/null
export ALMANAC_STORE="$out/almanac.db"
almanac="$out/almanac/almanac"
data=../shared/data
"$almanac" import models-dev "$data/models-dev/api.json" --snapshot-date 2026-07-02 >/dev/null
"$almanac" import litellm "$data/litellm/model_prices_and_context_window.json" >/dev/null
"$almanac" import epoch "$data/epoch-ai/notable_ai_models_2026-01.csv" >/dev/null
dotnet build bench/Almanac.Bench -c Release >/dev/null
bench="dotnet bench/Almanac.Bench/bin/Release/net10.0/Almanac.Bench.dll"
$bench report "$almanac" "$out/report.html" "${1:-10}" en
echo "size: $(du -k "$out/report.html" | cut -f1) KB"
$bench report "$almanac" "$out/report-zh.html" "${1:-10}" zh
