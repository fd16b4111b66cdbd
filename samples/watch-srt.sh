#!/usr/bin/env bash
# Receiver for samples/webcam-to-srt.sh: stock gst-launch-1.0, nothing of this project needed.
# Usage: samples/watch-srt.sh [URI]
#   URI        srt://HOST:8888 (default srt://127.0.0.1:8888: call the sender's listener), or
#              srt://:8888?mode=listener (wait for a sender that calls)
#   PASSPHRASE the sender's passphrase (the key length comes from the sender); a wrong one gets nothing
#   SINK       where the pictures go (default autovideosink)
set -euo pipefail
. "$(dirname "$0")/lib/run-pipeline.sh"
URI="${1:-srt://127.0.0.1:8888}"
PASSPHRASE="${PASSPHRASE:-}"
SINK="${SINK:-autovideosink}"
PIPELINE="srtsrc uri=\"${URI}\" passphrase=\"${PASSPHRASE}\" ! tsdemux ! h264parse ! avdec_h264 ! videoconvert ! ${SINK}"
run_with_gst_launch "$PIPELINE"
