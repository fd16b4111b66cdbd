package dev.rvm.matting;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The outputs a host wants from one matted frame, so that {@link MattedFrame#write(FrameTargets)}
 * can make all of them in one pass over the full-resolution frame. Mutable and meant to be reused
 * from frame to frame: {@link #clear()} it, name the buffers of this frame, hand it over.
 *
 * <pre>{@code
 * targets.clear().alpha(alphaBuffer, width).composite(background, rgbaBuffer, layout);
 * frame.write(targets);
 * }</pre>
 */
public final class FrameTargets {

    private static final Background VIDEO = new Background.Video();

    private ByteBuffer alpha;
    private int alphaStride;
    private ByteBuffer foreground;
    private FrameLayout foregroundLayout;
    private ByteBuffer composite;
    private FrameLayout compositeLayout;
    private Background background;
    private ByteBuffer backgroundPixels;
    private FrameLayout backgroundLayout;

    /** Forgets every target. */
    public FrameTargets clear() {
        alpha = null;
        foreground = null;
        composite = null;
        background = null;
        backgroundPixels = null;
        foregroundLayout = null;
        compositeLayout = null;
        backgroundLayout = null;
        return this;
    }

    /** 8-bit alpha, {@code round(alpha * 255)}, rows {@code stride} bytes apart from dst's position. */
    public FrameTargets alpha(ByteBuffer dst, int stride) {
        alpha = Objects.requireNonNull(dst, "alpha buffer");
        alphaStride = stride;
        return this;
    }

    /** The predicted foreground in the layout's format (alpha byte, if any, 255). */
    public FrameTargets foreground(ByteBuffer dst, FrameLayout layout) {
        foreground = Objects.requireNonNull(dst, "foreground buffer");
        foregroundLayout = Objects.requireNonNull(layout, "foreground layout");
        return this;
    }

    /** {@code fgr * pha + bg * (1 - pha)} over a background that is not {@link Background.Video}. */
    public FrameTargets composite(Background bg, ByteBuffer dst, FrameLayout layout) {
        background = Objects.requireNonNull(bg, "background");
        composite = Objects.requireNonNull(dst, "composite buffer");
        compositeLayout = Objects.requireNonNull(layout, "composite layout");
        backgroundPixels = null;
        backgroundLayout = null;
        return this;
    }

    /** The composite over a caller-supplied background frame of any size (scaled to cover). */
    public FrameTargets composite(ByteBuffer dst, FrameLayout layout, ByteBuffer bgPixels, FrameLayout bgLayout) {
        background = VIDEO;
        composite = Objects.requireNonNull(dst, "composite buffer");
        compositeLayout = Objects.requireNonNull(layout, "composite layout");
        backgroundPixels = Objects.requireNonNull(bgPixels, "background frame");
        backgroundLayout = Objects.requireNonNull(bgLayout, "background frame layout");
        return this;
    }

    public ByteBuffer alpha() {
        return alpha;
    }

    public int alphaStride() {
        return alphaStride;
    }

    public ByteBuffer foreground() {
        return foreground;
    }

    public FrameLayout foregroundLayout() {
        return foregroundLayout;
    }

    public ByteBuffer composite() {
        return composite;
    }

    public FrameLayout compositeLayout() {
        return compositeLayout;
    }

    public Background background() {
        return background;
    }

    /** The background frame of a {@link Background.Video} composite, else null. */
    public ByteBuffer backgroundPixels() {
        return backgroundPixels;
    }

    public FrameLayout backgroundLayout() {
        return backgroundLayout;
    }
}
