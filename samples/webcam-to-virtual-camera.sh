#!/usr/bin/env bash
# Webcam -> rvmmatte (blurred background) -> virtual camera that video calls can pick.
# Needs a webcam and v4l2loopback:  sudo modprobe v4l2loopback devices=1 video_nr=10 card_label=RVM exclusive_caps=1
# Usage: samples/webcam-to-virtual-camera.sh [/dev/video0] [/dev/video10]
set -euo pipefail
CAMERA="${1:-/dev/video0}"
LOOPBACK="${2:-/dev/video10}"
PIPELINE="v4l2src device=${CAMERA} ! videoconvert ! videoscale ! video/x-raw,width=640,height=480 ! rvmmatte background=blur blur-strength=25 qos=true ! videoconvert ! video/x-raw,format=YUY2 ! v4l2sink device=${LOOPBACK} sync=false"
exec "$(dirname "$0")/../rvm" launch "$PIPELINE"
