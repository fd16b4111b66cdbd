#!/usr/bin/env bash
# Reproduces the approximate-ground-truth numbers of docs/evaluation.md in one go:
#   tools/scripts/evaluate-builtin-model.sh OUTPUT_DIR
# builds the set (./rvm benchmark-set), mattes every clip at each ratio (./rvm convert) and scores
# each ratio (./rvm evaluate). Environment: FRAMES (default 100), RATIOS (default "0.25 0.5 auto"),
# THREADS (ONNX Runtime threads, default 0 = one per core).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RVM="$ROOT/rvm"
OUT="${1:?usage: $0 OUTPUT_DIR (OUTPUT_DIR/true must not exist yet or be empty)}"
FRAMES="${FRAMES:-100}"
RATIOS="${RATIOS:-0.25 0.5 auto}"
THREADS="${THREADS:-0}"

"$RVM" benchmark-set --output "$OUT/true" --frames "$FRAMES" --threads "$THREADS"
for ratio in $RATIOS; do
  for clip in "$OUT"/true/*/*/; do
    clip="${clip%/}"
    name="$(basename "$(dirname "$clip")")/$(basename "$clip")"
    echo "evaluate-builtin-model: $name at downsample ratio $ratio" >&2
    "$RVM" convert --input "$clip/com" --downsample-ratio "$ratio" --threads "$THREADS" \
      --output-alpha "$OUT/pred-$ratio/$name/pha" --output-foreground "$OUT/pred-$ratio/$name/fgr"
  done
  echo "== downsample ratio $ratio"
  "$RVM" evaluate --pred-dir "$OUT/pred-$ratio" --true-dir "$OUT/true" \
    --csv "$OUT/results-$ratio.csv" --html "$OUT/report-$ratio.html"
done
