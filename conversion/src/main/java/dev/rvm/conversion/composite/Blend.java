package dev.rvm.conversion.composite;

/** The compositing equation on 8-bit pixels: com = fgr * pha + bg * (1 - pha), in [0, 1] floats. */
public final class Blend {
    private Blend() {
    }

    /**
     * @param fgr foreground, 3 interleaved channels
     * @param pha alpha, one channel, same pixel count
     * @param bg  background, 3 interleaved channels
     * @param out composite, 3 interleaved channels (rounded to the nearest 8-bit value)
     */
    public static void composite(byte[] fgr, byte[] pha, byte[] bg, byte[] out) {
        for (int p = 0; p < pha.length; p++) {
            float a = (pha[p] & 0xff) / 255f;
            for (int c = 0, i = 3 * p; c < 3; c++, i++) {
                float value = (fgr[i] & 0xff) / 255f * a + (bg[i] & 0xff) / 255f * (1 - a);
                out[i] = (byte) Math.round(value * 255);
            }
        }
    }
}
