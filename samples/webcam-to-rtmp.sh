#!/usr/bin/env bash
# Webcam -> rvmmatte (green screen colour) -> H.264 High 4:2:0 in FLV over RTMP: a streaming service's
# ingest, an nginx RTMP server, or OBS (media source on the server's URL + a chroma key filter).
# Usage: samples/webcam-to-rtmp.sh rtmp://HOST[:PORT]/APP/KEY [/dev/video0]
#   MATTE   more rvmmatte settings, applied after the sample's green-screen green 0xff00b140 (OBS's
#           Chroma Key filter, Key Color Type Green, keys it), e.g. "downsample-ratio=0.25" or
#           "background-color=0xff0000ff"
#   SOURCE  the picture instead of the webcam, e.g. "filesrc location=in.mp4 ! decodebin"
set -euo pipefail
. "$(dirname "$0")/lib/run-pipeline.sh"
URL="${1:?give the RTMP URL, e.g. rtmp://localhost/live/test}"
CAMERA="${2:-/dev/video0}"
MATTE="${MATTE:-}"
SOURCE="${SOURCE:-v4l2src device=${CAMERA}}"
# I420 before x264enc: from RGBA it would pick High 4:4:4, which streaming services refuse.
# A keyframe every 2 s (60 frames at 30 fps), as services ask; players join at a keyframe.
PIPELINE="${SOURCE} ! videoconvert ! videoscale ! video/x-raw,width=640,height=480 ! rvmmatte background=color background-color=0xff00b140 ${MATTE} qos=true ! videoconvert ! video/x-raw,format=I420 ! x264enc tune=zerolatency speed-preset=veryfast bitrate=2500 key-int-max=60 ! video/x-h264,profile=high ! h264parse ! flvmux streamable=true ! rtmpsink location=\"${URL}\""
run_with_rvm "$PIPELINE"
