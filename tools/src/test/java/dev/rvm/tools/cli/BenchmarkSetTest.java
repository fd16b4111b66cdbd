package dev.rvm.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rvm.matting.MattingSettings;
import dev.rvm.tools.benchmarkset.BackgroundImage;
import dev.rvm.tools.benchmarkset.BenchmarkSetBuilder;
import dev.rvm.matting.files.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approximate-ground-truth set on three real webcam frames: upstream's layout as
 * {@code ./rvm evaluate} reads it, the reference is the model's ratio-1.0 output, and the
 * composites really replace the background.
 */
class BenchmarkSetTest {
    private static final int GREEN = 0x20C040;

    @TempDir
    static Path tmp;
    static Path set;
    static List<String> frameNames;

    @BeforeAll
    static void buildSet() throws IOException {
        Path source = ConvertCommandTest.fixtures().resolve("cap12/frames");
        List<Path> firstThree;
        try (Stream<Path> s = Files.list(source)) {
            firstThree = s.sorted().limit(3).toList();
        }
        frameNames = firstThree.stream().map(p -> p.getFileName().toString()).toList();
        Path green = writeImage(tmp.resolve("green.png"), 320, 240, (x, y) -> GREEN);
        // Another aspect ratio than the frames, so the cover resize is exercised too.
        Path ramp = writeImage(tmp.resolve("ramp.png"), 600, 200, (x, y) -> (x * 255 / 599) << 16 | (y * 255 / 199));
        set = tmp.resolve("set");
        int frames = BenchmarkSetBuilder.build(set, "cap12", dir -> {
            for (Path f : firstThree) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }, List.of(new BackgroundImage("green", green), new BackgroundImage("ramp", ramp)),
                MattingSettings.DEFAULTS.withThreads(2), step -> { });
        assertEquals(3, frames);
    }

    @Test
    void everyClipHasComPhaFgrWithTheSourceFrameNames() throws IOException {
        for (String clip : List.of("original", "green", "ramp")) {
            for (String kind : List.of("com", "pha", "fgr")) {
                assertEquals(frameNames, ConvertCommandTest.names(set.resolve("cap12").resolve(clip).resolve(kind)), clip + "/" + kind);
            }
        }
        assertEquals(List.of("README.txt", "cap12"), ConvertCommandTest.names(set), "no work files left behind");
        assertFalse(Files.exists(tmp.resolve("set.partial")));
        assertTrue(Files.readString(set.resolve("README.txt")).startsWith("APPROXIMATE ground truth"));
    }

    @Test
    void evaluateReadsTheSetAndTheReferenceIsTheModelAtRatioOne() throws IOException {
        Path original = set.resolve("cap12/original");
        Path pred = tmp.resolve("pred/cap12/original");
        CliRun convert = CliRun.of("convert", "--input", original.resolve("com").toString(), "--downsample-ratio", "1.0",
                "--threads", "2", "--output-alpha", pred.resolve("pha").toString(), "--output-foreground", pred.resolve("fgr").toString());
        assertEquals(0, convert.exitCode(), convert.err());
        Path trueOriginalOnly = tmp.resolve("true-original/cap12/original");
        Files.createDirectories(trueOriginalOnly.getParent());
        Files.createSymbolicLink(trueOriginalOnly, original.toAbsolutePath());
        Path csv = tmp.resolve("original.csv");
        CliRun eval = CliRun.of("evaluate", "--pred-dir", tmp.resolve("pred").toString(),
                "--true-dir", tmp.resolve("true-original").toString(), "--csv", csv.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        String row = Files.readAllLines(csv).get(1);
        assertEquals("cap12,original,3,0,0,0,0,0,0,0", row.replaceAll("\\.0+(?=,|$)", ""),
                "the same model at the same ratio on the recorded frames reproduces the reference exactly");

        // The whole set against itself: every clip is found and complete.
        Path all = tmp.resolve("all.csv");
        CliRun self = CliRun.of("evaluate", "--pred-dir", set.toString(), "--true-dir", set.toString(), "--csv", all.toString());
        assertEquals(0, self.exitCode(), self.err());
        assertEquals(4, Files.readAllLines(all).size(), "header + original, green, ramp");
    }

    @Test
    void compositesShowTheNewBackgroundWhereTheReferenceHasNoPerson() throws IOException {
        for (String name : frameNames) {
            BufferedImage pha = ImageIO.read(set.resolve("cap12/green/pha").resolve(name).toFile());
            BufferedImage com = ImageIO.read(set.resolve("cap12/green/com").resolve(name).toFile());
            BufferedImage recorded = ImageIO.read(set.resolve("cap12/original/com").resolve(name).toFile());
            BufferedImage refPha = ImageIO.read(set.resolve("cap12/original/pha").resolve(name).toFile());
            int background = 0;
            int person = 0;
            for (int y = 0; y < pha.getHeight(); y++) {
                for (int x = 0; x < pha.getWidth(); x++) {
                    int a = pha.getRaster().getSample(x, y, 0);
                    assertEquals(refPha.getRaster().getSample(x, y, 0), a, "the clip's pha is the reference");
                    if (a == 0) {
                        assertEquals(GREEN, com.getRGB(x, y) & 0xFFFFFF, "background pixel " + x + "," + y);
                        background++;
                    } else if (a == 255) {
                        person++;
                    }
                }
            }
            assertTrue(background > 10_000 && person > 10_000,
                    "a webcam frame of one person is partly person, partly background: " + person + " / " + background);
            assertFalse(com.getRGB(0, 0) == recorded.getRGB(0, 0), "the recorded background is gone");
        }
    }

    @Test
    void aNonEmptyOutputIsRefusedAndLeftAlone() throws IOException {
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("keep.txt"), "mine");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BenchmarkSetBuilder.build(taken, "d",
                dir -> { }, List.of(), MattingSettings.DEFAULTS, step -> { }));
        assertTrue(e.getMessage().contains(taken.toString()) && e.getMessage().contains("not empty"), e.getMessage());
        assertEquals(List.of("keep.txt"), ConvertCommandTest.names(taken));
    }

    @Test
    void theCommandRefusesBadArgumentsInOneLineBeforeDownloadingAnything() throws IOException {
        CliRun zero = CliRun.of("benchmark-set", "--output", tmp.resolve("new").toString(), "--frames", "0");
        assertEquals(1, zero.exitCode());
        assertEquals("rvm benchmark-set: --frames must be at least 1; got 0", zero.err().strip());

        CliRun taken = CliRun.of("benchmark-set", "--output", set.toString());
        assertEquals(1, taken.exitCode());
        assertEquals(1, taken.err().strip().lines().count(), taken.err());
        assertTrue(taken.err().contains(set + " already exists and is not empty"), taken.err());
        assertFalse(taken.err().contains("fetching"), "refused before any download");
    }

    @Test
    void aFailedBuildLeavesNothingBehind() {
        Path out = tmp.resolve("failed");
        assertThrows(IOException.class, () -> BenchmarkSetBuilder.build(out, "d", dir -> {
            throw new IOException("decoder gone");
        }, List.of(), MattingSettings.DEFAULTS, step -> { }));
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(tmp.resolve("failed.partial")));
    }

    interface Pixel {
        int rgb(int x, int y);
    }

    private static Path writeImage(Path file, int w, int h, Pixel pixel) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, pixel.rgb(x, y));
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
