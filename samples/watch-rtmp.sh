#!/usr/bin/env bash
# Player for an RTMP stream (e.g. from samples/webcam-to-rtmp.sh through a server): stock gst-launch-1.0.
# Start it after the publisher: it joins at the next keyframe (at most 2 s). It ends 10 s after the
# stream stops (librtmp's timeout; without one the player would wait forever).
# Usage: samples/watch-rtmp.sh rtmp://HOST[:PORT]/APP/KEY
#   SINK  where the pictures go (default autovideosink)
set -euo pipefail
. "$(dirname "$0")/lib/run-pipeline.sh"
URL="${1:?give the RTMP URL, e.g. rtmp://localhost/live/test}"
SINK="${SINK:-autovideosink}"
PIPELINE="rtmpsrc location=\"${URL} live=1 timeout=10\" ! flvdemux ! h264parse ! avdec_h264 ! videoconvert ! ${SINK}"
run_with_gst_launch "$PIPELINE"
