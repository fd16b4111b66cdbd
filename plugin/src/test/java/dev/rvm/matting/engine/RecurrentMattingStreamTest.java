package dev.rvm.matting.engine;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattedFrame;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.MattingStreams;
import dev.rvm.matting.PixelFormat;
import dev.rvm.matting.TinyRvmGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stream mechanics through real ONNX Runtime calls on {@link TinyRvmGraph} (pha = mean(rgb) + frames * ratio). */
class RecurrentMattingStreamTest {

    @TempDir
    static Path dir;
    static MattingSettings settings;

    @BeforeAll
    static void model() throws Exception {
        settings = MattingSettings.DEFAULTS.withModel(TinyRvmGraph.write(dir).toString()).withDownsampleRatio(0.25f).withThreads(1);
    }

    /** One result copied out of the stream's reused buffers. */
    record Result(long tag, float[] alpha, float[] fgr) {
        static Result of(MattedFrame f) {
            float[] a = new float[f.width() * f.height()];
            f.alpha().get(a);
            float[] c = new float[3 * a.length];
            f.foreground().get(c);
            return new Result(f.tag(), a, c);
        }
    }

    static byte[] randomRgb(int w, int h, long seed) {
        byte[] b = new byte[w * h * 3];
        new Random(seed).nextBytes(b);
        return b;
    }

    static List<Result> submit(MattingStream s, byte[] rgb, int w, int h, long tag) {
        List<Result> out = new ArrayList<>();
        s.submit(ByteBuffer.wrap(rgb), FrameLayout.packed(w, h, PixelFormat.RGB), tag, f -> out.add(Result.of(f)));
        return out;
    }

    static float mean(byte[] rgb, int i) {
        return ((rgb[3 * i] & 0xFF) / 255f + (rgb[3 * i + 1] & 0xFF) / 255f + (rgb[3 * i + 2] & 0xFF) / 255f) / 3f;
    }

    /** How many frames of memory the tiny graph says this alpha carries (pha - mean = frames * ratio). */
    static float memory(Result r, byte[] rgb) {
        return r.alpha()[0] - mean(rgb, 0);
    }

    @Test
    void stateIsCarriedAndReset() {
        byte[] rgb = randomRgb(7, 5, 1);
        try (MattingStream s = MattingStreams.open(settings)) {
            for (int k = 0; k < 4; k++) {
                Result r = submit(s, rgb, 7, 5, k).get(0);
                assertEquals(k * 0.25f, memory(r, rgb), 1e-6, "frame " + k);
                for (int i = 0; i < 35; i++) {
                    assertEquals(mean(rgb, i) + k * 0.25f, r.alpha()[i], 1e-6);
                }
            }
            s.reset();
            assertEquals(0f, memory(submit(s, rgb, 7, 5, 9).get(0), rgb), 1e-6, "after reset");
            assertEquals(0.25f, memory(submit(s, rgb, 7, 5, 10).get(0), rgb), 1e-6, "one frame after reset");
        }
    }

    @Test
    void sizeAndRatioChangesResetState() {
        byte[] small = randomRgb(6, 4, 2);
        byte[] big = randomRgb(8, 6, 3);
        try (MattingStream s = MattingStreams.open(settings)) {
            submit(s, small, 6, 4, 0);
            submit(s, small, 6, 4, 1);
            assertEquals(0f, memory(submit(s, big, 8, 6, 2).get(0), big), 1e-6, "new size starts from zero state");
            assertEquals(0.25f, memory(submit(s, big, 8, 6, 3).get(0), big), 1e-6);
            s.update(s.settings().withDownsampleRatio(0.5f));
            assertEquals(0f, memory(submit(s, big, 8, 6, 4).get(0), big), 1e-6, "new ratio starts from zero state");
            assertEquals(0.5f, memory(submit(s, big, 8, 6, 5).get(0), big), 1e-6, "and uses the new ratio");
        }
    }

    @Test
    void autoRatioFollowsUpstreamRule() {
        assertEquals(1f, MattingSettings.DEFAULTS.effectiveRatio(400, 300));
        assertEquals(0.4f, MattingSettings.DEFAULTS.effectiveRatio(1280, 720), 1e-7);
        assertEquals(512f / 1920f, MattingSettings.DEFAULTS.effectiveRatio(1080, 1920), 1e-7);
        // a thin frame: the rule's 0.128 would leave 4000x4 no rows; auto gives the network 3 of them
        assertEquals(3, MattingSettings.networkSide(4, MattingSettings.DEFAULTS.effectiveRatio(4000, 4)));
        assertEquals(null, MattingSettings.DEFAULTS.frameSizeProblem(4000, 4));
        byte[] rgb = randomRgb(1024, 2, 4);
        try (MattingStream s = MattingStreams.open(settings.withDownsampleRatio(0f))) {
            submit(s, rgb, 1024, 2, 0);
            assertEquals(0.5f, memory(submit(s, rgb, 1024, 2, 1).get(0), rgb), 1e-6, "auto ratio 512/1024 reaches the model");
        }
    }

