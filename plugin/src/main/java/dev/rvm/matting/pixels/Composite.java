package dev.rvm.matting.pixels;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * {@code composite = fgr * pha + bg * (1 - pha)} with the predicted foreground, as upstream
 * convert_video does, written straight into the host's packed layout.
 */
public final class Composite {

    /** What lies behind the foreground, already at the frame's size. */
    public sealed interface Source {
        /** No compositing: the foreground alone, opaque. */
        record None() implements Source {}

        /** Straight alpha: RGB = fgr where pha > 0 (else 0), A = pha, as upstream's RGBA output. */
        record Transparent() implements Source {}

        /** A constant colour, channels in 0..1. */
        record Color(float r, float g, float b) implements Source {}

        /** Packed RGB bytes of exactly the frame's size. */
        record Pixels(byte[] rgb) implements Source {}

        static Source none() {
            return NONE;
        }
    }

    private static final Source NONE = new Source.None();
    /** A 4-byte pixel of a byte row, read and written as one little-endian int. */
    private static final VarHandle PIXEL = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Composite() {
    }

    /**
     * @param pha   alpha planes (may be null for {@link Source.None})
     * @param split runs the rows, in parallel where that pays
     */
    public static void over(FloatBuffer fgr, int fgrOffset, FloatBuffer pha, int phaOffset, Source bg,
                            ByteBuffer dst, FrameLayout layout, RowSplit split) {
        int w = layout.width();
        int h = layout.height();
        check(bg, dst, layout);
        int base = dst.position();
        split.forRows(w, h, (y0, y1, scratch) -> rows(fgr, fgrOffset, pha, phaOffset, bg, dst, base, layout, y0, y1, scratch));
    }

    private static int qi(float v) {
        // integer clamps compile to conditional moves; (int) truncates, which floors s >= 0 and
        // leaves (-1, 0) at 0, so only whole negatives need the lower clamp
        return Math.min(Math.max((int) (v * 255f + 0.5f), 0), 255);
    }

    private static void rows(FloatBuffer fgr, int fgrOffset, FloatBuffer pha, int phaOffset, Source bg,
                             ByteBuffer dst, int base, FrameLayout layout, int y0, int y1, RowScratch scratch) {
        PixelFormat f = layout.format();
        int w = layout.width();
        int plane = w * layout.height();
        int rowBytes = w * f.bytesPerPixel;
        RowScratch s = scratch.fit(w, rowBytes);
        byte[] row = s.bytes;
        // one tight loop per kind of background: the branch is taken once per row, not per pixel
        for (int y = y0; y < y1; y++) {
            int i0 = y * w;
            int f0 = fgrOffset + i0;
            fgr.get(f0, s.r, 0, w);
            fgr.get(f0 + plane, s.g, 0, w);
            fgr.get(f0 + 2 * plane, s.b, 0, w);
            if (pha != null) {
                pha.get(phaOffset + i0, s.a, 0, w);
            }
            row(bg, s, i0, w, f);
            dst.put(base + y * layout.stride(), row, 0, rowBytes);
        }
    }

    /**
     * One row: the foreground and alpha in {@code s.r, s.g, s.b, s.a} over {@code bg} into
     * {@code s.bytes} in format {@code f}; {@code first} is the row's first pixel index in the frame.
     */
    static void row(Source bg, RowScratch s, int first, int w, PixelFormat f) {
        if (bg instanceof Source.Color c) {
            overColour(s, c.r(), c.g(), c.b(), w, f);
        } else if (bg instanceof Source.Pixels px) {
            overPixels(s, px.rgb(), 3 * first, w, f);
        } else if (bg instanceof Source.Transparent) {
            straight(s, w, f);
        } else {
            opaque(s, w, f);
        }
    }

    /** Checks what {@link #over} checks, for writers that compose rows themselves. */
    static void check(Source bg, ByteBuffer dst, FrameLayout layout) {
        PixelFormat f = layout.format();
        int plane = layout.width() * layout.height();
        if (bg instanceof Source.Transparent && !f.hasAlpha()) {
            throw new IllegalArgumentException("a transparent composite needs a pixel format with alpha (RGBA, BGRA), not " + f);
        }
        if (bg instanceof Source.Pixels px && px.rgb().length < plane * 3) {
            throw new IllegalArgumentException("background has " + px.rgb().length / 3 + " pixels, the frame " + plane);
        }
        PackedOutput.checkCapacity(dst, layout.byteSize(), "output");
    }

