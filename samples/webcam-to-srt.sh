#!/usr/bin/env bash
# Webcam -> rvmmatte (blur) -> H.264 in MPEG-TS over SRT, listening on a port.
# Watch with: gst-launch-1.0 srtsrc uri=srt://HOST:8888 ! tsdemux ! h264parse ! avdec_h264 ! videoconvert ! autovideosink
# Usage: samples/webcam-to-srt.sh [PORT] [/dev/video0]
set -euo pipefail
PORT="${1:-8888}"
CAMERA="${2:-/dev/video0}"
PIPELINE="v4l2src device=${CAMERA} ! videoconvert ! videoscale ! video/x-raw,width=640,height=480 ! rvmmatte background=blur qos=true ! videoconvert ! x264enc tune=zerolatency bitrate=2500 key-int-max=60 ! h264parse ! mpegtsmux ! srtsink uri=srt://:${PORT} wait-for-connection=false"
exec "$(dirname "$0")/../rvm" launch "$PIPELINE"
