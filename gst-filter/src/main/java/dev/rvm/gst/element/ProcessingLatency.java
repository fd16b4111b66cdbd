package dev.rvm.gst.element;

/**
 * The latency rvmmatte answers in a LATENCY query, from what it measures: the time from a frame's
 * arrival on the sink pad to its results being handed to the src pads, as a running mean. Live sinks
 * render each frame at capture time plus the pipeline's latency, so an answer below the real
 * processing time makes frames late (dropped by QoS), one far above it delays the picture for
 * nothing. Like encoders and jitter buffers, the element says when its estimate has moved enough
 * that the pipeline should ask again (a LATENCY message).
 *
 * <p>Measured to the hand-off, not to the push: a src pad's thread also runs the elements after it
 * and, without a queue, waits in a clock-synced sink until the previous frame's render time, which
 * follows from this very answer; counting that would feed the answer back into itself.
 *
 * <p>With seq-chunk N the first frame of a chunk waits N - 1 frame periods for the others, the last
 * none: the mean wait is half of that and the answer adds the other half, so it covers the first.
 * Before anything is measured the answer is N frame periods: the model has to keep up with the frame
 * rate anyway. Used by the streaming thread ({@link #arrived}, {@link #finished}) and query threads.
 */
final class ProcessingLatency {
    /** Frames whose arrival time is kept: more than a chunk (at most 64) can hold. */
    private static final int RING = 256;
    /** Weight of the newest frame in the running mean: about the last 10-20 frames count. */
    private static final double WEIGHT = 0.1;
    /** The first frame of a stream allocates the model's buffers and is several times slower. */
    private static final int WARM_UP_FRAMES = 1;
    /** Moving this far from the last answer makes the pipeline ask again. */
    static final double ANNOUNCE_CHANGE = 0.10;
    /** ...but not more often than this many frames, so a noisy machine does not churn the sinks. */
    private static final int ANNOUNCE_EVERY_FRAMES = 15;

    private final long[] arrivals = new long[RING];
    private int seen;
    private int sinceAnnounce;
    /** Running mean in ns, or -1 until the first frame after warm-up. */
    private volatile double meanNanos = -1;
    /** What the last query got for the processing part, or -1 if none was answered yet. */
    private volatile long answeredNanos = -1;
    /** A LATENCY message went out and the pipeline has not asked again yet: one message per answer. */
    private volatile boolean announced;

    /** A frame with this tag entered the sink pad at {@code nanoTime}. */
    void arrived(long tag, long nanoTime) {
        arrivals[(int) Math.floorMod(tag, RING)] = nanoTime;
    }

    /**
     * The frame with this tag has been handed to the src pads at {@code nanoTime}. True when the
     * estimate has moved more than {@link #ANNOUNCE_CHANGE} from the last answer: post a LATENCY
     * message (once until the next query).
     */
    boolean finished(long tag, long nanoTime) {
        long took = nanoTime - arrivals[(int) Math.floorMod(tag, RING)];
        if (++seen <= WARM_UP_FRAMES || took < 0) {
            return false;
        }
        double mean = meanNanos;
        meanNanos = mean < 0 ? took : mean + WEIGHT * (took - mean);
        sinceAnnounce++;
        long answered = answeredNanos;
        // never answered: the pipeline's query at PLAYING can come before upstream negotiated and fail
        if (announced || sinceAnnounce < ANNOUNCE_EVERY_FRAMES
                || answered >= 0 && Math.abs(meanNanos - answered) <= ANNOUNCE_CHANGE * Math.max(answered, 1)) {
            return false;
        }
        sinceAnnounce = 0;
        announced = true;
        return true;
    }

    /** The latency to add in a LATENCY query; remembers it as the answer given. */
    long answer(long framePeriodNanos, int seqChunk) {
        double mean = meanNanos;
        long processing = mean < 0 ? framePeriodNanos : Math.round(mean);
        answeredNanos = processing;
        announced = false;
        long chunkWait = mean < 0 ? (long) (seqChunk - 1) * framePeriodNanos : (seqChunk - 1) * framePeriodNanos / 2;
        return processing + chunkWait;
    }

    /** A new stream (PAUSED->READY) measures afresh. */
    void reset() {
        seen = 0;
        sinceAnnounce = 0;
        meanNanos = -1;
        answeredNanos = -1;
        announced = false;
    }
}
