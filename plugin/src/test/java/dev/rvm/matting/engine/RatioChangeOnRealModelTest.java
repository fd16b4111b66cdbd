package dev.rvm.matting.engine;

import dev.rvm.matting.FrameLayout;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.MattingStreams;
import dev.rvm.matting.PixelFormat;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real network's recurrent states are as big as the downsampled frame, so a ratio change on a
 * running stream (the panel's slider) must start from fresh states, not zeros of the old shapes.
 * The tiny test graph cannot show this: its states have one shape at every ratio.
 */
class RatioChangeOnRealModelTest {

    @Test
    void ratioAndChunkChangeOnARunningStream() {
        FrameLayout layout = FrameLayout.packed(400, 300, PixelFormat.RGB);
        ByteBuffer pixels = ByteBuffer.allocateDirect(layout.byteSize());
        for (int i = 0; i < layout.byteSize(); i++) {
            pixels.put(i, (byte) (i * 7));
        }
        float[] ratios = {0f, 0.25f, 0.5f, 0.27f, 1f, 0.2f};
        int[] chunks = {1, 1, 2, 3, 1, 1};
        int[] results = {0};
        try (MattingStream s = MattingStreams.open(MattingSettings.DEFAULTS.withThreads(1))) {
            for (int k = 0; k < ratios.length; k++) {
                s.update(s.settings().withDownsampleRatio(ratios[k]).withSeqChunk(chunks[k]));
                for (int f = 0; f < 3; f++) {
                    s.submit(pixels, layout, f, r -> results[0]++);
                }
            }
            s.drain(r -> results[0]++);
        }
        assertEquals(ratios.length * 3, results[0], "every frame matted across the changes");
    }
}
