#!/usr/bin/env bash
# Builds the native loader libgstrvmmatte.so (Maven runs this at process-classes; see gst-filter/pom.xml):
#   1. rvmmatte-descriptor.h from the Java descriptor (no hand-written copy of pads or properties)
#   2. rvmmatte.classpath: where the loader's JVM finds the element and the matting core
#   3. gcc against libgstreamer1.0-dev and the JDK's jni.h; libjvm is dlopen'ed at run time, so
#      registry scans and gst-inspect load no Java at all.
# Without gcc or the GStreamer headers the loader is skipped with a warning (the Java element still builds).
set -euo pipefail
MODULE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$MODULE/target/native"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
mkdir -p "$OUT"

if ! command -v gcc >/dev/null 2>&1 || ! pkg-config --exists gstreamer-1.0 2>/dev/null; then
  echo "[WARNING] native loader not built: needs gcc and libgstreamer1.0-dev (./rvm installs them)" >&2
  exit 0
fi
LIBJVM="$JAVA_HOME/lib/server/libjvm.so"
[ -f "$LIBJVM" ] || { echo "[WARNING] native loader not built: no $LIBJVM (set JAVA_HOME to a JDK 17+)" >&2; exit 0; }

echo "$MODULE/target/classes:$(cat "$MODULE/target/runtime.classpath")" > "$OUT/rvmmatte.classpath"
"$JAVA_HOME/bin/java" -cp "$MODULE/target/classes:$(cat "$MODULE/target/runtime.classpath")" \
  dev.rvm.gst.NativeLoaderDeclaration "$OUT/rvmmatte-descriptor.h"
# shellcheck disable=SC2046
gcc -shared -fPIC -O2 -Wall -Werror -o "$OUT/libgstrvmmatte.so" "$MODULE/native/rvmmatte-loader.c" \
  -I"$OUT" -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/linux" \
  -DRVM_CLASSPATH_FILE="\"$OUT/rvmmatte.classpath\"" -DRVM_LIBJVM="\"$LIBJVM\"" \
  $(pkg-config --cflags --libs gstreamer-1.0) -ldl
echo "native loader: $OUT/libgstrvmmatte.so"
