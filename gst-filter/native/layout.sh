#!/usr/bin/env bash
# Generates dev.rvm.gst.natives.Layout (every struct offset, size and enum value the Java element uses)
# from the installed GStreamer and GLib headers: struct-offsets.c prints them, this turns the lines into
# Java constants. Maven runs it at generate-sources (see gst-filter/pom.xml); nothing is written by hand.
set -euo pipefail
MODULE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$MODULE/target/generated-sources/native/dev/rvm/gst/natives"
WORK="$MODULE/target/native"
mkdir -p "$OUT" "$WORK"

if ! command -v gcc >/dev/null 2>&1 || ! pkg-config --exists gstreamer-1.0 2>/dev/null; then
  echo "[ERROR] gst-filter reads GStreamer's struct layout from its headers at build time: install gcc, pkg-config" \
    "and libgstreamer1.0-dev (./rvm installs them): apt-get install -y gcc pkg-config libgstreamer1.0-dev" >&2
  exit 1
fi
# shellcheck disable=SC2046
gcc -Wall -Werror -o "$WORK/struct-offsets" "$MODULE/native/struct-offsets.c" $(pkg-config --cflags --libs gstreamer-1.0)
VALUES="$("$WORK/struct-offsets")"

TMP="$OUT/Layout.java.tmp"
{
  echo "package dev.rvm.gst.natives;"
  echo
  echo "/**"
  echo " * Struct offsets, sizes and enum values of the headers this build was made against (GStreamer"
  echo " * $(pkg-config --modversion gstreamer-1.0), GLib $(pkg-config --modversion glib-2.0), $(uname -m)). Generated from"
  echo " * {@code gst-filter/native/struct-offsets.c} by {@code native/layout.sh}: do not edit. StructLayoutTest"
  echo " * compares these numbers with the headers installed when the tests run."
  echo " */"
  echo "public final class Layout {"
  echo "    private Layout() {"
  echo "    }"
  echo
  while read -r type name value; do
    suffix=""
    [ "$type" = long ] && suffix="L"
    echo "    public static final $type $name = $value$suffix;"
  done <<< "$VALUES"
  echo "}"
} > "$TMP"
mv "$TMP" "$OUT/Layout.java"
