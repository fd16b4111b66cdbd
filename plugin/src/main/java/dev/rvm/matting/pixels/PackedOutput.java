package dev.rvm.matting.pixels;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The network's float outputs back to packed 8-bit pixels. All rounding is {@code round(v*255)}
 * clamped to 0..255, so 8-bit alpha and colours agree with the float results to half a level.
 */
public final class PackedOutput {

    private PackedOutput() {
    }

    /** round(clamp(v)*255) computed in double. */
    public static int toByte(float v) {
        // (int) truncates: floor for s >= 0, 0 for s in (-1, 0); the integer clamps are branch-free
        return Math.min(Math.max((int) (v * 255.0 + 0.5), 0), 255);
    }

    /** 8-bit alpha, one byte per pixel, rows {@code stride} bytes apart starting at dst's position. */
    public static void alpha(FloatBuffer pha, int offset, int width, int height, ByteBuffer dst, int stride, RowSplit split) {
        if (stride < width) {
            throw new IllegalArgumentException("alpha row stride " + stride + " is shorter than the width " + width);
        }
        checkCapacity(dst, stride * (height - 1) + width, "alpha");
        int base = dst.position();
        split.forRows(width, height, (y0, y1, scratch) -> alphaRows(pha, offset, width, dst, base, stride, y0, y1, scratch));
    }

    private static void alphaRows(FloatBuffer pha, int offset, int width, ByteBuffer dst, int base, int stride,
                                  int y0, int y1, RowScratch scratch) {
        RowScratch scr = scratch.fit(width, width);
        byte[] row = scr.bytes;
        float[] a = scr.a;
        for (int y = y0; y < y1; y++) {
            pha.get(offset + y * width, a, 0, width);
            for (int x = 0; x < width; x++) {
                row[x] = (byte) toByte(a[x]);
            }
            dst.put(base + y * stride, row, 0, width);
        }
    }

    /** Planar RGB floats as packed pixels of the layout's format; alpha and padding bytes 255. */
    public static void foreground(FloatBuffer fgr, int offset, ByteBuffer dst, FrameLayout layout, RowSplit split) {
        Composite.over(fgr, offset, null, 0, Composite.Source.none(), dst, layout, split);
    }

    static void checkCapacity(ByteBuffer dst, int bytes, String what) {
        if (dst.limit() - dst.position() < bytes) {
            throw new IllegalArgumentException(what + " buffer has " + (dst.limit() - dst.position())
                    + " bytes left, the frame needs " + bytes);
        }
    }
}
