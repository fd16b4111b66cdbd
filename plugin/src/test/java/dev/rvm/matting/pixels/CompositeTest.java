package dev.rvm.matting.pixels;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.PixelFormat;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompositeTest {

    /** Two pixels: fgr (1, 0.5, 0) and (0.2, 0.4, 0.6), alpha 0.25 and 0. */
    static final float[] FGR = {1f, 0.2f, 0.5f, 0.4f, 0f, 0.6f};
    static final float[] PHA = {0.25f, 0f};

    static int px(ByteBuffer b, int p, int off) {
        return b.get(p + off) & 0xFF;
    }

    @Test
    void overAColourIsFgrTimesAlphaPlusColourTimesOneMinusAlpha() {
        FrameLayout layout = new FrameLayout(2, 1, PixelFormat.BGR, 8);
        ByteBuffer out = ByteBuffer.allocate(8);
        out.put(6, (byte) 99).put(7, (byte) 99);
        Composite.over(FloatBuffer.wrap(FGR), 0, FloatBuffer.wrap(PHA), 0,
                new Composite.Source.Color(120 / 255f, 1f, 155 / 255f), out, layout, RowSplit.serial());
        // pixel 0: r = 1*0.25 + 120/255*0.75 = 0.6029 -> 153.75 -> 154; g = 0.5*.25+.75 = .875 -> 223.1 -> 223; b = 155/255*.75 -> 116.25 -> 116
        assertEquals(154, px(out, 0, 2));
        assertEquals(223, px(out, 0, 1));
        assertEquals(116, px(out, 0, 0));
        // pixel 1: alpha 0 -> the colour itself
        assertEquals(120, px(out, 3, 2));
        assertEquals(255, px(out, 3, 1));
        assertEquals(155, px(out, 3, 0));
        assertEquals(99, px(out, 6, 0), "padding after the row is left alone");
    }

    @Test
    void overPixelsUsesEachBackgroundPixel() {
        byte[] bg = {(byte) 255, 0, 0, 0, 0, (byte) 255};
        ByteBuffer out = ByteBuffer.allocate(6);
        float[] pha = {0.5f, 1f};
        Composite.over(FloatBuffer.wrap(FGR), 0, FloatBuffer.wrap(pha), 0, new Composite.Source.Pixels(bg),
                out, FrameLayout.packed(2, 1, PixelFormat.RGB), RowSplit.serial());
        assertEquals(255, px(out, 0, 0)); // 1*.5 + 1*.5
        assertEquals(64, px(out, 0, 1));  // .5*.5 = .25 -> 63.75
        assertEquals(0, px(out, 0, 2));
        assertEquals(51, px(out, 3, 0));  // alpha 1: fgr .2 -> 51
        assertEquals(102, px(out, 3, 1));
        assertEquals(153, px(out, 3, 2));
    }

    @Test
    void transparentIsStraightAlphaWithForegroundMaskedWhereAlphaIsZero() {
        ByteBuffer out = ByteBuffer.allocate(8);
        Composite.over(FloatBuffer.wrap(FGR), 0, FloatBuffer.wrap(PHA), 0, new Composite.Source.Transparent(),
                out, FrameLayout.packed(2, 1, PixelFormat.RGBA), RowSplit.serial());
        assertEquals(255, px(out, 0, 0));
        assertEquals(128, px(out, 0, 1)); // 127.5 rounds up
        assertEquals(0, px(out, 0, 2));
        assertEquals(64, px(out, 0, 3));  // 63.75
        for (int c = 0; c < 4; c++) {
            assertEquals(0, px(out, 4, c), "alpha 0 pixel is fully transparent black");
        }
        assertThrows(IllegalArgumentException.class, () -> Composite.over(FloatBuffer.wrap(FGR), 0, FloatBuffer.wrap(PHA), 0,
                new Composite.Source.Transparent(), ByteBuffer.allocate(6), FrameLayout.packed(2, 1, PixelFormat.RGB), RowSplit.serial()));
    }

    @Test
    void alphaBytesAreRoundedAndClamped() {
        assertEquals(0, PackedOutput.toByte(-0.01f));
        assertEquals(255, PackedOutput.toByte(1.2f));
        assertEquals(128, PackedOutput.toByte(0.5f));
        assertEquals(1, PackedOutput.toByte(0.5f / 255f + 1e-6f));
        ByteBuffer out = ByteBuffer.allocate(7);
        PackedOutput.alpha(FloatBuffer.wrap(new float[]{0f, 0.25f, 1f, 0.1f, 0.9f, 2f}), 0, 3, 2, out, 4, RowSplit.serial());
        assertEquals(0, out.get(0));
        assertEquals(64, out.get(1));
        assertEquals(255, out.get(2) & 0xFF);
        assertEquals(26, out.get(4));
        assertEquals(229, out.get(5) & 0xFF); // 0.9f is 0.89999998, times 255 just under 229.5
        assertEquals(255, out.get(6) & 0xFF);
    }

    @Test
    void planarInputIsExactlyValueOver255() {
        byte[] px = {0, 1, (byte) 128, (byte) 200, (byte) 255, 7};
        FloatBuffer dst = FloatBuffer.allocate(6);
        PlanarInput.toPlanar(ByteBuffer.wrap(px), FrameLayout.packed(2, 1, PixelFormat.RGB), dst, 0, RowSplit.serial());
        float[] expected = {0 / 255f, 200 / 255f, 1 / 255f, 255 / 255f, 128 / 255f, 7 / 255f};
        for (int i = 0; i < 6; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(dst.get(i)), "plane value " + i);
        }
        byte[] back = new byte[6];
        PlanarInput.planarToRgb(dst, 0, 2, 1, back);
        org.junit.jupiter.api.Assertions.assertArrayEquals(px, back);
    }

    @Test
    void splittingRowsOverThreadsAndPaddingRowsDoNotChangeTheComposite() {
        int w = 301;
        int h = 230; // enough pixels for the two-thread split too
        java.util.Random r = new java.util.Random(9);
        FloatBuffer fgr = FloatBuffer.allocate(3 * w * h);
        FloatBuffer pha = FloatBuffer.allocate(w * h);
        for (int i = 0; i < 3 * w * h; i++) {
            fgr.put(i, r.nextFloat());
        }
        for (int i = 0; i < w * h; i++) {
            pha.put(i, i % 7 == 0 ? 0f : i % 11 == 0 ? 1f : r.nextFloat());
        }
        Composite.Source green = new Composite.Source.Color(120 / 255f, 1f, 155 / 255f);
        for (PixelFormat f : new PixelFormat[]{PixelFormat.BGRX, PixelFormat.RGBA}) {
            FrameLayout ints = new FrameLayout(w, h, f, 4 * w + 4);
            FrameLayout bytes = new FrameLayout(w, h, f, 4 * w + 2);
            ByteBuffer a = ByteBuffer.allocateDirect(ints.byteSize() + 3).position(3);
            ByteBuffer b = ByteBuffer.allocate(bytes.byteSize());
            Composite.over(fgr, 0, pha, 0, green, a, ints, new RowSplit());
            Composite.over(fgr, 0, pha, 0, green, b, bytes, RowSplit.serial());
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < 4 * w; x++) {
                    assertEquals(b.get(y * bytes.stride() + x), a.get(3 + y * ints.stride() + x), f + " byte " + x + " of row " + y);
                }
            }
            int p = 3 + 4 * 5; // pixel 5 of row 0: the formula itself
            float al = pha.get(5);
            assertEquals(PackedOutput.toByte(fgr.get(5) * al + 120 / 255f * (1 - al)), a.get(p + f.red) & 0xFF, 1);
            assertEquals(255, a.get(p + 3) & 0xFF);
        }
    }
}