    @Test
    void chunkedResultsArriveLateInOrderAndEqualSingleFrames() {
        int w = 5;
        int h = 3;
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            frames.add(randomRgb(w, h, 10 + i));
        }
        List<Result> single = new ArrayList<>();
        try (MattingStream s = MattingStreams.open(settings)) {
            for (int i = 0; i < frames.size(); i++) {
                single.addAll(submit(s, frames.get(i), w, h, i));
            }
        }
        List<Result> chunked = new ArrayList<>();
        try (MattingStream s = MattingStreams.open(settings.withSeqChunk(3))) {
            assertEquals(0, submit(s, frames.get(0), w, h, 0).size());
            assertEquals(0, submit(s, frames.get(1), w, h, 1).size());
            chunked.addAll(submit(s, frames.get(2), w, h, 2));
            assertEquals(3, chunked.size(), "a full chunk comes out at its last frame");
            for (int i = 3; i < frames.size(); i++) {
                chunked.addAll(submit(s, frames.get(i), w, h, i));
            }
            assertEquals(6, chunked.size());
            s.drain(f -> chunked.add(Result.of(f)));
        }
        assertEquals(7, chunked.size(), "drain flushes the partial chunk");
        for (int i = 0; i < 7; i++) {
            assertEquals(i, chunked.get(i).tag());
            assertArrayEquals(single.get(i).alpha(), chunked.get(i).alpha(), 0f, "frame " + i);
            assertArrayEquals(single.get(i).fgr(), chunked.get(i).fgr(), 0f, "frame " + i);
        }
    }

    @Test
    void everyPixelFormatWithOddWidthAndPaddedStrideGivesTheSameInput() {
        int w = 7;
        int h = 3;
        byte[] rgb = randomRgb(w, h, 5);
        float[] expected = null;
        for (PixelFormat f : PixelFormat.values()) {
            int stride = w * f.bytesPerPixel + 5;
            ByteBuffer buf = ByteBuffer.allocateDirect(2 + stride * h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = 2 + y * stride + x * f.bytesPerPixel;
                    int i = 3 * (y * w + x);
                    buf.put(p + f.red, rgb[i]).put(p + f.green, rgb[i + 1]).put(p + f.blue, rgb[i + 2]);
                    if (f.bytesPerPixel == 4) {
                        buf.put(p + 3, (byte) 77);
                    }
                }
            }
            buf.position(2);
            List<Result> out = new ArrayList<>();
            try (MattingStream s = MattingStreams.open(settings)) {
                s.submit(buf, new FrameLayout(w, h, f, stride), 0, fr -> out.add(Result.of(fr)));
            }
            float[] fgr = out.get(0).fgr();
            for (int i = 0; i < w * h; i++) {
                assertEquals((rgb[3 * i] & 0xFF) / 255f, fgr[i], 0f, f + " red " + i);
                assertEquals((rgb[3 * i + 2] & 0xFF) / 255f, fgr[2 * w * h + i], 0f, f + " blue " + i);
            }
            if (expected == null) {
                expected = out.get(0).alpha();
            }
            assertArrayEquals(expected, out.get(0).alpha(), 0f, f.toString());
        }
    }

    @Test
    void foregroundAndAlphaAreWrittenInTheHostLayout() {
        int w = 5;
        int h = 2;
        byte[] rgb = randomRgb(w, h, 6);
        try (MattingStream s = MattingStreams.open(settings)) {
            s.submit(ByteBuffer.wrap(rgb), FrameLayout.packed(w, h, PixelFormat.RGB), 0, f -> {
                FrameLayout bgra = new FrameLayout(w, h, PixelFormat.BGRA, w * 4 + 4);
                ByteBuffer out = ByteBuffer.allocate(bgra.byteSize());
                f.writeForeground(out, bgra);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int p = y * bgra.stride() + 4 * x;
                        int i = 3 * (y * w + x);
                        assertEquals(rgb[i + 2], out.get(p), "B");
                        assertEquals(rgb[i + 1], out.get(p + 1), "G");
                        assertEquals(rgb[i], out.get(p + 2), "R");
                        assertEquals((byte) 255, out.get(p + 3), "A");
                    }
                }
                ByteBuffer alpha = ByteBuffer.allocate(8 * h);
                f.writeAlpha(alpha, 8);
                FloatBuffer a = f.alpha();
                for (int i = 0; i < w * h; i++) {
                    int expected = (int) Math.round(a.get(i) * 255.0);
                    assertEquals(expected, alpha.get((i / w) * 8 + i % w) & 0xFF);
                }
            });
        }
    }

    @Test
    void aShortBufferIsRefusedWithTheSizes() {
        try (MattingStream s = MattingStreams.open(settings)) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(dev.rvm.matting.MattingException.class,
                    () -> s.submit(ByteBuffer.allocate(10), FrameLayout.packed(4, 4, PixelFormat.RGB), 0, f -> { }));
            assertTrue(e.getMessage().contains("needs 48"), e.getMessage());
        }
    }

    @Test
    void everyBackgroundKindComposesItsOwnPixels() throws Exception {
        int w = 40;
        int h = 30;
        byte[] rgb = randomRgb(w, h, 8);
        FrameLayout out = FrameLayout.packed(w, h, PixelFormat.RGB);
        // a flat picture twice the frame's size with another aspect: covers the frame with its colour
        java.awt.image.BufferedImage flat = new java.awt.image.BufferedImage(100, 50, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 100; x++) {
                flat.setRGB(x, y, 0x0A141E);
            }
        }
        Path picture = dir.resolve("flat.png");
        javax.imageio.ImageIO.write(flat, "png", picture.toFile());
        FrameLayout videoLayout = FrameLayout.packed(100, 50, PixelFormat.BGRA);
        ByteBuffer video = ByteBuffer.allocate(videoLayout.byteSize());
        for (int p = 0; p < video.capacity(); p += 4) {
            video.put(p, (byte) 30).put(p + 1, (byte) 20).put(p + 2, (byte) 10).put(p + 3, (byte) 255);
        }
        try (MattingStream s = MattingStreams.open(settings)) {
            s.submit(ByteBuffer.wrap(rgb), FrameLayout.packed(w, h, PixelFormat.RGB), 0, f -> {
                ByteBuffer colour = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(new dev.rvm.matting.Background.Color(0xFF0A141E), colour, out);
                ByteBuffer fromPicture = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(new dev.rvm.matting.Background.Picture(picture), fromPicture, out);
                ByteBuffer fromVideo = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(fromVideo, out, video, videoLayout);
                assertEquals(colour, fromPicture, "picture scaled to cover");
                assertEquals(colour, fromVideo, "video frame scaled to cover");
                // blur radius 0 is the original frame itself: fgr (= src here) over src is src
                ByteBuffer unblurred = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(new dev.rvm.matting.Background.Blur(0), unblurred, out);
                assertEquals(ByteBuffer.wrap(rgb), unblurred);
                ByteBuffer blurred = ByteBuffer.allocate(out.byteSize());
                f.writeComposite(new dev.rvm.matting.Background.Blur(3), blurred, out);
                assertTrue(!blurred.equals(ByteBuffer.wrap(rgb)), "a blur changes the noise frame");
            });
        }
    }

    @Test
    void settingsChangedWhileFramesAreBufferedApplyAfterThoseFrames() {
        byte[] rgb = randomRgb(6, 4, 12);
        List<Result> out = new ArrayList<>();
        try (MattingStream s = MattingStreams.open(settings.withSeqChunk(3))) {
            out.addAll(submit(s, rgb, 6, 4, 0));
            out.addAll(submit(s, rgb, 6, 4, 1));
            s.update(s.settings().withDownsampleRatio(0.5f).withSeqChunk(2));
            assertEquals(0.5f, s.settings().downsampleRatio(), "settings() shows what the next frame gets");
            out.addAll(submit(s, rgb, 6, 4, 2));
            assertEquals(2, out.size(), "the two buffered frames come out under the old settings");
            assertEquals(0.25f, memory(out.get(1), rgb), 1e-6, "old ratio for the old frames");
            out.addAll(submit(s, rgb, 6, 4, 3));
            assertEquals(4, out.size(), "new chunk of 2");
            assertEquals(0f, memory(out.get(2), rgb), 1e-6, "the ratio change reset the state");
            assertEquals(0.5f, memory(out.get(3), rgb), 1e-6, "and the new ratio is used");
        }
    }
}
