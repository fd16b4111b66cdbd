package dev.rvm.matting.pixels;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;

import java.nio.ByteBuffer;
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

    private Composite() {
    }

    /**
     * @param pha   alpha planes (may be null for {@link Source.None})
     * @param row   scratch of at least one destination row
     */
    public static void over(FloatBuffer fgr, int fgrOffset, FloatBuffer pha, int phaOffset, Source bg,
                            ByteBuffer dst, FrameLayout layout, byte[] row) {
        PixelFormat f = layout.format();
        int w = layout.width();
        int h = layout.height();
        int plane = w * h;
        int bpp = f.bytesPerPixel;
        if (bg instanceof Source.Transparent && !f.hasAlpha()) {
            throw new IllegalArgumentException("a transparent composite needs a pixel format with alpha (RGBA, BGRA), not " + f);
        }
        if (bg instanceof Source.Pixels px && px.rgb().length < plane * 3) {
            throw new IllegalArgumentException("background has " + px.rgb().length / 3 + " pixels, the frame " + plane);
        }
        PackedOutput.checkCapacity(dst, layout.byteSize(), "output");
        int base = dst.position();
        int ro = f.red;
        int go = f.green;
        int bo = f.blue;
        int ao = f.bytesPerPixel == 4 ? 3 : -1;
        for (int y = 0; y < h; y++) {
            int i0 = y * w;
            for (int x = 0, p = 0; x < w; x++, p += bpp) {
                int i = i0 + x;
                float fr = fgr.get(fgrOffset + i);
                float fg = fgr.get(fgrOffset + plane + i);
                float fb = fgr.get(fgrOffset + 2 * plane + i);
                int alphaByte = 255;
                if (bg instanceof Source.None) {
                    // foreground as is
                } else {
                    float a = pha.get(phaOffset + i);
                    if (bg instanceof Source.Transparent) {
                        if (!(a > 0f)) {
                            fr = 0f;
                            fg = 0f;
                            fb = 0f;
                        }
                        alphaByte = PackedOutput.toByte(a);
                    } else {
                        float br;
                        float bgc;
                        float bb;
                        if (bg instanceof Source.Color c) {
                            br = c.r();
                            bgc = c.g();
                            bb = c.b();
                        } else {
                            byte[] rgb = ((Source.Pixels) bg).rgb();
                            br = PlanarInput.unit(rgb[3 * i]);
                            bgc = PlanarInput.unit(rgb[3 * i + 1]);
                            bb = PlanarInput.unit(rgb[3 * i + 2]);
                        }
                        float na = 1f - a;
                        fr = fr * a + br * na;
                        fg = fg * a + bgc * na;
                        fb = fb * a + bb * na;
                    }
                }
                row[p + ro] = (byte) PackedOutput.toByte(fr);
                row[p + go] = (byte) PackedOutput.toByte(fg);
                row[p + bo] = (byte) PackedOutput.toByte(fb);
                if (ao >= 0) {
                    row[p + ao] = (byte) alphaByte;
                }
            }
            dst.put(base + y * layout.stride(), row, 0, w * bpp);
        }
    }
}
