package dev.rvm.matting;

import java.nio.file.Path;

/** What shows through where the person is not. */
public sealed interface Background {

    /** Upstream RVM's green, (120, 255, 155). */
    int UPSTREAM_GREEN = 0xFF78FF9B;

    /** Straight (non-premultiplied) alpha: the composite is foreground RGB plus the matte as A. */
    record Transparent() implements Background {}

    record Color(int argb) implements Background {}

    /** A still picture, scaled to cover the frame (aspect kept, centre cropped). */
    record Picture(Path file) implements Background {}

    /** The original frame, box-blurred; strength is the blur radius in pixels at the frame's size. */
    record Blur(int strength) implements Background {}

    /** Another video's frames, handed in per frame by the caller. */
    record Video() implements Background {}
}
