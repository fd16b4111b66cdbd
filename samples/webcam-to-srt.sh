#!/usr/bin/env bash
# Webcam -> rvmmatte (blurred background) -> H.264 High 4:2:0 in MPEG-TS over SRT, AES-encrypted when
# a passphrase is given. Watch with samples/watch-srt.sh, ffplay, VLC or an OBS media source.
# Usage: samples/webcam-to-srt.sh [URI] [/dev/video0]
#   URI        srt://:8888 (default: wait for a caller on port 8888), srt://HOST:PORT (call a listener),
#              srt://127.0.0.1:8888?mode=listener (listen on one address only)
#   PASSPHRASE 10-79 characters without spaces; the receiver needs the same one (default: none, clear text)
#   PBKEYLEN   AES key length in bytes: 16, 24 or 32 (default 32, AES-256); used with a passphrase
#   MATTE      more rvmmatte settings, applied after the sample's blur, e.g. "downsample-ratio=0.25", or
#              "background=color background-color=0xff00b140" for an OBS chroma key
#   SOURCE     the picture instead of the webcam, e.g. "filesrc location=in.mp4 ! decodebin"
set -euo pipefail
. "$(dirname "$0")/lib/run-pipeline.sh"
URI="${1:-srt://:8888}"
CAMERA="${2:-/dev/video0}"
PASSPHRASE="${PASSPHRASE:-}"
PBKEYLEN="${PBKEYLEN:-32}"
MATTE="${MATTE:-}"
SOURCE="${SOURCE:-v4l2src device=${CAMERA}}"
# I420 before x264enc: from RGBA it would pick 4:4:4, which players and services refuse.
# alignment=7: seven 188-byte TS packets per SRT message (one packet each makes the connection drop).
PIPELINE="${SOURCE} ! videoconvert ! videoscale ! video/x-raw,width=640,height=480 ! rvmmatte background=blur ${MATTE} qos=true ! videoconvert ! video/x-raw,format=I420 ! x264enc tune=zerolatency speed-preset=veryfast bitrate=2500 key-int-max=30 ! video/x-h264,profile=high ! h264parse ! mpegtsmux alignment=7 ! srtsink uri=\"${URI}\" passphrase=\"${PASSPHRASE}\" pbkeylen=${PBKEYLEN} wait-for-connection=false"
run_with_rvm "$PIPELINE"
