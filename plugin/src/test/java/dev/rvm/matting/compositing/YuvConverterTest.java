package dev.rvm.matting.compositing;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YuvConverterTest {
    private static final YuvConverter.Planes I420 = YuvConverter.Planes.I420;
    private static final YuvConverter.Planes NV12 = YuvConverter.Planes.NV12;

    /** Limited-range BT.601 values of the standard's colour bars, within one level (two roundings). */
    @Test
    void primariesGiveTheStandardsValues() {
        int[][] bt601 = {{0xFFFFFF, 235, 128, 128}, {0x000000, 16, 128, 128}, {0xFF0000, 81, 90, 240},
                {0x00FF00, 145, 54, 34}, {0x0000FF, 41, 240, 110}};
        try (YuvConverter yuv = new YuvConverter()) {
            for (PixelFormat f : PixelFormat.values()) {
                for (int[] c : bt601) {
                    int w = 6;
                    int h = 4;
                    ByteBuffer out = ByteBuffer.allocateDirect(YuvConverter.size(I420, w, h));
                    yuv.convert(solid(w, h, c[0], f), layout(w, h, f), I420, out);
                    String what = f + " #" + Integer.toHexString(c[0]);
                    int u = YuvConverter.chromaOffset(w, h);
                    int v = u + YuvConverter.chromaStride(I420, w) * (h / 2);
                    assertNear(c[1], out.get(0), what + " Y");
                    assertNear(c[2], out.get(u), what + " U");
                    assertNear(c[3], out.get(v), what + " V");
                }
            }
        }
    }

    /** GStreamer's default layout: rows padded to 4 bytes, chroma of odd sizes rounded up. */
    @Test
    void oddSizesUseGStreamersDefaultLayout() {
        int w = 7;
        int h = 5;
        assertEquals(8, YuvConverter.lumaStride(w));
        assertEquals(4, YuvConverter.chromaStride(I420, w));
        assertEquals(8, YuvConverter.chromaStride(NV12, w));
        assertEquals(8 * 6 + 2 * 4 * 3, YuvConverter.size(I420, w, h));
        assertEquals(8 * 6 + 8 * 3, YuvConverter.size(NV12, w, h));
        // black with a white last column and row (RGB rows of 21 bytes padded to 24)
        ByteBuffer rgb = solid(w, h, 0x000000, PixelFormat.RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x == w - 1 || y == h - 1) {
                    for (int k = 0; k < 3; k++) {
                        rgb.put(y * 24 + 3 * x + k, (byte) 255);
                    }
                }
            }
        }
        try (YuvConverter yuv = new YuvConverter()) {
            for (YuvConverter.Planes planes : YuvConverter.Planes.values()) {
                ByteBuffer out = ByteBuffer.allocateDirect(YuvConverter.size(planes, w, h));
                yuv.convert(rgb, layout(w, h, PixelFormat.RGB), planes, out);
                assertEquals(16, out.get(0) & 0xFF);
                assertEquals(235, out.get(6) & 0xFF, "last column");
                assertEquals(235, out.get(4 * 8 + 3) & 0xFF, "last row");
                // black and white are both grey: every chroma sample is 128
                int c = YuvConverter.chromaOffset(w, h);
                int cs = YuvConverter.chromaStride(planes, w);
                int perRow = planes == I420 ? 4 : 8;
                for (int row = 0; row < (planes == I420 ? 6 : 3); row++) {
                    for (int i = 0; i < perRow; i++) {
                        assertNear(128, out.get(c + row * cs + i), planes + " chroma row " + row + " byte " + i);
                    }
                }
            }
        }
    }

    @Test
    void chromaIsTheMeanOfEachBlockAndNv12InterleavesTheSame() {
        int w = 66;
        int h = 38;
        ByteBuffer rgba = ByteBuffer.allocateDirect(w * h * 4);
        Random r = new Random(3);
        for (int i = 0; i < w * h * 4; i++) {
            rgba.put(i, (byte) r.nextInt(256));
        }
        FrameLayout layout = FrameLayout.packed(w, h, PixelFormat.RGBA);
        ByteBuffer i420 = ByteBuffer.allocateDirect(YuvConverter.size(I420, w, h));
        ByteBuffer nv12 = ByteBuffer.allocateDirect(YuvConverter.size(NV12, w, h));
        try (YuvConverter yuv = new YuvConverter()) {
            yuv.convert(rgba, layout, I420, i420);
            yuv.convert(rgba, layout, NV12, nv12);
        }
        int ys = YuvConverter.lumaStride(w);
        int c = YuvConverter.chromaOffset(w, h);
        int cs = YuvConverter.chromaStride(I420, w);
        int v = c + cs * (h / 2);
        int worst = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertEquals(i420.get(y * ys + x), nv12.get(y * ys + x), "Y at " + x + "," + y);
                int p = (y * w + x) * 4;
                double luma = 16 + 219.0 / 255 * (0.299 * (rgba.get(p) & 0xFF) + 0.587 * (rgba.get(p + 1) & 0xFF)
                        + 0.114 * (rgba.get(p + 2) & 0xFF));
                worst = Math.max(worst, (int) Math.abs(Math.round(luma) - (i420.get(y * ys + x) & 0xFF)));
            }
        }
        assertTrue(worst <= 1, "luma within one level of BT.601, off by " + worst);
        for (int cy = 0; cy < h / 2; cy++) {
            for (int cx = 0; cx < w / 2; cx++) {
                assertEquals(i420.get(c + cy * cs + cx), nv12.get(c + cy * ys + 2 * cx), "U");
                assertEquals(i420.get(v + cy * cs + cx), nv12.get(c + cy * ys + 2 * cx + 1), "V");
                int[] expected = meanChroma(rgba, w, 2 * cx, 2 * cy);
                assertNear(expected[0], i420.get(c + cy * cs + cx), "U of block " + cx + "," + cy);
                assertNear(expected[1], i420.get(v + cy * cs + cx), "V of block " + cx + "," + cy);
            }
        }
    }

    private static int[] meanChroma(ByteBuffer rgba, int w, int x0, int y0) {
        double r = 0;
        double g = 0;
        double b = 0;
        for (int y = y0; y < y0 + 2; y++) {
            for (int x = x0; x < x0 + 2; x++) {
                int p = (y * w + x) * 4;
                r += (rgba.get(p) & 0xFF) / 4.0;
                g += (rgba.get(p + 1) & 0xFF) / 4.0;
                b += (rgba.get(p + 2) & 0xFF) / 4.0;
            }
        }
        double y = 0.299 * r + 0.587 * g + 0.114 * b;
        double scale = 224.0 / 255;
        return new int[] {(int) Math.round(128 + scale * (b - y) / 1.772), (int) Math.round(128 + scale * (r - y) / 1.402)};
    }

    private static void assertNear(int expected, byte actual, String what) {
        assertTrue(Math.abs(expected - (actual & 0xFF)) <= 1, what + ": expected " + expected + " +-1, got " + (actual & 0xFF));
    }

    private static FrameLayout layout(int w, int h, PixelFormat f) {
        return new FrameLayout(w, h, f, (w * f.bytesPerPixel + 3) & ~3);
    }

    private static ByteBuffer solid(int w, int h, int rgb, PixelFormat f) {
        int stride = (w * f.bytesPerPixel + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocateDirect(stride * h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * stride + x * f.bytesPerPixel;
                b.put(p + f.red, (byte) (rgb >> 16));
                b.put(p + f.green, (byte) (rgb >> 8));
                b.put(p + f.blue, (byte) rgb);
            }
        }
        return b;
    }
}
