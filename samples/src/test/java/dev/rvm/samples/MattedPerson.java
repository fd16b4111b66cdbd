package dev.rvm.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pixel checks of a received picture against the element's matte. */
final class MattedPerson {
    /** The green-screen green of the RTMP sample's background, for OBS's chroma key. */
    static final int KEY_GREEN = 0x00b140;

    private MattedPerson() {
    }

    /**
     * A composite over a key colour, decoded after lossy H.264: where the matte is background the
     * picture is the key colour, where it is person it is not. Both regions must be a real part of
     * the picture, so an all-key or an unmatted frame fails.
     */
    static void assertKeyedComposite(DecodedFrames.Frame frame, byte[] alpha, int keyRgb) {
        assertEquals(FrozenFrame.WIDTH * FrozenFrame.HEIGHT, frame.width() * frame.height(), "picture size");
        int[] key = {(keyRgb >> 16) & 0xFF, (keyRgb >> 8) & 0xFF, keyRgb & 0xFF};
        long background = 0;
        long backgroundKeyed = 0;
        long person = 0;
        long personShown = 0;
        byte[] rgb = frame.rgb();
        for (int i = 0; i < alpha.length; i++) {
            int a = alpha[i] & 0xFF;
            int distance = 0;
            for (int c = 0; c < 3; c++) {
                distance = Math.max(distance, Math.abs((rgb[3 * i + c] & 0xFF) - key[c]));
            }
            if (a <= 5) {
                background++;
                backgroundKeyed += distance <= 40 ? 1 : 0;
            } else if (a >= 250) {
                person++;
                personShown += distance > 60 ? 1 : 0;
            }
        }
        double pixels = alpha.length;
        String counts = String.format("background %.1f%% of the picture, %.1f%% of it key colour; person %.1f%%,"
                        + " %.1f%% of it not key colour", 100 * background / pixels, 100.0 * backgroundKeyed / background,
                100 * person / pixels, 100.0 * personShown / person);
        assertTrue(background > 0.1 * pixels && person > 0.1 * pixels, "matte regions: " + counts);
        assertTrue(backgroundKeyed > 0.95 * background, "background must show the key colour: " + counts);
        assertTrue(personShown > 0.95 * person, "the person must show: " + counts);
    }

    /** Share of the matte that is person (alpha >= 250). */
    static double personShare(byte[] alpha) {
        long person = 0;
        for (byte a : alpha) {
            person += (a & 0xFF) >= 250 ? 1 : 0;
        }
        return person / (double) alpha.length;
    }
}
