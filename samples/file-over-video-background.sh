#!/usr/bin/env bash
# A person from one video over another video, through compositor (no hardware needed; tested by
# SamplesTest with FRAMES=30). rvmmatte's src pad gives straight alpha, which compositor blends.
# Usage: samples/file-over-video-background.sh PERSON.mp4 BACKGROUND.mp4 OUT.mp4 [FRAMES]
#        (./rvm demo fetches a person video; its path is printed as "input:")
set -euo pipefail
. "$(dirname "$0")/lib/run-pipeline.sh"
INPUT="${1:?person video}"
BACKGROUND="${2:?background video}"
OUTPUT="${3:?output .mp4}"
FRAMES="${4:--1}"
PIPELINE="compositor name=mix background=black ! videoconvert ! x264enc speed-preset=faster ! mp4mux ! filesink location=\"${OUTPUT}\" filesrc location=\"${BACKGROUND}\" ! decodebin ! videoconvert ! videoscale ! video/x-raw,width=400,height=300 ! mix.sink_0 filesrc location=\"${INPUT}\" ! decodebin ! videoconvert ! identity eos-after=${FRAMES} ! rvmmatte downsample-ratio=0.5 ! mix.sink_1"
run_with_rvm "$PIPELINE"