    private static void overColour(RowScratch s, float cr, float cg, float cb, int w, PixelFormat f) {
        byte[] row = s.bytes;
        float[] fr = s.r;
        float[] fg = s.g;
        float[] fb = s.b;
        float[] al = s.a;
        int bpp = f.bytesPerPixel;
        int ro = f.red;
        int go = f.green;
        int bo = f.blue;
        // where the matte is 0 (most of a typical frame) the result is exactly the colour
        if (bpp == 4) {
            int colour = pack(qi(cr), qi(cg), qi(cb), f);
            for (int x = 0; x < w; x++) {
                float a = al[x];
                if (a == 0f) {
                    PIXEL.set(row, 4 * x, colour);
                    continue;
                }
                float na = 1f - a;
                PIXEL.set(row, 4 * x, pack(qi(fr[x] * a + cr * na), qi(fg[x] * a + cg * na), qi(fb[x] * a + cb * na), f));
            }
            return;
        }
        byte r0 = q(cr);
        byte g0 = q(cg);
        byte b0 = q(cb);
        for (int x = 0, p = 0; x < w; x++, p += bpp) {
            float a = al[x];
            if (a == 0f) {
                row[p + ro] = r0;
                row[p + go] = g0;
                row[p + bo] = b0;
                continue;
            }
            float na = 1f - a;
            row[p + ro] = q(fr[x] * a + cr * na);
            row[p + go] = q(fg[x] * a + cg * na);
            row[p + bo] = q(fb[x] * a + cb * na);
        }
    }

    private static void overPixels(RowScratch s, byte[] rgb, int b0, int w, PixelFormat f) {
        byte[] row = s.bytes;
        float[] fr = s.r;
        float[] fg = s.g;
        float[] fb = s.b;
        float[] al = s.a;
        int bpp = f.bytesPerPixel;
        int ro = f.red;
        int go = f.green;
        int bo = f.blue;
        if (bpp == 4) {
            for (int x = 0, b = b0; x < w; x++, b += 3) {
                float a = al[x];
                float na = 1f - a;
                PIXEL.set(row, 4 * x, pack(qi(fr[x] * a + PlanarInput.unit(rgb[b]) * na),
                        qi(fg[x] * a + PlanarInput.unit(rgb[b + 1]) * na), qi(fb[x] * a + PlanarInput.unit(rgb[b + 2]) * na), f));
            }
            return;
        }
        for (int x = 0, p = 0, b = b0; x < w; x++, p += bpp, b += 3) {
            float a = al[x];
            float na = 1f - a;
            row[p + ro] = q(fr[x] * a + PlanarInput.unit(rgb[b]) * na);
            row[p + go] = q(fg[x] * a + PlanarInput.unit(rgb[b + 1]) * na);
            row[p + bo] = q(fb[x] * a + PlanarInput.unit(rgb[b + 2]) * na);
        }
    }

    /**
     * One 4-byte pixel as a little-endian int: the channels at their offsets, the fourth byte (alpha or
     * padding) 255. One store instead of four.
     */
    private static int pack(int r, int g, int b, PixelFormat f) {
        return r << (8 * f.red) | g << (8 * f.green) | b << (8 * f.blue) | 0xFF << (8 * (6 - f.red - f.green - f.blue));
    }

    private static void straight(RowScratch s, int w, PixelFormat f) {
        byte[] row = s.bytes;
        float[] fr = s.r;
        float[] fg = s.g;
        float[] fb = s.b;
        float[] al = s.a;
        int rs = 8 * f.red;
        int gs = 8 * f.green;
        int bs = 8 * f.blue;
        int as = 8 * f.alpha;
        // a format with alpha has 4 bytes: one little-endian int per pixel
        for (int x = 0; x < w; x++) {
            float a = al[x];
            int rgb = qi(fr[x]) << rs | qi(fg[x]) << gs | qi(fb[x]) << bs;
            PIXEL.set(row, 4 * x, (a > 0f ? rgb : 0) | PackedOutput.toByte(a) << as);
        }
    }

    private static void opaque(RowScratch s, int w, PixelFormat f) {
        byte[] row = s.bytes;
        float[] fr = s.r;
        float[] fg = s.g;
        float[] fb = s.b;
        int bpp = f.bytesPerPixel;
        int ro = f.red;
        int go = f.green;
        int bo = f.blue;
        if (bpp == 4) {
            for (int x = 0; x < w; x++) {
                PIXEL.set(row, 4 * x, pack(qi(fr[x]), qi(fg[x]), qi(fb[x]), f));
            }
            return;
        }
        for (int x = 0, p = 0; x < w; x++, p += bpp) {
            row[p + ro] = q(fr[x]);
            row[p + go] = q(fg[x]);
            row[p + bo] = q(fb[x]);
        }
    }

    /** A colour channel in 0..1 to its byte, round half up, clamped. */
    static byte q(float v) {
        return (byte) qi(v);
    }
}
