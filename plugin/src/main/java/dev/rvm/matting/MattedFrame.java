package dev.rvm.matting;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The matting result of one input frame. A view over buffers the stream reuses: valid only inside
 * the {@link MattingStream.ResultHandler} call that hands it over; copy what must outlive it.
 *
 * <p>Everything here follows the matte after the settings' edge controls
 * ({@link MattingSettings#edges()}): the alpha, its 8-bit form, the composite and the straight-alpha
 * output. At their defaults the matte is the network's, untouched.
 */
public interface MattedFrame {

    /** The tag given to {@link MattingStream#submit} with this frame (a timestamp, an index, ...). */
    long tag();

    int width();

    int height();

    /**
     * Alpha in [0, 1], row-major, width*height floats, positioned at 0. With edge controls set it is the
     * edited 8-bit matte as floats (v / 255).
     */
    FloatBuffer alpha();

    /** The predicted foreground, planar R, G, B planes of width*height floats in [0, 1], positioned at 0. */
    FloatBuffer foreground();

    /** Writes 8-bit alpha (round(alpha*255)) with the given row stride. */
    void writeAlpha(ByteBuffer dst, int stride);

    /** Writes the predicted foreground in the layout's format (alpha byte, if any, set to 255). */
    void writeForeground(ByteBuffer dst, FrameLayout layout);

    /**
     * Writes {@code fgr * pha + bg * (1 - pha)}; for {@link Background.Transparent} writes
     * straight-alpha foreground (the layout must have an alpha byte). For {@link Background.Video}
     * call {@link #writeComposite(ByteBuffer, FrameLayout, ByteBuffer, FrameLayout)} instead.
     */
    void writeComposite(Background background, ByteBuffer dst, FrameLayout layout);

    /** Composite over a caller-supplied background frame of any size (scaled to cover). */
    void writeComposite(ByteBuffer dst, FrameLayout layout, ByteBuffer backgroundPixels, FrameLayout backgroundLayout);

    /**
     * Writes every output {@code targets} names. Hosts that want several outputs of a frame should
     * call this rather than the single writers: the full-resolution work is then done once (on the
     * coefficient path each single write is a pass of its own). With edge controls set the edited matte
     * is made once per frame however many writes follow; the other outputs are still one pass per call.
     */
    default void write(FrameTargets targets) {
        if (targets.alpha() != null) {
            writeAlpha(targets.alpha(), targets.alphaStride());
        }
        if (targets.foreground() != null) {
            writeForeground(targets.foreground(), targets.foregroundLayout());
        }
        if (targets.composite() != null) {
            if (targets.backgroundPixels() != null) {
                writeComposite(targets.composite(), targets.compositeLayout(), targets.backgroundPixels(), targets.backgroundLayout());
            } else {
                writeComposite(targets.background(), targets.composite(), targets.compositeLayout());
            }
        }
    }

    /** Wall time of the model call that produced this frame, divided by the frames in that call. */
    double inferenceMillis();
}
