package dev.rvm.tools.benchmarkset;

import java.nio.file.Path;

/** A still image that replaces the recorded background; {@code name} becomes the clip's name. */
public record BackgroundImage(String name, Path file) {
}
