# Sourced by the sample scripts: runs their pipeline, or prints it when PRINT_PIPELINE=1 (to paste
# into gst-launch-1.0 after `./rvm plugin install`; the samples' tests run the printed text).
SAMPLES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# A pipeline with rvmmatte, through ./rvm launch (Ctrl-C sends EOS so files are finished).
run_with_rvm() {
  if [ -n "${PRINT_PIPELINE:-}" ]; then printf '%s\n' "$1"; exit 0; fi
  exec "$SAMPLES_DIR/../rvm" launch "$1"
}

# A receiver: stock gst-launch-1.0, nothing of this project needed (values must not contain spaces).
run_with_gst_launch() {
  if [ -n "${PRINT_PIPELINE:-}" ]; then printf '%s\n' "$1"; exit 0; fi
  set -f
  # shellcheck disable=SC2086 # gst-launch-1.0 takes the description as words
  exec gst-launch-1.0 -e $1
}
