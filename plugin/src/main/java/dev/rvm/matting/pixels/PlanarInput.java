package dev.rvm.matting.pixels;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * Packed 8-bit pixels to the network's input: planar RGB float32, value/255 exactly as upstream
 * (a table lookup, so the float is bit-identical to {@code v / 255f}).
 */
public final class PlanarInput {

    private static final float[] UNIT = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            UNIT[v] = v / 255f;
        }
    }

    private PlanarInput() {
    }

    /** The float the network sees for byte value {@code v}. */
    public static float unit(int v) {
        return UNIT[v & 0xFF];
    }

    /**
     * Writes planes R, G, B of {@code width*height} floats each into {@code dst} starting at
     * {@code dstOffset} (absolute). {@code row} is scratch of at least one row of the source.
     */
    public static void toPlanar(ByteBuffer src, FrameLayout layout, FloatBuffer dst, int dstOffset, RowSplit split) {
        split.forRows(layout.width(), layout.height(), (y0, y1, scratch) -> toPlanar(src, layout, dst, dstOffset, y0, y1, scratch));
    }

    private static void toPlanar(ByteBuffer src, FrameLayout layout, FloatBuffer dst, int dstOffset, int y0, int y1, RowScratch scratch) {
        PixelFormat f = layout.format();
        int w = layout.width();
        int h = layout.height();
        int bpp = f.bytesPerPixel;
        int rowBytes = w * bpp;
        int plane = w * h;
        int base = src.position();
        int ro = f.red;
        int go = f.green;
        int bo = f.blue;
        float[] unit = UNIT;
        RowScratch s = scratch.fit(w, rowBytes);
        byte[] row = s.bytes;
        float[] rr = s.r;
        float[] gg = s.g;
        float[] bb = s.b;
        for (int y = y0; y < y1; y++) {
            src.get(base + y * layout.stride(), row, 0, rowBytes);
            for (int x = 0, p = 0; x < w; x++, p += bpp) {
                rr[x] = unit[row[p + ro] & 0xFF];
                gg[x] = unit[row[p + go] & 0xFF];
                bb[x] = unit[row[p + bo] & 0xFF];
            }
            int r = dstOffset + y * w;
            dst.put(r, rr, 0, w);
            dst.put(r + plane, gg, 0, w);
            dst.put(r + 2 * plane, bb, 0, w);
        }
    }

    /**
     * 8-bit alpha (rows {@code stride} bytes apart from src's position) back to unit floats: the inverse
     * of {@link PackedOutput#alpha}, exactly ({@code PackedOutput.toByte(unit(v)) == v} for every byte).
     */
    public static void alpha(ByteBuffer src, int stride, FloatBuffer dst, int dstOffset, int width, int height,
                             RowSplit split) {
        int base = src.position();
        split.forRows(width, height, (y0, y1, scratch) -> alphaRows(src, base, stride, dst, dstOffset, width, y0, y1, scratch));
    }

    private static void alphaRows(ByteBuffer src, int base, int stride, FloatBuffer dst, int dstOffset, int width,
                                  int y0, int y1, RowScratch scratch) {
        RowScratch s = scratch.fit(width, width);
        byte[] row = s.bytes;
        float[] a = s.a;
        float[] unit = UNIT;
        for (int y = y0; y < y1; y++) {
            src.get(base + y * stride, row, 0, width);
            for (int x = 0; x < width; x++) {
                a[x] = unit[row[x] & 0xFF];
            }
            dst.put(dstOffset + y * width, a, 0, width);
        }
    }

    /** Inverse of {@link #toPlanar} for one frame: planar unit floats back to packed RGB bytes. */
    public static void planarToRgb(FloatBuffer planes, int offset, int width, int height, byte[] rgb) {
        int plane = width * height;
        for (int i = 0, o = 0; i < plane; i++, o += 3) {
            rgb[o] = (byte) Math.round(planes.get(offset + i) * 255f);
            rgb[o + 1] = (byte) Math.round(planes.get(offset + plane + i) * 255f);
            rgb[o + 2] = (byte) Math.round(planes.get(offset + 2 * plane + i) * 255f);
        }
    }
}
