#!/usr/bin/env bash
# A person from one video over another video, through rvmmatte's background pad (no hardware needed;
# tested by SamplesTest with FRAMES=30). The background may have any size and frame rate: each person
# frame takes the background frame of its timestamp, scaled to cover; when the background ends, the
# background-color shows. The composite is opaque, so x264enc gets 4:2:0 without a capsfilter.
# bframes=0: with B-frames GStreamer 1.22's mp4mux writes an edit list that hides the last frame.
# Usage: samples/file-over-video-background.sh PERSON.mp4 BACKGROUND.mp4 OUT.mp4 [FRAMES]
#        (./rvm demo fetches a person video; its path is printed as "input:")
set -euo pipefail
. "$(dirname "$0")/lib/run-pipeline.sh"
INPUT="${1:?person video}"
BACKGROUND="${2:?background video}"
OUTPUT="${3:?output .mp4}"
FRAMES="${4:--1}"
PIPELINE="filesrc location=\"${BACKGROUND}\" ! decodebin ! videoconvert ! m.background filesrc location=\"${INPUT}\" ! decodebin ! videoconvert ! identity eos-after=${FRAMES} ! rvmmatte name=m downsample-ratio=0.5 ! x264enc speed-preset=faster bframes=0 ! mp4mux ! filesink location=\"${OUTPUT}\""
run_with_rvm "$PIPELINE"
