package dev.rvm.matting.pixels;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coefficient path's pixel code against ONNX Runtime running the very ops of the whole graph it
 * replaces: the network's input resize and the guided filter's full-resolution tail must come out
 * bit for bit the same, at even and odd sizes, in every pixel format, split in two row bands.
 */
class FullResolutionPassTest {

    private static final RowSplit BANDS = new RowSplit(true);

    @AfterAll
    static void close() {
        BANDS.close();
    }

    @ParameterizedTest(name = "{0}x{1} @ {2} as {3}")
    @CsvSource({"1280,720,0.25,BGRX", "548,342,0.25,RGB", "400,300,0.5,BGRA", "401,299,0.375,RGBX"})
    void downsampledInputIsTheGraphsResizeBitForBit(int w, int h, float ratio, PixelFormat format) throws Exception {
        int sw = (int) ((float) w * ratio);
        int sh = (int) ((float) h * ratio);
        Frame frame = Frame.random(w, h, format, 3, 11);
        FloatBuffer mine = floats(3 * sw * sh + 5);
        new DownsampledInput(w, h, sw, sh).write(frame.pixels, frame.layout, mine, 5, BANDS);
        float[] expected;
        try (GuidedFilterTailGraph g = GuidedFilterTailGraph.inputResize(sh, sw)) {
            expected = g.run(Map.of("src", frame.planes()), Map.of("src", new long[]{1, 3, h, w})).get("small");
        }
        assertArrayEquals(expected, array(mine, 5, 3 * sw * sh), 0f);
    }

    @ParameterizedTest(name = "{0}x{1} from {2}x{3} coefficients")
    @CsvSource({"400,300,98,73", "548,342,135,83", "1280,720,318,178"})
    void passIsTheGraphsTailBitForBit(int w, int h, int cw, int ch) throws Exception {
        Random r = new Random(w);
        float[] a = new float[4 * cw * ch];
        float[] b = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            // the filter's A is large where the guide is flat: cover that range and both clips
            a[i] = (float) (r.nextGaussian() * 3);
            b[i] = (float) (r.nextGaussian() * 0.8 + 0.3);
        }
        Frame frame = Frame.random(w, h, PixelFormat.BGRA, 8, 12);
        Map<String, float[]> ref;
        try (GuidedFilterTailGraph g = GuidedFilterTailGraph.tail(h, w)) {
            long[] coef = {1, 4, ch, cw};
            ref = g.run(Map.of("a", a, "b", b, "src", frame.planes()), Map.of("a", coef, "b", coef, "src", new long[]{1, 3, h, w}));
        }
        FullResolutionPass pass = new FullResolutionPass(w, h, cw, ch);
        // the coefficients of the second slot of a chunk: an offset into shared buffers
        FloatBuffer sa = floats(7 + a.length);
        FloatBuffer sb = floats(7 + a.length);
        sa.put(7, a);
        sb.put(7, b);
        FloatBuffer pha = floats(w * h);
        FloatBuffer fgr = floats(3 * w * h);
        pass.floatsTo(pha, fgr).run(sa, sb, 7, frame.pixels, frame.layout, BANDS);
        assertArrayEquals(ref.get("pha"), array(pha, 0, w * h), 0f, "float alpha");
        assertArrayEquals(ref.get("fgr"), array(fgr, 0, 3 * w * h), 0f, "float foreground");

