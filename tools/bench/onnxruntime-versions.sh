#!/usr/bin/env bash
# ./rvm speedtest under two ONNX Runtime releases, taking turns in one run (load from other processes
# then hits both alike):
#
#   tools/bench/onnxruntime-versions.sh OTHER_VERSION [WIDTHxHEIGHT] [RATIO] [TURNS]   (e.g. 1.23.2 1280x720 0.25 3)
#
# The build's own release (the root pom's onnxruntime.version) runs against OTHER_VERSION, fetched
# into the local Maven repository if missing. Prints one speedtest JSON line per run.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OTHER="${1:?give the other ONNX Runtime version, e.g. 1.23.2}"
RES="${2:-1280x720}"
RATIO="${3:-0.25}"
TURNS="${4:-3}"
"$ROOT/rvm" --help >/dev/null   # builds if needed
CP_FILE="$ROOT/tools/target/runtime.classpath"
OWN_JAR="$(tr ':' '\n' < "$CP_FILE" | grep '/onnxruntime-[0-9.]*\.jar$')"
OTHER_JAR="$HOME/.m2/repository/com/microsoft/onnxruntime/onnxruntime/$OTHER/onnxruntime-$OTHER.jar"
[ -f "$OTHER_JAR" ] || mvn -q -B dependency:get -Dartifact="com.microsoft.onnxruntime:onnxruntime:$OTHER" >&2
OWN_CP="$ROOT/tools/target/classes:$(cat "$CP_FILE")"
OTHER_CP="${OWN_CP//$OWN_JAR/$OTHER_JAR}"
for ((i = 1; i <= TURNS; i++)); do
  for cp in "$OTHER_CP" "$OWN_CP"; do
    java -cp "$cp" dev.rvm.tools.cli.Main speedtest --resolution "$RES" --downsample-ratio "$RATIO" --frames 40 | tail -n 1
  done
done
