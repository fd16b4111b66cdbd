package dev.rvm.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rvm.evaluation.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/** {@code ./rvm composite} on PNG files, and its output fed to {@code ./rvm evaluate}. */
class CompositeCommandTest {
    @TempDir
    Path dir;

    /** Foreground 2x1 BGR (200,200,200) / (0,50,250); alpha frame 0: 0, 255; frame 1: 128, 64. */
    private void writeForeground() throws IOException {
        for (int f = 0; f < 2; f++) {
            TestImages.writeColor(dir.resolve("fgr/" + f + ".png"), 2, 1, 200, 200, 200, 0, 50, 250);
        }
        TestImages.writeGray(dir.resolve("pha/0.png"), 2, 1, 0, 255);
        TestImages.writeGray(dir.resolve("pha/1.png"), 2, 1, 128, 64);
    }

    private static byte[] pixels(Path png, int flags) {
        Mat mat = Imgcodecs.imread(png.toString(), flags);
        try {
            byte[] bytes = new byte[(int) (mat.total() * mat.channels())];
            mat.get(0, 0, bytes);
            return bytes;
        } finally {
            mat.release();
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void compositesOverAStillImage() throws IOException {
        writeForeground();
        TestImages.writeColor(dir.resolve("bg.png"), 2, 1, 100, 100, 100, 10, 20, 30);
        Path out = dir.resolve("out/ds/clip");
        CliRun run = CliRun.of("composite", "--fgr-dir", dir.resolve("fgr").toString(), "--pha-dir",
                dir.resolve("pha").toString(), "--background", dir.resolve("bg.png").toString(), "--output", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        // frame 0: alpha 0 -> background, alpha 1 -> foreground
        assertArrayEquals(bytes(100, 100, 100, 0, 50, 250), pixels(out.resolve("com/0.png"), Imgcodecs.IMREAD_COLOR));
        // frame 1: a = 128/255: 200a + 100(1-a) = 150.2 -> 150; a = 64/255: 0a + 10(1-a) = 7.49 -> 7,
        // 50a + 20(1-a) = 27.53 -> 28, 250a + 30(1-a) = 85.22 -> 85
        assertArrayEquals(bytes(150, 150, 150, 7, 28, 85), pixels(out.resolve("com/1.png"), Imgcodecs.IMREAD_COLOR));
        assertArrayEquals(bytes(128, 64), pixels(out.resolve("pha/1.png"), Imgcodecs.IMREAD_GRAYSCALE));
        assertTrue(Files.isRegularFile(out.resolve("fgr/1.png")));

        // The output is an evaluation clip: evaluating it against itself scores 0.
        Path root = dir.resolve("out");
        CliRun self = CliRun.of("evaluate", "--pred-dir", root.toString(), "--true-dir", root.toString(),
                "--csv", dir.resolve("self.csv").toString());
        assertEquals(0, self.exitCode(), self.err());
        assertEquals("ds,clip,2,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000",
                Files.readAllLines(dir.resolve("self.csv")).get(1));
    }

    @Test
    void directoryBackgroundIsUsedFrameByFrameAndResized() throws IOException {
        writeForeground();
        TestImages.writeColor(dir.resolve("bg/a.png"), 4, 2, new int[4 * 2 * 3]);
        int[] white = new int[4 * 2 * 3];
        java.util.Arrays.fill(white, 255);
        TestImages.writeColor(dir.resolve("bg/b.png"), 4, 2, white);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("composite", "--fgr-dir", dir.resolve("fgr").toString(), "--pha-dir",
                dir.resolve("pha").toString(), "--background", dir.resolve("bg").toString(), "--output", out.toString(),
                "--resize", "4x2");
        assertEquals(0, run.exitCode(), run.err());
        byte[] frame0 = pixels(out.resolve("com/0.png"), Imgcodecs.IMREAD_COLOR);
        byte[] frame1 = pixels(out.resolve("com/1.png"), Imgcodecs.IMREAD_COLOR);
        assertEquals(4 * 2 * 3, frame0.length, "resized to 4x2");
        assertEquals(4 * 2, pixels(out.resolve("pha/0.png"), Imgcodecs.IMREAD_GRAYSCALE).length);
        // top-left pixel has alpha 0 in frame 0 (black background a) ...
        assertEquals(0, frame0[0] & 0xff);
        // ... and alpha 128/255 in frame 1 over white background b: 200a + 255(1-a) = 227.4 -> 227
        assertEquals(227, frame1[0] & 0xff);
    }

    @Test
    void videoBackgroundIsRefusedWithAWayOut() throws IOException {
        writeForeground();
        Path video = Files.writeString(dir.resolve("bg.mp4"), "");
        CliRun run = CliRun.of("composite", "--fgr-dir", dir.resolve("fgr").toString(), "--pha-dir",
                dir.resolve("pha").toString(), "--background", video.toString(), "--output", dir.resolve("out").toString());
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("video backgrounds are not supported (" + video + ")"), run.err());
        assertTrue(run.err().contains("ffmpeg"), run.err());
        assertTrue(CliRun.of("composite", "--help").out().contains("Video files are not supported"));
    }

    @Test
    void missingAlphaFrameIsNamed() throws IOException {
        writeForeground();
        TestImages.writeColor(dir.resolve("bg.png"), 2, 1, 0, 0, 0, 0, 0, 0);
        Files.delete(dir.resolve("pha/1.png"));
        CliRun run = CliRun.of("composite", "--fgr-dir", dir.resolve("fgr").toString(), "--pha-dir",
                dir.resolve("pha").toString(), "--background", dir.resolve("bg.png").toString(), "--output", dir.resolve("out").toString());
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("missing alpha frame " + dir.resolve("pha/1.png")), run.err());
    }

    @Test
    void badResizeIsExplained() throws IOException {
        writeForeground();
        CliRun run = CliRun.of("composite", "--fgr-dir", dir.resolve("fgr").toString(), "--pha-dir",
                dir.resolve("pha").toString(), "--background", dir.resolve("bg.png").toString(), "--output", dir.resolve("out").toString(),
                "--resize", "512by288");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("--resize expects WIDTHxHEIGHT"), run.err());
    }
}
