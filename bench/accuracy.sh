#!/usr/bin/env bash
# Runs `almanac check` over the annotated development notes in ../shared/eval/dev and prints the
# scorer's figures per note and per rule family: recall on the erroneous figure, false alarms on
# clean lines, flags. Two runs: the curated knowledge alone, then with every public dataset in
# ../shared/data imported (the datasets a user would import), so a gain bought with false flags
# from imported data shows.
#   bash bench/accuracy.sh            # both runs
#   bash bench/accuracy.sh curated    # the curated knowledge only
set -euo pipefail
cd "$(dirname "$0")/.."
shared="$PWD/../shared"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build src/Almanac.Cli -c Release -v q -nologo >/dev/null
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

score() {
  local name="$1" store="$2"
  mkdir -p "$work/$name"
  for note in "$shared"/eval/dev/*.md; do
    ALMANAC_STORE="$store" almanac check "$note" --format json > "$work/$name/$(basename "$note" .md).json"
  done
  echo "== $name"
  python3 "$shared/eval/score.py" --results "$work/$name" | sed '/^Columns:/,$d'
}

score curated "$work/curated.db"
if [ "${1:-}" != curated ]; then
  store="$work/datasets.db"
  for entry in "${datasets[@]}"; do
    read -r code path <<<"$entry"
    if almanac import "$code" "$shared/data/$path" --store "$store" >/dev/null 2>"$work/import.err"; then
      echo "imported $code"
    else
      echo "skipped $code: $(tail -n 1 "$work/import.err")"
    fi
  done
  score "with datasets" "$store"
fi
