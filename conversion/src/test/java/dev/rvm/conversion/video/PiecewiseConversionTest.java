package dev.rvm.conversion.video;

import dev.rvm.matting.Background;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.MattingStream;
import dev.rvm.matting.MattingStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real clip matted in pieces with warm-up by the real model, then joined: frames, timing, sound, names. */
class PiecewiseConversionTest {

    static int frames;
    static final MattingSettings SETTINGS = MattingSettings.DEFAULTS.withDownsampleRatio(0.25f).withThreads(1);
    @TempDir
    static Path dir;
    static Path clip;
    static FrameIndex index;

    @BeforeAll
    static void clipWithSound() throws Exception {
        clip = TestClips.cut(dir.resolve("clip.mp4"), 60, 20, true);
        index = FrameIndex.scan(clip);
        frames = index.frames();
        assertTrue(frames >= 60, "frames: " + frames);
        assertTrue(index.hasAudio());
    }

    private static List<Path> matte(List<RangeConverter.Range> ranges, boolean png, String composition, Background bg)
            throws Exception {
        List<Path> pieces = new ArrayList<>();
        for (RangeConverter.Range r : ranges) {
            Path piece = dir.resolve((png ? "png-" : "video-") + composition + "-" + r.first());
            Path comp = png ? piece.resolve("com") : piece.resolve(composition);
            String alpha = composition.endsWith(".mov") ? "pha.webm" : "pha.mp4";
            VideoConvertOptions out = new VideoConvertOptions(clip, comp, png ? piece.resolve("pha") : piece.resolve(alpha),
                    null, png, 2, bg, SETTINGS);
            int[] last = {0};
            try (MattingStream stream = MattingStreams.open(SETTINGS)) {
                assertEquals(r.frames(), RangeConverter.run(clip, index, r, stream, out, n -> last[0] = n));
            }
            assertEquals(r.frames(), last[0], "progress reached every frame");
            pieces.add(piece);
        }
        return pieces;
    }

    @Test
    void videoPiecesJoinIntoOneVideoWithTheSourceSound() throws Exception {
        List<Path> pieces = matte(List.of(new RangeConverter.Range(0, 0, 25), new RangeConverter.Range(15, 25, frames)),
                false, "com.mp4", new Background.Color(0xFF00FF00));
        Path joined = dir.resolve("joined.mp4");
        VideoStitcher.join(pieces.stream().map(p -> p.resolve("com.mp4")).toList(), joined, false, 2, clip);
        FrameIndex out = FrameIndex.scan(joined);
        assertEquals(frames, out.frames());
        assertTrue(out.hasAudio(), "the source's sound is in the composition");
        assertEquals(index.durationNanos(), out.durationNanos(), 1_000_000, "the pieces play back to back");
        Path alpha = dir.resolve("alpha.mp4");
        VideoStitcher.join(pieces.stream().map(p -> p.resolve("pha.mp4")).toList(), alpha, false, 2, null);
        FrameIndex a = FrameIndex.scan(alpha);
        assertEquals(frames, a.frames());
        assertTrue(!a.hasAudio());
    }

    @Test
    void aTransparentCompositionJoinsAsProRes4444AndVp9AlphaToo() throws Exception {
        List<Path> pieces = matte(List.of(new RangeConverter.Range(0, 0, 30), new RangeConverter.Range(20, 30, frames)),
                false, "com.mov", null);
        Path joined = dir.resolve("joined.mov");
        VideoStitcher.join(pieces.stream().map(p -> p.resolve("com.mov")).toList(), joined, true, 2, clip);
        assertEquals(frames, FrameIndex.scan(joined).frames());
        Path alpha = dir.resolve("alpha.webm");
        VideoStitcher.join(pieces.stream().map(p -> p.resolve("pha.webm")).toList(), alpha, false, 2, null);
        assertEquals(frames, FrameIndex.scan(alpha).frames(), "VP9 pieces are joined by re-encoding them");
    }

    @Test
    void pngPiecesAreNamedByFrameNumberAndJoinByName() throws Exception {
        List<Path> pieces = matte(List.of(new RangeConverter.Range(0, 0, 20), new RangeConverter.Range(10, 20, frames)),
                true, "com", null);
        try (Stream<Path> s = Files.list(pieces.get(1).resolve("pha"))) {
            assertEquals("00020.png", s.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow());
        }
        Path joined = dir.resolve("pha");
        assertEquals(frames, VideoStitcher.joinFrames(pieces.stream().map(p -> p.resolve("pha")).toList(), joined));
        try (Stream<Path> s = Files.list(joined)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(frames, names.size());
            assertEquals("00000.png", names.get(0));
            assertEquals(String.format("%05d.png", frames - 1), names.get(frames - 1));
        }
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> VideoStitcher.joinFrames(pieces.stream().map(p -> p.resolve("pha")).toList(), joined));
    }
}
