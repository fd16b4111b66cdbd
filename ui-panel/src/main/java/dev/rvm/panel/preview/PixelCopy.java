package dev.rvm.panel.preview;

import dev.rvm.matting.PixelFormat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/** Bulk copies from mapped GStreamer frames into the int/byte arrays behind preview images. */
public final class PixelCopy {
    private PixelCopy() {
    }

    /** Packed 8-bit RGB(A) rows of any channel order into non-premultiplied ARGB ints. */
    public static void toArgb(ByteBuffer src, int width, int height, int stride, PixelFormat format, int[] dst) {
        if (format == PixelFormat.BGRA || format == PixelFormat.BGRX) {
            littleEndianInts(src, width, height, stride, format == PixelFormat.BGRX, dst);
            return;
        }
        int bpp = format.bytesPerPixel;
        int r = format.red;
        int g = format.green;
        int b = format.blue;
        int a = format.alpha;
        for (int y = 0; y < height; y++) {
            int s = y * stride;
            int d = y * width;
            int end = d + width;
            if (a >= 0) {
                for (; d < end; d++, s += bpp) {
                    dst[d] = (src.get(s + a) & 0xFF) << 24 | (src.get(s + r) & 0xFF) << 16
                            | (src.get(s + g) & 0xFF) << 8 | (src.get(s + b) & 0xFF);
                }
            } else {
                for (; d < end; d++, s += bpp) {
                    dst[d] = 0xFF000000 | (src.get(s + r) & 0xFF) << 16 | (src.get(s + g) & 0xFF) << 8 | (src.get(s + b) & 0xFF);
                }
            }
        }
    }

    /** B,G,R,A bytes read as little-endian ints are ARGB already: bulk row copies. */
    private static void littleEndianInts(ByteBuffer src, int width, int height, int stride, boolean opaque, int[] dst) {
        IntBuffer ints = src.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int rowInts = stride / 4;
        for (int y = 0; y < height; y++) {
            ints.get(y * rowInts, dst, y * width, width);
        }
        if (opaque) {
            for (int i = 0, n = width * height; i < n; i++) {
                dst[i] |= 0xFF000000;
            }
        }
    }

    /** GRAY8 rows (padded to the stride) into a tight width*height array. */
    public static void toGray(ByteBuffer src, int width, int height, int stride, byte[] dst) {
        for (int y = 0; y < height; y++) {
            src.get(y * stride, dst, y * width, width);
        }
    }

    /** Red where the matte says person: alpha scaled by {@code strength} (0..255) in a red ARGB layer. */
    public static void redOverlay(byte[] alpha, int[] dst, int count, int strength) {
        for (int i = 0; i < count; i++) {
            int a = ((alpha[i] & 0xFF) * strength + 127) / 255;
            dst[i] = a << 24 | 0xFF0000;
        }
    }
}
