package dev.rvm.tools.cli;

import dev.rvm.gst.GstRuntime;
import dev.rvm.gst.media.SampleMedia;
import dev.rvm.conversion.video.MediaProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A video conversion reports complete only what is: a cut file (made here by cutting the real sample clip,
 * as an interrupted download is) is refused unless allowed, an interrupted run leaves nothing behind, and a
 * second run into the same outputs is refused. Each case ends within seconds.
 */
class VideoHonestyTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    /** The sample's moov box comes first (13 KB); 60 KB of it hold the first 47 of its 1337 frames. */
    private static final int CUT_BYTES = 60_000;

    @TempDir
    static Path shared;
    private static Path sample;
    private static Path cut;
    @TempDir
    Path dir;

    @BeforeAll
    static void cutTheSample() throws IOException, InterruptedException {
        GstRuntime.start("video-honesty-test");
        sample = SampleMedia.talkingHead();
        cut = shared.resolve("cut.mp4");
        try (var in = Files.newInputStream(sample)) {
            Files.write(cut, in.readNBytes(CUT_BYTES));
        }
        assertEquals(1337, MediaProbe.of(sample).announcedFrames(), "the container announces its frames");
        assertEquals(1337, MediaProbe.of(cut).announcedFrames(), "a cut file announces what it lost");
    }

    private static List<String> names(Path d) throws IOException {
        return ConvertCommandTest.names(d);
    }

    @Test
    void aTruncatedInputIsRefusedAndNothingIsWritten() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = assertTimeoutPreemptively(DEADLINE, () -> CliRun.of("convert", "--input", cut.toString(),
                "--output-type", "png_sequence", "--output-alpha", out.resolve("pha").toString(),
                "--downsample-ratio", "0.25", "--disable-progress"));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("--input " + cut + " is truncated: it ends after 47 of the 1337 frames its container announces")
                && run.err().contains("--allow-truncated"), run.err());
        assertEquals(List.of(), names(out), "nothing written, nothing staged, no lock left");
    }

    @Test
    void allowTruncatedKeepsWhatTheFileHasAndSaysSo() throws IOException {
        Path pha = dir.resolve("pha");
        CliRun run = assertTimeoutPreemptively(DEADLINE, () -> CliRun.of("convert", "--input", cut.toString(),
                "--output-type", "png_sequence", "--output-alpha", pha.toString(), "--downsample-ratio", "0.25",
                "--allow-truncated", "--disable-progress"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: --input " + cut + " is truncated") && run.err().contains("kept 47 frames"), run.err());
        assertEquals(47, names(pha).size());
    }

    @Test
    void aFileCutBeforeItsFirstFrameFailsClearly() throws IOException {
        Path tiny = dir.resolve("tiny.mp4");
        try (var in = Files.newInputStream(sample)) {
            Files.write(tiny, in.readNBytes(14_000));
        }
        CliRun run = assertTimeoutPreemptively(DEADLINE, () -> CliRun.of("convert", "--input", tiny.toString(),
                "--output-type", "video", "--output-alpha", dir.resolve("pha.mp4").toString(), "--disable-progress"));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(tiny.toString()) && (run.err().contains("is truncated") || run.err().contains("cut short")), run.err());
        assertTrue(names(dir).stream().noneMatch(n -> n.startsWith(".rvm-") || n.startsWith("pha")), names(dir).toString());
    }

    /** A conversion of the whole sample in a process of its own, for signals; returns once it writes its outputs. */
    private Process startConversion(Path out, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss4m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a cold JVM and model load on a busy machine
        while (System.nanoTime() < until && p.isAlive()) {
            boolean writing;
            try (Stream<Path> s = Files.list(out)) {
                writing = s.anyMatch(f -> f.getFileName().toString().startsWith(".rvm-partial-") && sizeOf(f) > 0);
            } catch (IOException notYet) {
                writing = false;
            }
            if (writing) {
                return p;
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new AssertionError("the conversion did not start writing: " + Files.readString(dir.resolve("child.log")));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void anInterruptedConversionLeavesNothingBehind(String signal) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path earlier = Files.writeString(out.resolve("comp.mp4"), "an earlier result");
        Process p = startConversion(out, "convert", "--input", sample.toString(), "--output-type", "video",
                "--output-composition", earlier.toString(), "--output-alpha", out.resolve("pha.mp4").toString(),
                "--downsample-ratio", "0.25", "--disable-progress");
        // while it runs, a second run into the same output is refused at once
        CliRun second = assertTimeoutPreemptively(DEADLINE, () -> CliRun.of("convert", "--input", sample.toString(),
                "--output-type", "video", "--output-composition", earlier.toString(), "--disable-progress"));
        assertEquals(1, second.exitCode(), second.err());
        assertTrue(second.err().contains("output " + earlier + " is being written by another conversion (process " + p.pid()), second.err());

        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS), "ends within " + DEADLINE);
        String log = Files.readString(dir.resolve("child.log"));
        assertTrue(p.exitValue() != 0, "an interrupted run does not exit 0: " + log);
        assertTrue(log.contains("unfinished outputs were removed"), log);
        assertEquals(List.of("comp.mp4"), names(out), "no staging, no lock, no partial alpha: " + log);
        assertEquals("an earlier result", Files.readString(earlier));
    }

    @Test
    void anInterruptedDemoLeavesNothingBehindEither() throws Exception {
        Path out = Files.createDirectories(dir.resolve("demo"));
        Process p = startConversion(out, "demo", "--output", out.toString());
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS), "ends within " + DEADLINE);
        assertEquals(List.of(), names(out), Files.readString(dir.resolve("child.log")));
    }

    @Test
    void aRunKilledOutrightIsCleanedUpByTheNextRun() throws Exception {
        Path out = Files.createDirectories(dir.resolve("killed"));
        Process p = startConversion(out, "convert", "--input", sample.toString(), "--output-type", "png_sequence",
                "--output-alpha", out.resolve("pha").toString(), "--downsample-ratio", "0.25", "--disable-progress");
        p.destroyForcibly(); // SIGKILL: no hook runs
        assertTrue(p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        assertTrue(names(out).stream().anyMatch(n -> n.startsWith(".rvm-partial-")), "SIGKILL leaves staging: " + names(out));
        CliRun next = assertTimeoutPreemptively(DEADLINE, () -> CliRun.of("convert", "--input", cut.toString(),
                "--output-type", "png_sequence", "--output-alpha", out.resolve("pha").toString(), "--downsample-ratio", "0.25",
                "--allow-truncated", "--disable-progress"));
        assertEquals(0, next.exitCode(), next.err());
        assertEquals(List.of("pha"), names(out), "the dead run's staging is gone");
        assertEquals(47, names(out.resolve("pha")).size());
    }
}
