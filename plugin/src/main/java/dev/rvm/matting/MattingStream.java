package dev.rvm.matting;

import java.nio.ByteBuffer;

/**
 * Mattes a sequence of frames with temporal memory. One instance per stream; not thread-safe.
 * Recurrent state is carried between frames and reset by {@link #reset()}, and automatically when
 * the frame size or the effective downsample ratio changes.
 *
 * <p>With seq-chunk N > 1 frames are buffered and matted N at a time, so results arrive up to N - 1
 * frames after their input; {@link #drain} flushes what is buffered (end of stream).
 */
public interface MattingStream extends AutoCloseable {

    @FunctionalInterface
    interface ResultHandler {
        void onResult(MattedFrame frame);
    }

    /**
     * Feeds one frame. The pixels are copied before this returns. Zero or more results (in input
     * order) are handed to {@code out} before this returns.
     */
    void submit(ByteBuffer pixels, FrameLayout layout, long tag, ResultHandler out);

    /** Mattes whatever frames are still buffered and hands their results to {@code out}. */
    void drain(ResultHandler out);

    /** Forgets temporal memory and drops buffered frames (a seek, a scene cut). */
    void reset();

    /** Changes settings that need no new model session (ratio, chunk); others reopen the model. */
    void update(MattingSettings settings);

    MattingSettings settings();

    @Override
    void close();
}
