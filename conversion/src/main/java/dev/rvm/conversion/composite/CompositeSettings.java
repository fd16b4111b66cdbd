package dev.rvm.conversion.composite;

import java.nio.file.Path;

/**
 * One clip to composite: foreground and alpha frames (same file names), a background (image or
 * image sequence), where to write, and an optional output size (null: the foreground's size).
 */
public record CompositeSettings(Path fgrDir, Path phaDir, Path background, Path output, FrameSize size) {
}