        // 8-bit outputs equal what the existing writers make of the reference floats
        FloatBuffer refPha = FloatBuffer.wrap(ref.get("pha"));
        FloatBuffer refFgr = FloatBuffer.wrap(ref.get("fgr"));
        int stride = w + 3;
        ByteBuffer alpha = ByteBuffer.allocate(stride * h);
        ByteBuffer expectedAlpha = ByteBuffer.allocate(stride * h);
        for (PixelFormat f : PixelFormat.values()) {
            FrameLayout out = new FrameLayout(w, h, f, w * f.bytesPerPixel + 2);
            ByteBuffer fg = ByteBuffer.allocateDirect(out.byteSize());
            ByteBuffer comp = ByteBuffer.allocateDirect(out.byteSize());
            Composite.Source green = new Composite.Source.Color(120 / 255f, 1f, 155 / 255f);
            pass.alphaTo(alpha.clear(), stride).foregroundTo(fg, out).compositeTo(green, comp, out)
                    .run(sa, sb, 7, frame.pixels, frame.layout, BANDS);
            PackedOutput.alpha(refPha, 0, w, h, expectedAlpha.clear(), stride, RowSplit.serial());
            assertEquals(expectedAlpha.clear(), alpha.clear(), "8-bit alpha");
            ByteBuffer expected = ByteBuffer.allocateDirect(out.byteSize());
            PackedOutput.foreground(refFgr, 0, expected, out, RowSplit.serial());
            assertEquals(expected, fg, f + " foreground");
            Composite.over(refFgr, 0, refPha, 0, green, expected.clear(), out, RowSplit.serial());
            assertEquals(expected, comp, f + " composite over a colour");
            if (f.hasAlpha()) {
                Composite.Source clear = new Composite.Source.Transparent();
                pass.compositeTo(clear, comp.clear(), out).run(sa, sb, 7, frame.pixels, frame.layout, BANDS);
                Composite.over(refFgr, 0, refPha, 0, clear, expected.clear(), out, RowSplit.serial());
                assertEquals(expected, comp, f + " transparent composite");
            }
        }
        byte[] picture = new byte[3 * w * h];
        r.nextBytes(picture);
        Composite.Source pixels = new Composite.Source.Pixels(picture);
        FrameLayout rgb = FrameLayout.packed(w, h, PixelFormat.RGB);
        ByteBuffer comp = ByteBuffer.allocate(rgb.byteSize());
        ByteBuffer expected = ByteBuffer.allocate(rgb.byteSize());
        pass.compositeTo(pixels, comp, rgb).run(sa, sb, 7, frame.pixels, frame.layout, BANDS);
        Composite.over(refFgr, 0, refPha, 0, pixels, expected, rgb, RowSplit.serial());
        assertEquals(expected, comp, "composite over a picture");
    }

    @Test
    void anEditedMatteStandsForTheAlphaAndAPartialRunMatchesTheWhole() {
        int w = 400;
        int h = 300;
        int cw = 98;
        int ch = 73;
        Random r = new Random(5);
        FloatBuffer a = floats(4 * cw * ch);
        FloatBuffer b = floats(4 * cw * ch);
        for (int i = 0; i < 4 * cw * ch; i++) {
            a.put(i, (float) (r.nextGaussian() * 3));
            b.put(i, (float) (r.nextGaussian() * 0.8 + 0.3));
        }
        Frame frame = Frame.random(w, h, PixelFormat.RGBX, 4, 13);
        FullResolutionPass pass = new FullResolutionPass(w, h, cw, ch);
        FloatBuffer pha = floats(w * h);
        FloatBuffer fgr = floats(3 * w * h);
        ByteBuffer alpha = ByteBuffer.allocateDirect(w * h);
        pass.alphaTo(alpha, w).floatsTo(pha, fgr).run(a, b, 0, frame.pixels, frame.layout, BANDS);

        // the alpha coefficients alone give the same 8-bit alpha, the colour ones alone the same foreground
        ByteBuffer alphaOnly = ByteBuffer.allocateDirect(w * h);
        pass.alphaTo(alphaOnly, w).run(a, b, 0, frame.pixels, frame.layout, BANDS);
        assertEquals(alpha.clear(), alphaOnly.clear(), "alpha-only run");
        FrameLayout out = new FrameLayout(w, h, PixelFormat.BGRA, w * 4 + 4);
        ByteBuffer fg = ByteBuffer.allocateDirect(out.byteSize());
        ByteBuffer expected = ByteBuffer.allocateDirect(out.byteSize());
        pass.foregroundTo(fg, out).run(a, b, 0, frame.pixels, frame.layout, BANDS);
        PackedOutput.foreground(fgr, 0, expected, out, RowSplit.serial());
        assertEquals(expected, fg, "foreground-only run");

        // a matte that is not the network's: every alpha-reading output is made from its bytes
        int stride = w + 6;
        ByteBuffer matte = ByteBuffer.allocateDirect(stride * h + 1).position(1);
        float[] unit = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x * 3 + y * 5) % 256;
                matte.put(1 + y * stride + x, (byte) v);
                unit[y * w + x] = v / 255f;
            }
        }
        ByteBuffer alphaOut = ByteBuffer.allocate(w * h);
        ByteBuffer straight = ByteBuffer.allocateDirect(out.byteSize());
        FloatBuffer pha2 = floats(w * h);
        FloatBuffer fgr2 = floats(3 * w * h);
        pass.matteFrom(matte, stride).alphaTo(alphaOut, w).compositeTo(new Composite.Source.Transparent(), straight, out)
                .floatsTo(pha2, fgr2).run(a, b, 0, frame.pixels, frame.layout, BANDS);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(matte.get(1 + y * stride + x), alphaOut.get(y * w + x), "8-bit alpha is the matte");
            }
        }
        assertArrayEquals(unit, array(pha2, 0, w * h), 0f, "float alpha is the matte's unit floats");
        assertArrayEquals(array(fgr, 0, 3 * w * h), array(fgr2, 0, 3 * w * h), 0f, "foreground untouched by the matte");
        Composite.over(fgr, 0, FloatBuffer.wrap(unit), 0, new Composite.Source.Transparent(), expected.clear(), out,
                RowSplit.serial());
        assertEquals(expected, straight, "straight alpha over the given matte");
        // the matte is forgotten with the other targets
        ByteBuffer again = ByteBuffer.allocateDirect(w * h);
        pass.alphaTo(again, w).run(a, b, 0, frame.pixels, frame.layout, BANDS);
        assertEquals(alpha.clear(), again.clear());
    }

    @Test
    void aTargetOfAnotherSizeIsRefusedAndForgotten() {
        FullResolutionPass pass = new FullResolutionPass(8, 6, 2, 2);
        ByteBuffer small = ByteBuffer.allocate(4 * 4 * 3);
        var e = assertThrows(IllegalArgumentException.class,
                () -> pass.compositeTo(Composite.Source.none(), small, FrameLayout.packed(4, 3, PixelFormat.RGBA)));
        assertTrue(e.getMessage().contains("4x3") && e.getMessage().contains("8x6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pass.alphaTo(ByteBuffer.allocate(10), 8));
    }

    /** A random packed frame with padded rows, and its planar unit floats as the graph sees them. */
    record Frame(ByteBuffer pixels, FrameLayout layout) {
        static Frame random(int w, int h, PixelFormat f, int padding, long seed) {
            FrameLayout layout = new FrameLayout(w, h, f, w * f.bytesPerPixel + padding);
            byte[] px = new byte[layout.byteSize() + 2];
            new Random(seed).nextBytes(px);
            // read from position 2: the writers must honour the buffer's position
            ByteBuffer b = ByteBuffer.allocateDirect(px.length).put(px).position(2);
            return new Frame(b, layout);
        }

        float[] planes() {
            int w = layout.width();
            int h = layout.height();
            PixelFormat f = layout.format();
            float[] out = new float[3 * w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = pixels.position() + y * layout.stride() + x * f.bytesPerPixel;
                    out[y * w + x] = (pixels.get(p + f.red) & 0xFF) / 255f;
                    out[w * h + y * w + x] = (pixels.get(p + f.green) & 0xFF) / 255f;
                    out[2 * w * h + y * w + x] = (pixels.get(p + f.blue) & 0xFF) / 255f;
                }
            }
            return out;
        }
    }

    static FloatBuffer floats(int n) {
        return ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    static float[] array(FloatBuffer b, int from, int n) {
        float[] a = new float[n];
        b.get(from, a);
        return a;
    }
}
