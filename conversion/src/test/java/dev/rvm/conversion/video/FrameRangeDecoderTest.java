package dev.rvm.conversion.video;

import dev.rvm.gst.GstRuntime;
import dev.rvm.gst.media.SampleMedia;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frame-exact ranges of the real sample clip (H.264 High with B-frames, a keyframe every 250 frames). */
class FrameRangeDecoderTest {

    static Path clip;
    static FrameIndex index;

    @BeforeAll
    static void sample() throws Exception {
        GstRuntime.start("frame-range-test");
        clip = SampleMedia.talkingHead();
        index = FrameIndex.scan(clip);
    }

    @Test
    void theIndexHasEveryFrameAndTheKeyframes() {
        assertEquals(1337, index.frames());
        assertArrayEquals(new int[]{0, 250, 500, 750, 1000, 1250}, index.keyframes());
        assertEquals(25, index.rateNumerator());
        assertEquals(1, index.rateDenominator());
        assertEquals(400, index.width());
        assertEquals(300, index.height());
        assertFalse(index.hasAudio());
        assertEquals(53_480_000_000L, index.durationNanos());
        assertEquals(250, index.keyframeAtOrBefore(499));
        assertEquals(500, index.keyframeAtOrBefore(500));
        assertEquals(1250, index.keyframeAtOrBefore(1336));
    }

    @Test
    void aRangeDecodedAfterASeekEqualsTheSameFramesDecodedFromTheStart() throws Exception {
        List<byte[]> fromStart = decode(0, 510);
        List<byte[]> range = decode(490, 510);
        assertEquals(20, range.size());
        for (int i = 0; i < range.size(); i++) {
            assertArrayEquals(fromStart.get(490 + i), range.get(i), "frame " + (490 + i));
        }
        assertFalse(Arrays.equals(fromStart.get(490), fromStart.get(491)), "frames differ: the comparison can fail");
    }

    @Test
    void theLastFramesOfTheVideo() throws Exception {
        assertEquals(7, decode(1330, 1337).size());
    }

    @Test
    void everyFrameOfTheIndexDecodesToTheLastOne(@TempDir Path dir) throws Exception {
        // x264 with B-frames behind an mp4 edit list: the muxer may leave a last packet outside the presented span
        for (int k = 0; k < 3; k++) {
            Path cut = TestClips.cut(dir.resolve("cut" + k + ".mp4"), 75, 25, true);
            FrameIndex i = FrameIndex.scan(cut);
            int n = 0;
            try (FrameRangeDecoder d = FrameRangeDecoder.open(cut, i, i.frames() - 20, i.frames())) {
                while (d.next() != null) {
                    n++;
                }
            }
            assertEquals(20, n, "clip " + k + " of " + i.frames() + " frames");
        }
    }

    @Test
    void aRangeOutsideTheVideoIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FrameRangeDecoder.open(clip, index, 1300, 1338));
    }

    @Test
    void aDamagedFileIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.mp4");
        Files.write(bad, Arrays.copyOf(Files.readAllBytes(clip), 2000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameIndex.scan(bad));
        assertTrue(e.getMessage().contains("bad.mp4"), e.getMessage());
    }

    private static List<byte[]> decode(int from, int to) throws Exception {
        List<byte[]> frames = new ArrayList<>();
        try (FrameRangeDecoder d = FrameRangeDecoder.open(clip, index, from, to)) {
            for (FrameRangeDecoder.Frame f = d.next(); f != null; f = d.next()) {
                assertEquals(from + frames.size(), f.index());
                ByteBuffer p = f.pixels();
                byte[] b = new byte[p.remaining()];
                p.get(b);
                frames.add(b);
            }
            assertNull(d.next());
        }
        return frames;
    }
}
