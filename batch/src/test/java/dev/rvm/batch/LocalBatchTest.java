package dev.rvm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rvm.batch.commit.JobLayout;
import dev.rvm.batch.commit.SuccessMarker;
import dev.rvm.batch.exec.ExecutorModels;
import dev.rvm.conversion.video.FrameIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code local[2]} over three short real clips, one of them damaged: the other two are matted in pieces,
 * stitched with their sound and marked complete; the run exits 1 naming the damaged one; a rerun does
 * nothing to the complete ones.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class LocalBatchTest {

    @TempDir
    static Path dir;
    static Path inputs;

    @BeforeAll
    static void clips() throws Exception {
        inputs = ShortInputs.create(dir);
    }

    /** The job's command line: 1 s pieces of the short clips, composition and alpha as videos. */
    static String[] args(Path in, Path out, String master, String... more) {
        String[] base = {"--input", in.toString(), "--output", out.toString(), "--master", master,
                "--output-type", "video", "--output-composition", "com.mp4", "--output-alpha", "pha.mp4",
                "--background", "#00ff00", "--downsample-ratio", "0.25", "--chunk-seconds", "1", "--warmup-seconds", "0.4"};
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void aDamagedInputFailsAloneAndTheRunExitsNamingIt() throws Exception {
        Path out = dir.resolve("out");
        int sessionsBefore = ExecutorModels.sessionsOpened();
        BatchRun run = BatchRun.of(args(inputs, out, "local[2]"));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("1 of 3 videos failed: damaged"), run.err());
        assertTrue(run.out().matches("(?s).*damaged +FAILED .*damaged\\.mp4.*"), run.out());
        assertTrue(ExecutorModels.sessionsOpened() - sessionsBefore <= 1,
                "6 pieces ran on one ONNX Runtime session of this (executor) JVM, not one per piece");

        for (String video : new String[]{"talk-a", "talk-b"}) {
            Path v = out.resolve(video);
            SuccessMarker marker = SuccessMarker.read(v.resolve(JobLayout.SUCCESS));
            assertNotNull(marker, video + " is complete");
            // the cut clip has 75 or 76 frames (TestClips reads it from its index): about 3 s, cut evenly into
            // whole seconds, the nearest count of 1 s pieces
            FrameIndex input = FrameIndex.scan(inputs.resolve(video + ".mp4"));
            int frames = input.frames();
            long perPiece = Math.round(input.framesPerSecond());
            assertEquals(Math.round((double) frames / perPiece), marker.chunks(),
                    frames + " frames at " + input.framesPerSecond() + " fps in pieces of 1 s");
            assertTrue(marker.matches(v), "the outputs are the ones the marker's digests describe");
            FrameIndex com = FrameIndex.scan(v.resolve("com.mp4"));
            assertEquals(frames, com.frames(), "the stitched composition has every frame once");
            assertTrue(com.hasAudio(), "and the input's sound");
            assertEquals(frames, FrameIndex.scan(v.resolve("pha.mp4")).frames());
        }
        assertFalse(Files.exists(out.resolve("damaged")), "nothing is written for the damaged input");
        assertFalse(Files.exists(out.resolve(JobLayout.WORK)), "no work files are left");

        JsonNode manifest = new ObjectMapper().readTree(out.resolve(JobLayout.MANIFEST).toFile());
        assertEquals(3, manifest.get("videos").size());
        assertEquals("FAILED", manifest.get("videos").get(0).get("status").asText(), "damaged sorts first");
        assertTrue(manifest.get("videos").get(0).get("error").asText().contains("damaged.mp4"));

        FileTime before = Files.getLastModifiedTime(out.resolve("talk-a/com.mp4"));
        BatchRun again = BatchRun.of(args(inputs, out, "local[2]"));
        assertEquals(1, again.exitCode(), "the damaged input still fails");
        assertTrue(again.out().matches("(?s).*talk-a +skipped .*"), again.out());
        assertTrue(again.out().contains("0 pieces to matte"), again.out());
        assertEquals(before, Files.getLastModifiedTime(out.resolve("talk-a/com.mp4")), "a complete video is left alone");
    }
}
