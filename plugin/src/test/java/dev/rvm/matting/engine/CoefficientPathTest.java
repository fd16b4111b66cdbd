package dev.rvm.matting.engine;

import dev.rvm.matting.Background;
import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.FrameTargets;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.TinyRvmGraph;
import dev.rvm.matting.compositing.BackgroundRenderer;
import dev.rvm.matting.pixels.Composite;
import dev.rvm.models.ReferenceFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream's coefficient path on the real built-in model: which path a stream takes, one fused
 * write equal to the single writers, chunks equal to single frames, every background kind, and a
 * result view that refuses to be used after its handler returned.
 */
class CoefficientPathTest {

    static final int W = 400;
    static final int H = 300;
    static final MattingSettings SETTINGS = MattingSettings.DEFAULTS.withDownsampleRatio(0.5f).withThreads(2);

    @TempDir
    Path dir;

    /** Frame {@code index} of the webcam fixture (a person talking, 400x300) in the given layout. */
    static ByteBuffer frame(int index, FrameLayout layout) {
        try {
            List<String> frames = ReferenceFixtures.cases().stream().filter(c -> c.set().equals("cap12")).findFirst()
                    .orElseThrow().frames();
            ReferenceFixtures.Case c = new ReferenceFixtures.Case("cap12", "ref_r05", 0.5f);
            ReferenceFixtures.RgbImage img = ReferenceFixtures.readRgb(c.framePath(frames.get(index % frames.size())));
            PixelFormat f = layout.format();
            ByteBuffer b = ByteBuffer.allocateDirect(layout.byteSize());
            for (int y = 0; y < layout.height(); y++) {
                for (int x = 0; x < layout.width(); x++) {
                    int p = y * layout.stride() + x * f.bytesPerPixel;
                    int q = 3 * (y * img.width() + x);
                    b.put(p + f.red, img.rgb()[q]).put(p + f.green, img.rgb()[q + 1]).put(p + f.blue, img.rgb()[q + 2]);
                    if (f.hasAlpha()) {
                        b.put(p + f.alpha, (byte) 255);
                    }
                }
            }
            return b;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Everything a frame can give, copied out. */
    record Copy(long tag, float[] alpha, float[] fgr, byte[] alpha8, byte[] fgr8, byte[] composite) {
        static Copy of(MattedFrame f, FrameLayout out) {
            float[] a = new float[f.width() * f.height()];
            f.alpha().get(a);
            float[] c = new float[3 * a.length];
            f.foreground().get(c);
            ByteBuffer a8 = ByteBuffer.allocate(a.length);
            f.writeAlpha(a8, f.width());
            ByteBuffer fg = ByteBuffer.allocate(out.byteSize());
            f.writeForeground(fg, out);
            ByteBuffer comp = ByteBuffer.allocate(out.byteSize());
            f.writeComposite(new Background.Color(Background.UPSTREAM_GREEN), comp, out);
            return new Copy(f.tag(), a, c, a8.array(), fg.array(), comp.array());
        }
    }

    @Test
    void builtInWeightsTakeTheCoefficientPathExceptAtRatioOne() throws Exception {
        FrameLayout layout = FrameLayout.packed(W, H, PixelFormat.BGRX);
        ByteBuffer px = frame(1, layout);
        try (RecurrentMattingStream s = new RecurrentMattingStream(SETTINGS, RecurrentMattingStream.DEFAULT_OPENER)) {
            s.submit(px, layout, 0, f -> { });
            assertTrue(s.usesCoefficientModel(), "ratio 0.5");
            s.update(s.settings().withDownsampleRatio(1f));
            s.submit(px, layout, 1, f -> { });
            assertFalse(s.usesCoefficientModel(), "ratio 1 has no guided filter: the whole graph runs");
            // near the smallest network input the unpadded 3x3 box filter takes: 4x3, coefficients 2x1
            s.update(s.settings().withDownsampleRatio(0.01f));
            byte[] matte = new byte[W * H];
            s.submit(px, layout, 2, f -> f.writeAlpha(ByteBuffer.wrap(matte), W));
            assertTrue(s.usesCoefficientModel(), "4x3 network input");
        }
        MattingSettings upstreamFile = SETTINGS.withModel(TinyRvmGraph.write(dir).toString());
        try (RecurrentMattingStream s = new RecurrentMattingStream(upstreamFile, RecurrentMattingStream.DEFAULT_OPENER)) {
            s.submit(px, layout, 0, f -> { });
            assertFalse(s.usesCoefficientModel(), "an ONNX file with the upstream signature runs whole");
        }
    }

    @Test
    void oneFusedWriteEqualsTheSingleWriters() {
        FrameLayout in = new FrameLayout(W, H, PixelFormat.RGB, W * 3 + 5);
        FrameLayout out = new FrameLayout(W, H, PixelFormat.BGRA, W * 4 + 8);
        try (RecurrentMattingStream s = new RecurrentMattingStream(SETTINGS, RecurrentMattingStream.DEFAULT_OPENER)) {
            s.submit(frame(2, in), in, 7, f -> {
                Copy single = Copy.of(f, out);
                ByteBuffer a8 = ByteBuffer.allocate(W * H + 3);
                ByteBuffer fg = ByteBuffer.allocate(out.byteSize());
                ByteBuffer comp = ByteBuffer.allocate(out.byteSize());
                f.write(new FrameTargets().alpha(a8, W).foreground(fg, out)
                        .composite(new Background.Color(Background.UPSTREAM_GREEN), comp, out));
                assertArrayEquals(single.alpha8(), java.util.Arrays.copyOf(a8.array(), W * H));
                assertArrayEquals(single.fgr8(), fg.array());
                assertArrayEquals(single.composite(), comp.array());
                int visible = 0;
                for (int i = 0; i < single.alpha8().length; i++) {
                    assertEquals(Math.round(single.alpha()[i] * 255.0), single.alpha8()[i] & 0xFF, "8-bit alpha of the float alpha");
                    visible += (single.alpha8()[i] & 0xFF) > 128 ? 1 : 0;
                }
                assertTrue(visible > W * H / 10 && visible < W * H * 9 / 10, "a matte with a person and a background: " + visible);
            });
        }
    }

    /**
     * A host's video background (another size and format, scaled to cover) in the same one fused write
     * as the alpha and the foreground: what rvmmatte does with its background pad and all pads linked.
     */
    @Test
    void aVideoBackgroundOfAnotherSizeTakesPartInTheOneFusedWrite() {
        FrameLayout in = FrameLayout.packed(W, H, PixelFormat.BGRX);
        FrameLayout out = FrameLayout.packed(W, H, PixelFormat.RGBX);
        FrameLayout bgLayout = FrameLayout.packed(640, 240, PixelFormat.RGBX);
        ByteBuffer bg = ByteBuffer.allocateDirect(bgLayout.byteSize());
        for (int y = 0; y < bgLayout.height(); y++) {
            for (int x = 0; x < bgLayout.width(); x++) {
                bg.put((byte) (x * 255 / 639)).put((byte) (y * 255 / 239)).put((byte) 90).put((byte) 0);
            }
        }
        bg.flip();
        byte[] covered;
        try (BackgroundRenderer renderer = new BackgroundRenderer()) {
            covered = ((Composite.Source.Pixels) renderer.video(bg.duplicate(), bgLayout, W, H)).rgb().clone();
        }
        try (RecurrentMattingStream s = new RecurrentMattingStream(SETTINGS, RecurrentMattingStream.DEFAULT_OPENER)) {
            s.submit(frame(5, in), in, 0, f -> {
                ByteBuffer overVideo = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(overVideo, out, bg.duplicate(), bgLayout);
                ByteBuffer a8 = ByteBuffer.allocate(W * H);
                ByteBuffer fg = ByteBuffer.allocate(in.byteSize());
                ByteBuffer comp = ByteBuffer.allocate(out.byteSize());
                f.write(new FrameTargets().alpha(a8, W).foreground(fg, in).composite(comp, out, bg.duplicate(), bgLayout));
                assertEquals(overVideo, comp.clear(), "one write over the video equals its single writer");
                int wall = 0;
                for (int i = 0; i < W * H; i++) {
                    if (a8.get(i) == 0) {
                        wall++;
                        for (int c = 0; c < 3; c++) {
                            assertEquals(covered[3 * i + c], comp.get(4 * i + c), "the scaled video where the matte is 0");
                        }
                    }
                }
                assertTrue(wall > W * H / 10, "background pixels: " + wall);
            });
        }
    }

    @Test
    void chunksEqualSingleFramesAndKeepTheirOwnPixels() {
        FrameLayout in = FrameLayout.packed(W, H, PixelFormat.BGRX);
        FrameLayout out = FrameLayout.packed(W, H, PixelFormat.RGB);
        List<ByteBuffer> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            frames.add(frame(10 + i, in));
        }
        List<Copy> single = new ArrayList<>();
        try (RecurrentMattingStream s = new RecurrentMattingStream(SETTINGS, RecurrentMattingStream.DEFAULT_OPENER)) {
            for (int i = 0; i < frames.size(); i++) {
                s.submit(frames.get(i), in, i, f -> single.add(Copy.of(f, out)));
            }
        }
        List<Copy> chunked = new ArrayList<>();
        ByteBuffer scratch = ByteBuffer.allocateDirect(in.byteSize());
        try (RecurrentMattingStream s = new RecurrentMattingStream(SETTINGS.withSeqChunk(2), RecurrentMattingStream.DEFAULT_OPENER)) {
            for (int i = 0; i < frames.size(); i++) {
                // the host reuses its buffer as soon as submit returns: the chunk must have kept a copy
                scratch.clear().put(frames.get(i).clear()).flip();
                s.submit(scratch, in, i, f -> chunked.add(Copy.of(f, out)));
                scratch.clear();
                for (int p = 0; p < scratch.capacity(); p++) {
                    scratch.put(p, (byte) 0x55);
                }
            }
            s.drain(f -> chunked.add(Copy.of(f, out)));
        }
        assertEquals(5, chunked.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(i, chunked.get(i).tag());
            float[] a = single.get(i).alpha();
            float[] b = chunked.get(i).alpha();
            double worst = 0;
            for (int p = 0; p < a.length; p++) {
                worst = Math.max(worst, Math.abs(a[p] - b[p]));
            }
            assertTrue(worst < 1e-3, "frame " + i + " alpha differs by " + worst + " between chunk 2 and single frames");
            int far = 0;
            for (int p = 0; p < a.length; p++) {
                far += Math.abs((single.get(i).composite()[3 * p] & 0xFF) - (chunked.get(i).composite()[3 * p] & 0xFF)) > 1 ? 1 : 0;
            }
            assertEquals(0, far, "frame " + i + ": composite made from the frame's own pixels");
        }
    }

    @Test
    void everyBackgroundKindOnTheFusedPath() throws Exception {
        FrameLayout in = FrameLayout.packed(W, H, PixelFormat.BGRA);
        FrameLayout out = FrameLayout.packed(W, H, PixelFormat.RGBA);
        ByteBuffer px = frame(3, in);
        BufferedImage flat = new BufferedImage(W * 2, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W * 2; x++) {
                flat.setRGB(x, y, 0x0A141E);
            }
        }
        Path picture = dir.resolve("flat.png");
        ImageIO.write(flat, "png", picture.toFile());
        try (RecurrentMattingStream s = new RecurrentMattingStream(SETTINGS, RecurrentMattingStream.DEFAULT_OPENER)) {
            s.submit(px, in, 0, f -> {
                ByteBuffer colour = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(new Background.Color(0xFF0A141E), colour, out);
                ByteBuffer fromPicture = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(new Background.Picture(picture), fromPicture, out);
                assertEquals(colour, fromPicture, "picture scaled to cover");
                // blur radius 0 is the frame itself: the same as handing the frame in as a video background
                ByteBuffer unblurred = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(new Background.Blur(0), unblurred, out);
                ByteBuffer overFrame = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(overFrame, out, px.duplicate().clear(), in);
                assertEquals(overFrame, unblurred);
                ByteBuffer blurred = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(new Background.Blur(4), blurred, out);
                assertFalse(blurred.equals(unblurred), "a blur changes the background");
                ByteBuffer straight = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(new Background.Transparent(), straight, out);
                ByteBuffer alpha = ByteBuffer.allocate(W * H);
                f.writeAlpha(alpha, W);
                for (int i = 0; i < W * H; i++) {
                    assertEquals(alpha.get(i), straight.get(4 * i + 3), "straight alpha carries the matte");
                }
                FrameLayout rgb = FrameLayout.packed(W, H, PixelFormat.RGB);
                var e = assertThrows(IllegalArgumentException.class, () -> f.write(new FrameTargets().alpha(alpha.clear(), W)
                        .composite(new Background.Transparent(), ByteBuffer.allocate(rgb.byteSize()), rgb)));
                assertTrue(e.getMessage().contains("needs a pixel format with alpha"), e.getMessage());
                // the refused call left nothing behind: the next write is only what it asks for
                ByteBuffer again = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(new Background.Color(0xFF0A141E), again, out);
                assertEquals(colour, again);
            });
        }
    }

    @Test
    void aResultUsedAfterItsHandlerFailsCleanly() {
        FrameLayout in = FrameLayout.packed(W, H, PixelFormat.BGRX);
        MattedFrame[] kept = new MattedFrame[1];
        try (RecurrentMattingStream s = new RecurrentMattingStream(SETTINGS, RecurrentMattingStream.DEFAULT_OPENER)) {
            s.submit(frame(4, in), in, 0, f -> kept[0] = f);
            var e = assertThrows(IllegalStateException.class, () -> kept[0].writeAlpha(ByteBuffer.allocate(W * H), W));
            assertTrue(e.getMessage().contains("only inside the result handler"), e.getMessage());
        }
    }
}
