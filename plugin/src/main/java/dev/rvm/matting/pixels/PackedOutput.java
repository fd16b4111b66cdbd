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
        long q = Math.round(v * 255.0);
        return q < 0 ? 0 : q > 255 ? 255 : (int) q;
    }

    /** 8-bit alpha, one byte per pixel, rows {@code stride} bytes apart starting at dst's position. */
    public static void alpha(FloatBuffer pha, int offset, int width, int height, ByteBuffer dst, int stride, byte[] row) {
        if (stride < width) {
            throw new IllegalArgumentException("alpha row stride " + stride + " is shorter than the width " + width);
        }
        checkCapacity(dst, stride * (height - 1) + width, "alpha");
        int base = dst.position();
        for (int y = 0; y < height; y++) {
            int s = offset + y * width;
            for (int x = 0; x < width; x++) {
                row[x] = (byte) toByte(pha.get(s + x));
            }
            dst.put(base + y * stride, row, 0, width);
        }
    }

    /** Planar RGB floats as packed pixels of the layout's format; alpha and padding bytes 255. */
    public static void foreground(FloatBuffer fgr, int offset, ByteBuffer dst, FrameLayout layout, byte[] row) {
        Composite.over(fgr, offset, null, 0, Composite.Source.none(), dst, layout, row);
    }

    static void checkCapacity(ByteBuffer dst, int bytes, String what) {
        if (dst.limit() - dst.position() < bytes) {
            throw new IllegalArgumentException(what + " buffer has " + (dst.limit() - dst.position())
                    + " bytes left, the frame needs " + bytes);
        }
    }

    static void fillPadding(byte[] row, int p, PixelFormat f, int value) {
        if (f.bytesPerPixel == 4) {
            row[p + 3] = (byte) value;
        }
    }
}
