package dev.rvm.gst.element;

/**
 * How much the src pads' hand-offs may hold. A pad keeps {@code steadyBuffers} when every branch takes
 * its frames; it grows past that only while a sibling branch is starved (a deep encoder prerolling),
 * up to the first of {@code maxBuffers} on the pad, {@code maxTimeNanos} of stream time on the pad, or
 * {@code maxBytes} across all the element's pads. Beyond them the sink's thread waits, so memory under
 * a stalled branch stays bounded.
 *
 * <p>The defaults take {@code queue}'s 200 buffers; the time and bytes are larger than queue's 1 s /
 * 10 MB because x264enc's default look-ahead (~40 frames, more with many threads) must fill behind the
 * element before its sink prerolls: 3 s covers it at 60 fps, and 512 MiB is about 60 frames of 1080p
 * RGBA (x264enc needs ~330 MB there). A branch deeper than that needs a {@code queue} of its own.
 */
record HandOffLimits(int steadyBuffers, int maxBuffers, long maxTimeNanos, long maxBytes) {
    static final HandOffLimits DEFAULTS = new HandOffLimits(3, 200, 3_000_000_000L, 512L << 20);
}
