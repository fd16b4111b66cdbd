#!/usr/bin/env bash
# Webcam -> rvmmatte (blurred background) -> a virtual camera that video-call apps and OBS list.
# Needs a Linux kernel with the v4l2loopback module (Debian/Ubuntu: sudo apt-get install
# v4l2loopback-dkms, with the kernel headers) and, loaded before the sample starts:
#   sudo modprobe v4l2loopback devices=1 video_nr=10 card_label=RVM exclusive_caps=1
# Usage: samples/webcam-to-virtual-camera.sh [/dev/video0] [/dev/video10]
#   MATTE   more rvmmatte settings, applied after the sample's blur (e.g. "background=color")
#   SOURCE  the picture instead of the webcam, e.g. "filesrc location=in.mp4 ! decodebin"
set -euo pipefail
. "$(dirname "$0")/lib/run-pipeline.sh"
CAMERA="${1:-/dev/video0}"
LOOPBACK="${2:-/dev/video10}"
MATTE="${MATTE:-}"
SOURCE="${SOURCE:-v4l2src device=${CAMERA}}"
# YUY2: what browsers and video-call apps take from a camera; sync=false: a camera shows frames as they come.
PIPELINE="${SOURCE} ! videoconvert ! videoscale ! video/x-raw,width=640,height=480 ! rvmmatte background=blur blur-strength=25 ${MATTE} qos=true ! videoconvert ! video/x-raw,format=YUY2 ! v4l2sink device=${LOOPBACK} sync=false"
run_with_rvm "$PIPELINE"
