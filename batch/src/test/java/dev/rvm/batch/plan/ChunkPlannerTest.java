package dev.rvm.batch.plan;

import dev.rvm.conversion.video.FrameIndex;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pieces of even length, warm-ups inside the video, decoding from the keyframe at or before the warm-up. */
class ChunkPlannerTest {

    /** A 25 fps video of {@code frames} frames with a keyframe every {@code gop}. */
    static VideoProbe video(int frames, int gop) {
        long[] pts = new long[frames];
        for (int i = 0; i < frames; i++) {
            pts[i] = i * 40_000_000L;
        }
        int[] keys = java.util.stream.IntStream.range(0, (frames + gop - 1) / gop).map(k -> k * gop).toArray();
        return new VideoProbe("v", "/v.mp4", 1, 1, new FrameIndex(400, 300, pts, keys, 25, 1, 0, false), null);
    }

    @Test
    void theSampleClipInThreePieces() {
        List<ChunkSpec> c = new ChunkPlanner(18, 2).plan(video(1337, 250), "k");
        assertEquals(3, c.size());
        assertEquals(List.of(0, 445, 891), c.stream().map(ChunkSpec::first).toList());
        assertEquals(List.of(445, 891, 1337), c.stream().map(ChunkSpec::end).toList());
        assertEquals(List.of(0, 395, 841), c.stream().map(ChunkSpec::warmupFrom).toList(), "50 frames = 2 s of warm-up");
        assertEquals(List.of(0, 250, 750), c.stream().map(ChunkSpec::decodeFrom).toList(), "keyframe at or before the warm-up");
        assertEquals(0, c.get(0).warmupFrames(), "the first piece starts at the video's start: no warm-up");
        assertEquals(3, c.get(2).of());
        assertEquals("chunk-00002", c.get(2).dirName());
    }

    @Test
    void aVideoUpToOneAndAHalfPiecesStaysWhole() {
        assertEquals(1, new ChunkPlanner(10, 2).plan(video(375, 250), "k").size());
        assertEquals(2, new ChunkPlanner(10, 2).plan(video(376, 250), "k").size());
    }

    @Test
    void piecesAreEvenNotASliverAtTheEnd() {
        List<ChunkSpec> c = new ChunkPlanner(10, 1).plan(video(1010, 100), "k");
        assertEquals(4, c.size());
        c.forEach(p -> assertEquals(252, p.frames(), 1));
    }

    @Test
    void aWarmupLongerThanThePieceBeforeStartsAtFrameZero() {
        List<ChunkSpec> c = new ChunkPlanner(2, 10).plan(video(200, 25), "k");
        assertEquals(0, c.get(1).warmupFrom());
        assertEquals(0, c.get(1).decodeFrom());
    }
}
