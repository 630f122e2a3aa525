#!/usr/bin/env bash
# The checker's accuracy on annotated notes: the development set in ../shared/eval/dev and the
# project's own annotated excerpts of real published pages in tests/Accuracy/excerpts. Prints, per
# note, per error family and per checker rule: recall on the erroneous figure, false alarms on
# clean lines, the precision of flags, and how many of the figures the store can settle were
# judged right. Runs with the curated knowledge alone and with every public dataset in
# ../shared/data imported (as a user would), so a gain bought with false flags from imported data
# shows. Exits 1 when a total falls below its floor in bench/accuracy-floors.json.
#   bash bench/accuracy.sh            # both stores
#   bash bench/accuracy.sh curated    # the curated knowledge only
# ALMANAC_ACCURACY_STORE names a store file to keep the imported datasets in between runs: it is
# imported into when missing and reused as it is otherwise (delete it after changing an importer).
# ALMANAC_ACCURACY_OUTPUT names a folder to keep the JSON reports in (to diff two versions of the checker).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="$PWD/../shared"
excerpts="$PWD/tests/Accuracy/excerpts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build src/Almanac.Cli -c Release -v q -nologo >/dev/null
dotnet build bench/Almanac.Bench -c Release -v q -nologo >/dev/null
almanac() { dotnet src/Almanac.Cli/bin/Release/net10.0/almanac.dll "$@"; }

# dataset code and the snapshot a user would import, in ../shared/data
datasets=(
  "models-dev models-dev/api.json"
  "litellm litellm/model_prices_and_context_window.json"
  "epoch epoch-ai/notable_ai_models_2026-01.csv"
  "openrouter openrouter/models"
  "epoch-companies epoch-ai/companies"
  "epoch-benchmarks epoch-ai/benchmarks"
  "lmarena lmarena/lmarena_text_leaderboard_history.csv"
  "openrouter-rankings openrouter/rankings/openrouter-usage_2026-05-30.json"
)

runs=()
check() {
  local name="$1" store="$2" notes="$3" out="$work/$4"
  ALMANAC_STORE="$store" almanac check "$notes" --format json -o "$out" >/dev/null
  runs+=("$name" "$notes" "$out")
  if [ -n "${ALMANAC_ACCURACY_OUTPUT:-}" ]; then
    mkdir -p "$ALMANAC_ACCURACY_OUTPUT"
    rm -rf "${ALMANAC_ACCURACY_OUTPUT:?}/$4"
    cp -r "$out" "$ALMANAC_ACCURACY_OUTPUT/$4"
  fi
}

check "dev set, curated knowledge" "$work/curated.db" "$shared/eval/dev" dev-curated
if [ -d "$excerpts" ]; then
  check "own excerpts, curated knowledge" "$work/curated.db" "$excerpts" excerpts-curated
fi
if [ "${1:-}" != curated ]; then
  store="${ALMANAC_ACCURACY_STORE:-$work/datasets.db}"
  if [ ! -f "$store" ]; then
    for entry in "${datasets[@]}"; do
      read -r code path <<<"$entry"
      almanac import "$code" "$shared/data/$path" --store "$store.importing" >/dev/null 2>"$work/import.err" \
        || { echo "accuracy: importing $code failed: $(tail -n 1 "$work/import.err")" >&2; rm -f "$store.importing"*; exit 2; }
    done
    mv "$store.importing" "$store"
    rm -f "$store.importing"*
  fi
  check "dev set, every dataset imported" "$store" "$shared/eval/dev" dev-datasets
  if [ -d "$excerpts" ]; then
    check "own excerpts, every dataset imported" "$store" "$excerpts" excerpts-datasets
  fi
fi
dotnet bench/Almanac.Bench/bin/Release/net10.0/Almanac.Bench.dll accuracy bench/accuracy-floors.json "${runs[@]}"
