#!/usr/bin/env bash
# Webcam -> rvmmatte (transparent background) -> lossless FFV1 with an alpha plane (A420) in Matroska,
# served over TCP or SRT for an OBS media source, which decodes it with ffmpeg and keeps the alpha:
# the person appears over whatever lies below in the scene, no chroma key needed.
# Usage: samples/webcam-to-obs-alpha.sh [URI] [/dev/video0]
#   URI     tcp://127.0.0.1:9000 (default: serve OBS on this machine; tcp://0.0.0.0:9000 for the LAN),
#           or srt://:9000 and the other srt:// forms of samples/webcam-to-srt.sh
#   PASSPHRASE, PBKEYLEN  SRT encryption, as in samples/webcam-to-srt.sh
#   MATTE   more rvmmatte settings, applied after the sample's (e.g. "downsample-ratio=0.25")
#   SOURCE  the picture instead of the webcam, e.g. "filesrc location=in.mp4 ! decodebin"
# FFV1 is lossless (8 Mbit/s at 640x480, 30 fps on the sample video, more from a camera): for this machine or a LAN.
set -euo pipefail
. "$(dirname "$0")/lib/run-pipeline.sh"
URI="${1:-tcp://127.0.0.1:9000}"
CAMERA="${2:-/dev/video0}"
PASSPHRASE="${PASSPHRASE:-}"
PBKEYLEN="${PBKEYLEN:-32}"
MATTE="${MATTE:-}"
SOURCE="${SOURCE:-v4l2src device=${CAMERA}}"
case "$URI" in
  tcp://*:*)
    HOSTPORT="${URI#tcp://}"
    # every client (OBS reconnects at will) starts with the stream headers and then a keyframe
    SINK="tcpserversink host=${HOSTPORT%:*} port=${HOSTPORT##*:} sync-method=latest-keyframe"
    ;;
  srt://*)
    SINK="srtsink uri=\"${URI}\" passphrase=\"${PASSPHRASE}\" pbkeylen=${PBKEYLEN} wait-for-connection=false"
    ;;
  *)
    echo "webcam-to-obs-alpha: URI must be tcp://HOST:PORT or srt://...; got '$URI'" >&2
    exit 2
    ;;
esac
# background=none: straight alpha on src; A420 keeps it as a fourth plane, which FFV1 stores losslessly.
PIPELINE="${SOURCE} ! videoconvert ! videoscale ! video/x-raw,width=640,height=480 ! rvmmatte background=none ${MATTE} qos=true ! videoconvert ! video/x-raw,format=A420 ! avenc_ffv1 ! matroskamux streamable=true ! ${SINK}"
run_with_rvm "$PIPELINE"
