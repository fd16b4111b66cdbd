package dev.rvm.matting.edges;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each edge control on hand-made mattes, with the values a keyer would expect. */
class EdgeFilterTest {

    private static final int W = 100;
    private static final int H = 80;

    /** A matte of W x H bytes in a direct buffer, as streams hand them over. */
    private static ByteBuffer matte(byte[] pixels) {
        return ByteBuffer.allocateDirect(pixels.length).put(pixels).flip();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static int at(byte[] plane, int x, int y) {
        return plane[y * W + x] & 0xFF;
    }

    private static byte[] edited(byte[] pixels, EdgeSettings settings) {
        return EdgeFilter.edited(pixels, W, H, settings);
    }

    /** 255 inside [x0, x1) x [y0, y1), 0 elsewhere. */
    private static byte[] rectangle(int x0, int y0, int x1, int y1) {
        byte[] p = new byte[W * H];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                p[y * W + x] = (byte) 255;
            }
        }
        return p;
    }

    private static byte[] random(long seed) {
        byte[] p = new byte[W * H];
        new Random(seed).nextBytes(p);
        return p;
    }

    @Test
    void theDefaultsLeaveEveryByteAsItIs() {
        byte[] p = random(1);
        assertArrayEquals(p, edited(p, EdgeSettings.NONE));
        try (EdgeFilter f = new EdgeFilter()) {
            f.configure(EdgeSettings.NONE.withFeather(3).withInvert(true));
            f.configure(EdgeSettings.NONE); // back to the defaults while playing
            ByteBuffer m = matte(p);
            f.apply(m, W, H, W);
            assertArrayEquals(p, bytes(m));
        }
    }

    @Test
    void clipLevelsMapBlackToZeroWhiteToOneAndStretchWhatLiesBetween() {
        byte[] ramp = new byte[W * H];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) (i % 256);
        }
        // 0.2 and 0.6 are levels 51 and 153: between them a level rises 255 / 102 = 2.5 per step
        byte[] out = edited(ramp, EdgeSettings.NONE.withClip(0.2f, 0.6f));
        for (int i = 0; i < 256; i++) {
            int v = out[i] & 0xFF;
            if (i <= 51) {
                assertEquals(0, v, "level " + i + " is at or below clip-black");
            } else if (i >= 153) {
                assertEquals(255, v, "level " + i + " is at or above clip-white");
            } else if ((i - 51) % 2 == 0) {
                assertEquals((i - 51) * 5 / 2, v, "level " + i);
            }
        }
        assertEquals(128, edited(ramp, EdgeSettings.NONE.withClip(0f, 0.5f))[64] & 0xFF, "64/255 is about half of 0.5");
    }

    @Test
    void shrinkMovesTheEdgeInwardAndTheFramesBorderIsNotAnEdge() {
        // a square in the middle and a band touching the left border of the frame
        byte[] p = rectangle(30, 20, 70, 60);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < 10; x++) {
                p[y * W + x] = (byte) 255;
            }
        }
        byte[] out = edited(p, EdgeSettings.NONE.withShrinkGrow(3));
        for (int y = 0; y < H; y++) {
            for (int x = 12; x < W; x++) {
                boolean inside = x >= 33 && x < 67 && y >= 23 && y < 57;
                assertEquals(inside ? 255 : 0, at(out, x, y), "square shrunk by 3 at " + x + "," + y);
            }
        }
        assertEquals(255, at(out, 0, 40), "the person cut by the frame stays cut by it");
        assertEquals(255, at(out, 6, 0), "the frame's corner is no edge either");
        assertEquals(0, at(out, 7, 40), "the band's inner edge moved in by 3");
    }

    @Test
    void growMovesTheEdgeOutwardAsARoundShape() {
        byte[] p = new byte[W * H];
        p[40 * W + 50] = (byte) 255;
        int r = 6;
        byte[] out = edited(p, EdgeSettings.NONE.withShrinkGrow(-r));
        assertEquals(255, at(out, 50 + r, 40));
        assertEquals(255, at(out, 50, 40 - r));
        assertEquals(0, at(out, 50 + r + 1, 40));
        assertEquals(0, at(out, 50 + r, 40 + r), "a disk, not a square: the corner at distance 8.5 stays out");
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double d = Math.hypot(x - 50, y - 40);
                if (d <= r - 1) {
                    assertEquals(255, at(out, x, y), "inside the disk at " + x + "," + y);
                } else if (d > r + 1) {
                    assertEquals(0, at(out, x, y), "outside the disk at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void featherSoftensAnEdgeOverThePixelsOnEachSideAndNothingElse() {
        byte[] p = rectangle(50, 0, W, H); // a vertical edge between x = 49 and x = 50
        int n = 6;
        byte[] out = edited(p, EdgeSettings.NONE.withFeather(n));
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = at(out, x, y);
                if (x < 50 - n) {
                    assertEquals(0, v, "beyond the feather at " + x);
                } else if (x >= 50 + n) {
                    assertEquals(255, v, "beyond the feather at " + x);
                } else {
                    assertTrue(v > 0 && v < 255, "soft within the feather at " + x + ": " + v);
                }
                if (x > 0) {
                    assertTrue(v >= at(out, x - 1, y), "the ramp rises at " + x);
                }
            }
        }
        for (int k = 0; k < n; k++) {
            int sum = at(out, 49 - k, 40) + at(out, 50 + k, 40);
            assertTrue(Math.abs(sum - 255) <= 2, "the ramp is symmetric about the edge: " + k + " -> " + sum);
        }
        byte[] full = rectangle(0, 0, W, H);
        assertArrayEquals(full, edited(full, EdgeSettings.NONE.withFeather(n)), "the frame's border does not darken the matte");
    }

    @Test
    void invertSwapsTheMatte() {
        byte[] p = random(2);
        byte[] out = edited(p, EdgeSettings.NONE.withInvert(true));
        for (int i = 0; i < p.length; i++) {
            assertEquals(255 - (p[i] & 0xFF), out[i] & 0xFF);
        }
    }

    @Test
    void theControlsActInAKeyersOrderLevelsShrinkFeatherInvert() {
        byte[] p = random(3);
        EdgeSettings all = new EdgeSettings(0.1f, 0.9f, 2, 3, true);
        byte[] step = edited(p, EdgeSettings.NONE.withClip(0.1f, 0.9f));
        step = edited(step, EdgeSettings.NONE.withShrinkGrow(2));
        step = edited(step, EdgeSettings.NONE.withFeather(3));
        step = edited(step, EdgeSettings.NONE.withInvert(true));
        assertArrayEquals(step, edited(p, all));
    }

    @Test
    void newSettingsWhilePlayingGiveWhatAFreshFilterGives() {
        byte[] p = random(4);
        EdgeSettings second = new EdgeSettings(0.05f, 0.7f, -4, 2, false);
        try (EdgeFilter f = new EdgeFilter()) {
            ByteBuffer m = ByteBuffer.allocateDirect(p.length);
            f.configure(new EdgeSettings(0.3f, 0.8f, 5, 9, true));
            m.clear().put(p).flip();
            f.apply(m, W, H, W);
            f.configure(second);
            m.clear().put(p).flip();
            f.apply(m, W, H, W);
            assertArrayEquals(edited(p, second), bytes(m));
        }
    }

    @Test
    void rowPaddingAndHeapBuffersAreHandledAndPaddingIsLeftAlone() {
        byte[] p = random(5);
        EdgeSettings s = new EdgeSettings(0.1f, 0.8f, 2, 2, false);
        byte[] expected = edited(p, s);
        int stride = W + 7;
        for (boolean direct : new boolean[] {true, false}) {
            ByteBuffer padded = direct ? ByteBuffer.allocateDirect(3 + stride * H) : ByteBuffer.allocate(3 + stride * H);
            for (int i = 0; i < padded.capacity(); i++) {
                padded.put(i, (byte) 0x5A);
            }
            for (int y = 0; y < H; y++) {
                padded.put(3 + y * stride, p, y * W, W);
            }
            padded.position(3);
            try (EdgeFilter f = new EdgeFilter()) {
                f.configure(s);
                f.apply(padded, W, H, stride);
                f.apply(padded.position(3), W, H, stride); // the same buffer again: wrapped once
            }
            byte[] twice = edited(expected, s);
            for (int y = 0; y < H; y++) {
                byte[] row = new byte[W];
                padded.get(3 + y * stride, row);
                assertArrayEquals(java.util.Arrays.copyOfRange(twice, y * W, (y + 1) * W), row, (direct ? "direct" : "heap") + " row " + y);
                for (int x = W; x < stride && y < H - 1; x++) {
                    assertEquals(0x5A, padded.get(3 + y * stride + x), "padding untouched");
                }
            }
            assertEquals(0x5A, padded.get(0), "bytes before the position untouched");
        }
    }

    @Test
    void aBufferTooSmallForTheMatteIsRefusedNamingTheSizes() {
        try (EdgeFilter f = new EdgeFilter()) {
            f.configure(EdgeSettings.NONE.withInvert(true));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> f.apply(ByteBuffer.allocateDirect(W * H - 1), W, H, W));
            assertTrue(e.getMessage().contains(W + "x" + H), e.getMessage());
        }
    }
}
