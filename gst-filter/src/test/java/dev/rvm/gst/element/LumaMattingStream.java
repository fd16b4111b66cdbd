package dev.rvm.gst.element;

import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.FrameTargets;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.compositing.BackgroundRenderer;
import dev.rvm.matting.pixels.Composite;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the matting core in element tests: alpha is the pixel's luma, the foreground is the
 * input. Deterministic and fast, so tests can check exactly which pixels came out of which frame,
 * and it honours seq-chunk (results wait for a full chunk) like the core does.
 */
final class LumaMattingStream implements MattingStream {
    static final AtomicInteger RESETS = new AtomicInteger();
    /** Frames written through {@link MattedFrame#write(FrameTargets)}, and single writes made outside it. */
    static final AtomicInteger TARGET_WRITES = new AtomicInteger();
    static final AtomicInteger SINGLE_WRITES = new AtomicInteger();

    private MattingSettings settings;
    private final long delayMillis;
    private final ArrayDeque<Frame> chunk = new ArrayDeque<>();

    LumaMattingStream(MattingSettings settings, long delayMillis) {
        this.settings = settings;
        this.delayMillis = delayMillis;
    }

    static int luma(int r, int g, int b) {
        return (77 * r + 150 * g + 29 * b + 128) >> 8;
    }

    @Override
    public void submit(ByteBuffer pixels, FrameLayout layout, long tag, ResultHandler out) {
        chunk.addLast(new Frame(pixels, layout, tag));
        if (chunk.size() >= settings.seqChunk()) {
            drain(out);
        }
    }

    @Override
    public void drain(ResultHandler out) {
        while (!chunk.isEmpty()) {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            out.onResult(chunk.pollFirst());
        }
    }

    @Override
    public void reset() {
        RESETS.incrementAndGet();
        chunk.clear();
    }

    @Override
    public void update(MattingSettings s) {
        settings = s;
    }

    @Override
    public MattingSettings settings() {
        return settings;
    }

    @Override
    public void close() {
    }

    /** One copied input frame, kept as packed RGB plus its luma. */
    private static final class Frame implements MattedFrame {
        final long tag;
        final int width;
        final int height;
        final byte[] rgb;
        final byte[] alpha;
        private boolean inTargets;

        Frame(ByteBuffer pixels, FrameLayout layout, long tag) {
            this.tag = tag;
            this.width = layout.width();
            this.height = layout.height();
            this.rgb = new byte[width * height * 3];
            this.alpha = new byte[width * height];
            PixelFormat f = layout.format();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = pixels.position() + y * layout.stride() + x * f.bytesPerPixel;
                    int r = pixels.get(at + f.red) & 0xFF;
                    int g = pixels.get(at + f.green) & 0xFF;
                    int b = pixels.get(at + f.blue) & 0xFF;
                    int i = y * width + x;
                    rgb[3 * i] = (byte) r;
                    rgb[3 * i + 1] = (byte) g;
                    rgb[3 * i + 2] = (byte) b;
                    alpha[i] = (byte) luma(r, g, b);
                }
            }
        }

        @Override public long tag() { return tag; }
        @Override public int width() { return width; }
        @Override public int height() { return height; }

        @Override
        public FloatBuffer alpha() {
            FloatBuffer f = FloatBuffer.allocate(alpha.length);
            for (byte a : alpha) {
                f.put((a & 0xFF) / 255f);
            }
            return f.flip();
        }

        @Override
        public FloatBuffer foreground() {
            FloatBuffer f = FloatBuffer.allocate(rgb.length);
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < width * height; i++) {
                    f.put((rgb[3 * i + c] & 0xFF) / 255f);
                }
            }
            return f.flip();
        }

        @Override
        public void write(FrameTargets targets) {
            TARGET_WRITES.incrementAndGet();
            inTargets = true;
            try {
                MattedFrame.super.write(targets);
            } finally {
                inTargets = false;
            }
        }

        private void countSingle() {
            if (!inTargets) {
                SINGLE_WRITES.incrementAndGet();
            }
        }

        @Override
        public void writeAlpha(ByteBuffer dst, int stride) {
            countSingle();
            for (int y = 0; y < height; y++) {
                dst.put(y * stride, alpha, y * width, width);
            }
        }

        @Override
        public void writeForeground(ByteBuffer dst, FrameLayout layout) {
            countSingle();
            write(dst, layout, null);
        }

        @Override
        public void writeComposite(Background background, ByteBuffer dst, FrameLayout layout) {
            countSingle();
            write(dst, layout, background);
        }

        private void write(ByteBuffer dst, FrameLayout layout, Background background) {
            write(dst, layout, background, null);
        }

        /** {@code video}: packed RGB of the frame's size behind the person, or null. */
        private void write(ByteBuffer dst, FrameLayout layout, Background background, byte[] video) {
            PixelFormat f = layout.format();
            int bg = background instanceof Background.Color c ? c.argb() : 0;
            boolean transparent = background instanceof Background.Transparent;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    int at = y * layout.stride() + x * f.bytesPerPixel;
                    int a = alpha[i] & 0xFF;
                    int[] c = {rgb[3 * i] & 0xFF, rgb[3 * i + 1] & 0xFF, rgb[3 * i + 2] & 0xFF};
                    if (video != null || background != null && !transparent) {
                        int[] b = video != null
                                ? new int[] {video[3 * i] & 0xFF, video[3 * i + 1] & 0xFF, video[3 * i + 2] & 0xFF}
                                : new int[] {(bg >> 16) & 0xFF, (bg >> 8) & 0xFF, bg & 0xFF};
                        for (int k = 0; k < 3; k++) {
                            c[k] = (c[k] * a + b[k] * (255 - a) + 127) / 255;
                        }
                    }
                    dst.put(at + f.red, (byte) c[0]);
                    dst.put(at + f.green, (byte) c[1]);
                    dst.put(at + f.blue, (byte) c[2]);
                    if (f.hasAlpha()) {
                        dst.put(at + f.alpha, (byte) (transparent ? a : 255));
                    }
                }
            }
        }

        /** Scaled to cover by the core's renderer, then blended like the colour. */
        @Override
        public void writeComposite(ByteBuffer dst, FrameLayout layout, ByteBuffer bgPixels, FrameLayout bgLayout) {
            countSingle();
            try (BackgroundRenderer renderer = new BackgroundRenderer()) {
                Composite.Source.Pixels covered = (Composite.Source.Pixels) renderer.video(bgPixels, bgLayout, width, height);
                write(dst, layout, null, covered.rgb());
            }
        }

        @Override
        public double inferenceMillis() {
            return 0.5;
        }
    }
}
