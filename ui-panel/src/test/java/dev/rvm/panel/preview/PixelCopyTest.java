package dev.rvm.panel.preview;

import dev.rvm.matting.PixelFormat;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PixelCopyTest {

    /** Two pixels (r=10,g=20,b=30,a=40) and (r=50,g=60,b=70,a=80) packed in {@code format}, rows padded to 12 bytes. */
    private static ByteBuffer twoRows(PixelFormat f) {
        ByteBuffer b = ByteBuffer.allocateDirect(24);
        int[][] px = {{10, 20, 30, 40}, {50, 60, 70, 80}};
        for (int row = 0; row < 2; row++) {
            for (int i = 0; i < 2; i++) {
                int o = row * 12 + i * f.bytesPerPixel;
                b.put(o + f.red, (byte) px[i][0]);
                b.put(o + f.green, (byte) px[i][1]);
                b.put(o + f.blue, (byte) px[i][2]);
                if (f.alpha >= 0) {
                    b.put(o + f.alpha, (byte) px[i][3]);
                }
            }
        }
        return b;
    }

    @Test
    void everyChannelOrderBecomesArgbAndPaddingIsSkipped() {
        for (PixelFormat f : PixelFormat.values()) {
            int[] out = new int[4];
            PixelCopy.toArgb(twoRows(f), 2, 2, 12, f, out);
            int a0 = f.hasAlpha() ? 40 : 255;
            int a1 = f.hasAlpha() ? 80 : 255;
            int p0 = a0 << 24 | 10 << 16 | 20 << 8 | 30;
            int p1 = a1 << 24 | 50 << 16 | 60 << 8 | 70;
            assertArrayEquals(new int[] {p0, p1, p0, p1}, out, f.name());
        }
    }

    @Test
    void grayRowsDropTheirPadding() {
        ByteBuffer b = ByteBuffer.allocateDirect(8);
        b.put(0, (byte) 1).put(1, (byte) 2).put(2, (byte) 3).put(4, (byte) 4).put(5, (byte) 5).put(6, (byte) 200);
        byte[] out = new byte[6];
        PixelCopy.toGray(b, 3, 2, 4, out);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, (byte) 200}, out);
    }

    @Test
    void overlayIsRedWithTheMatteAsOpacity() {
        int[] out = new int[3];
        PixelCopy.redOverlay(new byte[] {0, (byte) 255, (byte) 128}, out, 3, 150);
        assertEquals(0x00FF0000, out[0]);
        assertEquals(150 << 24 | 0xFF0000, out[1]);
        assertEquals(75 << 24 | 0xFF0000, out[2]);
    }
}
