package dev.rvm.tools.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The panel's preset file drives ./rvm convert and ./rvm launch; options typed on the command line win. */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a stuck pipeline fails the test instead of the build
class PresetOptionTest {

    /** The wall behind the person in the cap12 frames (400x300). */
    private static final int WALL_X = 380;
    private static final int WALL_Y = 20;

    @TempDir
    Path dir;

    private Path preset(String backgroundColor) throws Exception {
        Path file = dir.resolve("look.json");
        Files.writeString(file, "{\"format\": \"rvm-matting-preset\", \"version\": 1, \"downsampleRatio\": 0.5, \"seqChunk\": 2,"
                + " \"background\": {\"kind\": \"color\", \"color\": \"" + backgroundColor + "\"}}");
        return file;
    }

    @Test
    void convertTakesTheBackgroundFromThePresetUnlessGiven() throws Exception {
        Path frames = ConvertCommandTest.fixtures().resolve("cap12/frames");
        Path fromPreset = dir.resolve("preset");
        CliRun run = CliRun.of("convert", "--input", frames.toString(), "--preset", preset("#0000FF").toString(),
                "--output-composition", fromPreset.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertNear(0xFF0000FF, ImageIO.read(fromPreset.resolve("000003.png").toFile()).getRGB(WALL_X, WALL_Y));

        Path typed = dir.resolve("typed");
        run = CliRun.of("convert", "--input", frames.toString(), "--preset", preset("#0000FF").toString(),
                "--background", "#FF0000", "--output-composition", typed.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertNear(0xFFFF0000, ImageIO.read(typed.resolve("000003.png").toFile()).getRGB(WALL_X, WALL_Y));
    }

    @Test
    void launchWritesThePresetIntoRvmmatte() throws Exception {
        Path out = dir.resolve("frame.rgba");
        CliRun run = CliRun.of("launch", "--preset", preset("#00FF00").toString(),
                "videotestsrc num-buffers=1 pattern=black ! video/x-raw,width=64,height=48 ! videoconvert ! rvmmatte"
                        + " ! videoconvert ! video/x-raw,format=RGBA ! filesink location=" + out);
        assertEquals(0, run.exitCode(), run.err());
        ByteBuffer rgba = ByteBuffer.wrap(Files.readAllBytes(out));
        int corner = 0xFF000000 | (rgba.get(0) & 0xFF) << 16 | (rgba.get(1) & 0xFF) << 8 | (rgba.get(2) & 0xFF);
        assertNear(0xFF00FF00, corner);
    }

    @Test
    void launchRefusesAPresetWithoutAnElementToTakeIt() throws Exception {
        CliRun run = CliRun.of("launch", "--preset", preset("#00FF00").toString(), "videotestsrc num-buffers=1 ! fakesink");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("needs an rvmmatte element"), run.err());
    }

    private static void assertNear(int expected, int argb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = expected >> shift & 0xFF;
            int a = argb >> shift & 0xFF;
            assertTrue(Math.abs(e - a) <= 40, String.format("expected about #%06X, got #%06X", expected & 0xFFFFFF, argb & 0xFFFFFF));
        }
    }
}
