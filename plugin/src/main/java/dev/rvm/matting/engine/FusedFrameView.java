package dev.rvm.matting.engine;

import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.FrameTargets;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.compositing.BackgroundRenderer;
import dev.rvm.matting.edges.MatteEdges;
import dev.rvm.matting.pixels.FullResolutionPass;
import dev.rvm.matting.pixels.RowSplit;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * One slot of a {@link CoefficientBatch} seen as a result. Every write is one full-resolution pass
 * from the low-resolution coefficients and the 8-bit frame; {@link #write(FrameTargets)} makes all
 * outputs in that one pass. The float alpha and foreground exist only when asked for: their buffers
 * are allocated on the first request and filled at most once per frame.
 *
 * <p>With edge controls set, a write that needs the matte is two passes: the first makes only the 8-bit
 * matte (the alpha coefficients alone), the edge filter edits it in place, and the second makes the
 * other outputs from it (the colour coefficients alone), so the bilinear work is the same as one pass.
 * The edited matte is made once per frame, whatever the number of writes. At the defaults the single
 * fused pass runs exactly as without edge controls.
 */
final class FusedFrameView implements MattedFrame {

    private final CoefficientBatch batch;
    private final int coefOffset;
    private final FullResolutionPass pass;
    private final BackgroundRenderer backgrounds;
    private final RowSplit split;
    private final MatteEdges edges;
    private ByteBuffer frame;
    private FrameLayout layout;
    private FloatBuffer floatAlpha;
    private FloatBuffer floatForeground;
    private boolean floatsMade;
    /** For the single-output writers, which are one-target passes. */
    private final FrameTargets targets = new FrameTargets();
    long tag;
    double millis;

    FusedFrameView(CoefficientBatch batch, int coefOffset, FullResolutionPass pass, BackgroundRenderer backgrounds,
                   RowSplit split, MatteEdges edges) {
        this.batch = batch;
        this.coefOffset = coefOffset;
        this.pass = pass;
        this.backgrounds = backgrounds;
        this.split = split;
        this.edges = edges;
    }

    void take(ByteBuffer pixels, FrameLayout frameLayout, long frameTag) {
        frame = pixels;
        layout = frameLayout;
        tag = frameTag;
        floatsMade = false;
    }

    void release() {
        frame = null;
    }

    @Override
    public long tag() {
        return tag;
    }

    @Override
    public int width() {
        return batch.width();
    }

    @Override
    public int height() {
        return batch.height();
    }

    @Override
    public FloatBuffer alpha() {
        makeFloats();
        return floatAlpha.clear();
    }

    @Override
    public FloatBuffer foreground() {
        makeFloats();
        return floatForeground.clear();
    }

    private void makeFloats() {
        if (floatAlpha == null) {
            int plane = batch.width() * batch.height();
            floatAlpha = RecurrentState.direct(plane);
            floatForeground = RecurrentState.direct(3 * plane);
        }
        if (!floatsMade) {
            pixels();
            if (edges.active()) {
                pass.matteFrom(editedMatte(), batch.width());
            }
            pass.floatsTo(floatAlpha, floatForeground);
            run();
            floatsMade = true;
        }
    }

    @Override
    public void writeAlpha(ByteBuffer dst, int stride) {
        write(targets.clear().alpha(dst, stride));
    }

    @Override
    public void writeForeground(ByteBuffer dst, FrameLayout out) {
        write(targets.clear().foreground(dst, out));
    }

    @Override
    public void writeComposite(Background background, ByteBuffer dst, FrameLayout out) {
        write(targets.clear().composite(background, dst, out));
    }

    @Override
    public void writeComposite(ByteBuffer dst, FrameLayout out, ByteBuffer backgroundPixels, FrameLayout backgroundLayout) {
        write(targets.clear().composite(dst, out, backgroundPixels, backgroundLayout));
    }

    /** All targets in one pass. A refused target (say, a transparent composite in RGB) refuses the whole call. */
    @Override
    public void write(FrameTargets t) {
        ByteBuffer matte = edges.active() && (t.alpha() != null || t.composite() != null) ? editedMatte() : null;
        try {
            if (matte != null) {
                pass.matteFrom(matte, batch.width());
            }
            if (t.alpha() != null) {
                pass.alphaTo(t.alpha(), t.alphaStride());
            }
            if (t.foreground() != null) {
                pass.foregroundTo(t.foreground(), t.foregroundLayout());
            }
            if (t.composite() != null) {
                pass.compositeTo(t.backgroundPixels() != null
                        ? backgrounds.video(t.backgroundPixels(), t.backgroundLayout(), batch.width(), batch.height())
                        : backgrounds.source(t.background(), pixels(), layout), t.composite(), t.compositeLayout());
            }
        } catch (RuntimeException e) {
            pass.forgetTargets();
            throw e;
        }
        run();
    }

    @Override
    public double inferenceMillis() {
        return millis;
    }

    /** This frame's 8-bit matte after the edge controls, made (one alpha-only pass, then the filter) on first need. */
    private ByteBuffer editedMatte() {
        ByteBuffer matte = batch.matteOf(this);
        if (matte == null) {
            pixels();
            matte = batch.claimMatte(this);
            pass.alphaTo(matte.clear(), batch.width());
            run();
            edges.edit(matte, batch.width(), batch.height(), batch.width());
        }
        return matte;
    }

    private ByteBuffer pixels() {
        if (frame == null) {
            throw new IllegalStateException("a matted frame is valid only inside the result handler that received it");
        }
        return frame;
    }

    private void run() {
        pass.run(batch.coefA, batch.coefB, coefOffset, pixels(), layout, split);
    }
}
