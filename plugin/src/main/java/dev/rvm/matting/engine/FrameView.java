package dev.rvm.matting.engine;

import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.compositing.BackgroundRenderer;
import dev.rvm.matting.pixels.Composite;
import dev.rvm.matting.pixels.PackedOutput;
import dev.rvm.matting.pixels.RowSplit;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/** One slot of a {@link WholeGraphBatch} seen as a result; reused for every frame that passes through the slot. */
final class FrameView implements MattedFrame {

    private final WholeGraphBatch batch;
    private final int slot;
    private final FloatBuffer alpha;
    private final FloatBuffer foreground;
    private final BackgroundRenderer backgrounds;
    private final RowSplit split;
    long tag;
    double millis;

    FrameView(WholeGraphBatch batch, int slot, BackgroundRenderer backgrounds, RowSplit split) {
        this.batch = batch;
        this.slot = slot;
        this.backgrounds = backgrounds;
        this.alpha = batch.pha.slice(batch.phaOffset(slot), batch.plane());
        this.foreground = batch.fgr.slice(batch.srcOffset(slot), 3 * batch.plane());
        this.split = split;
    }

    @Override
    public long tag() {
        return tag;
    }

    @Override
    public int width() {
        return batch.width;
    }

    @Override
    public int height() {
        return batch.height;
    }

    @Override
    public FloatBuffer alpha() {
        return alpha.clear();
    }

    @Override
    public FloatBuffer foreground() {
        return foreground.clear();
    }

    @Override
    public void writeAlpha(ByteBuffer dst, int stride) {
        PackedOutput.alpha(batch.pha, batch.phaOffset(slot), batch.width, batch.height, dst, stride, split);
    }

    @Override
    public void writeForeground(ByteBuffer dst, FrameLayout layout) {
        checkSize(layout);
        PackedOutput.foreground(batch.fgr, batch.srcOffset(slot), dst, layout, split);
    }

    @Override
    public void writeComposite(Background background, ByteBuffer dst, FrameLayout layout) {
        checkSize(layout);
        Composite.Source bg = backgrounds.source(background, batch.src, batch.srcOffset(slot), batch.width, batch.height);
        Composite.over(batch.fgr, batch.srcOffset(slot), batch.pha, batch.phaOffset(slot), bg, dst, layout, split);
    }

    @Override
    public void writeComposite(ByteBuffer dst, FrameLayout layout, ByteBuffer backgroundPixels, FrameLayout backgroundLayout) {
        checkSize(layout);
        Composite.Source bg = backgrounds.video(backgroundPixels, backgroundLayout, batch.width, batch.height);
        Composite.over(batch.fgr, batch.srcOffset(slot), batch.pha, batch.phaOffset(slot), bg, dst, layout, split);
    }

    @Override
    public double inferenceMillis() {
        return millis;
    }

    private void checkSize(FrameLayout layout) {
        if (layout.width() != batch.width || layout.height() != batch.height) {
            throw new IllegalArgumentException("output layout is " + layout.width() + "x" + layout.height()
                    + " but the matted frame is " + batch.width + "x" + batch.height);
        }
    }
}
