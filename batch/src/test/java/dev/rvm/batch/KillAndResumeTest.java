package dev.rvm.batch;

import dev.rvm.batch.commit.JobLayout;
import dev.rvm.batch.commit.SuccessMarker;
import dev.rvm.conversion.video.FrameIndex;
import dev.rvm.conversion.video.TestClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run killed (SIGKILL, no shutdown hooks) while a piece is being written leaves the video's final
 * outputs as they were, and the next run keeps the committed piece and completes the video.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class KillAndResumeTest {

    @TempDir
    Path dir;

    private String[] args(Path list, Path out, String background) {
        return new String[]{"--input", list.toString(), "--output", out.toString(), "--master", "local[1]",
                "--output-type", "video", "--output-composition", "com.mp4", "--background", background,
                "--downsample-ratio", "0.5", "--chunk-seconds", "2", "--warmup-seconds", "0.4"};
    }

    @Test
    void aKilledRunChangesNoFinalOutputAndTheNextRunCompletesIt() throws Exception {
        Path clip = TestClips.cut(dir.resolve("talk.mp4"), 150, 25, true);
        int frames = FrameIndex.scan(clip).frames();
        Path list = dir.resolve("list.txt");
        Files.writeString(list, clip + "\n");
        Path out = dir.resolve("out");
        Path video = out.resolve("talk");

        // an earlier, complete run with other settings: its outputs must survive the killed run untouched
        assertEquals(0, BatchRun.of(args(list, out, "#00ff00")).exitCode());
        SuccessMarker green = SuccessMarker.read(video.resolve(JobLayout.SUCCESS));
        assertNotNull(green);

        ProcessBuilder pb = new ProcessBuilder(javaCommand(args(list, out, "#0000ff")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed-run.log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process child = pb.start();
        Path partial;
        try {
            partial = awaitPartialSecondPiece(out, child);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertNotNull(partial, "the run ended before its second piece was half written: " + Files.readString(dir.resolve("killed-run.log")));
        assertEquals(green, SuccessMarker.read(video.resolve(JobLayout.SUCCESS)), "the earlier marker is still there");
        assertTrue(green.matches(video), "and every final output is byte for byte the earlier one");
        try (Stream<Path> s = Files.list(video)) {
            assertEquals(List.of("_SUCCESS", "com.mp4"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no partial file among the outputs");
        }

        BatchRun resumed = BatchRun.of(args(list, out, "#0000ff"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().matches("(?s).*talk +done +\\d+ +3 +1 .*"), "1 of 3 pieces kept: " + resumed.out());
        SuccessMarker blue = SuccessMarker.read(video.resolve(JobLayout.SUCCESS));
        assertNotEquals(green.jobId(), blue.jobId());
        assertTrue(blue.matches(video));
        assertEquals(frames, FrameIndex.scan(video.resolve("com.mp4")).frames());
        assertFalse(Files.exists(out.resolve(JobLayout.WORK)), "the killed attempt's leftovers are gone with the video's work");
    }

    /** Waits until piece 1 is committed and piece 2's attempt has begun its file; null if the run ended first. */
    private static Path awaitPartialSecondPiece(Path out, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && child.isAlive()) {
            Optional<Path> work = list(out.resolve(JobLayout.WORK)).stream().findFirst();
            if (work.isPresent()) {
                Path v = work.get().resolve("talk");
                if (Files.isDirectory(v.resolve("chunk-00000/committed"))) {
                    for (Path attempt : list(v.resolve("chunk-00001"))) {
                        Path file = attempt.resolve("com.mp4");
                        if (attempt.getFileName().toString().startsWith("attempt-") && Files.isRegularFile(file)
                                && Files.size(file) > 0) {
                            return file;
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        return null;
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        }
    }

    private static List<String> javaCommand(String[] args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), BatchMain.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
