#!/usr/bin/env bash
# Webcam -> rvmmatte (green screen colour) -> H.264 over RTMP (a streaming server or OBS ingest).
# Usage: samples/webcam-to-rtmp.sh rtmp://HOST/live/KEY [/dev/video0]
set -euo pipefail
URL="${1:?give the RTMP URL, e.g. rtmp://localhost/live/test}"
CAMERA="${2:-/dev/video0}"
PIPELINE="v4l2src device=${CAMERA} ! videoconvert ! videoscale ! video/x-raw,width=640,height=480 ! rvmmatte background=color background-color=0xff00b140 qos=true ! videoconvert ! x264enc tune=zerolatency bitrate=2500 key-int-max=60 ! h264parse ! flvmux streamable=true ! rtmpsink location=${URL}"
exec "$(dirname "$0")/../rvm" launch "$PIPELINE"
