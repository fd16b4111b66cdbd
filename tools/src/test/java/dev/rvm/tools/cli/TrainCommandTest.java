package dev.rvm.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rvm.evaluation.TestImages;
import dev.rvm.models.OnnxModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./rvm train}: the options reach the trainer, the outputs appear, bad input gets one line. */
class TrainCommandTest {
    @TempDir
    Path dir;

    /** A 64x64 clip of 3 frames: a bright disc (alpha) moving over a dark frame; one background. */
    private void writeData() throws IOException {
        int w = 64;
        for (int t = 0; t < 3; t++) {
            int[] alpha = new int[w * w];
            int[] fgr = new int[w * w * 3];
            for (int y = 0; y < w; y++) {
                for (int x = 0; x < w; x++) {
                    double d = Math.hypot(x - 30 - t, y - 34);
                    alpha[y * w + x] = (int) Math.max(0, Math.min(255, (18 - d) * 60));
                    fgr[(y * w + x) * 3] = 40 + x;
                    fgr[(y * w + x) * 3 + 1] = 120;
                    fgr[(y * w + x) * 3 + 2] = 200 - y;
                }
            }
            String name = String.format("%04d.png", t);
            TestImages.writeGray(dir.resolve("data/pha/clip/" + name), w, w, alpha);
            TestImages.writeColor(dir.resolve("data/fgr/clip/" + name), w, w, fgr);
        }
        int[] bg = new int[80 * 80 * 3];
        for (int i = 0; i < bg.length; i++) {
            bg[i] = (i * 7) % 256;
        }
        TestImages.writeColor(dir.resolve("bg/wall.png"), 80, 80, bg);
    }

    @Test
    void trainsTwoTinyStepsAndWritesAModelTheElementCanLoad() throws IOException {
        writeData();
        Path model = dir.resolve("tuned.onnx");
        CliRun run = CliRun.of("train", "--data", dir.resolve("data").toString(), "--backgrounds", dir.resolve("bg").toString(),
                "--resolution", "64x64", "--seq-length", "2", "--steps", "2", "--threads", "1", "--lr-decoder", "1e-4",
                "--output", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("rvm train: 2 steps,"), run.err());
        assertTrue(run.err().contains("s/step"), run.err());
        OnnxModelInfo info = OnnxModelInfo.readRvm(model);
        assertTrue(info.metadata().get("training").contains("stage 1, 2 steps"), info.metadata().toString());
        Path work = dir.resolve("tuned.onnx.training");
        assertEquals(3, Files.readAllLines(work.resolve("losses.csv")).size(), "header and two steps");
        assertTrue(Files.isRegularFile(work.resolve("report.html")));
        assertTrue(Files.isRegularFile(work.resolve("checkpoints/step-00000002.ckpt")));
    }

    @Test
    void badInputIsOneLineAndExitCodeOne() throws IOException {
        writeData();
        CliRun stage = CliRun.of("train", "--data", dir.resolve("data").toString(), "--backgrounds", dir.resolve("bg").toString(),
                "--stage", "5");
        assertEquals(1, stage.exitCode());
        assertEquals("rvm train: --stage must be 1, 2, 3 or 4; got 5", stage.err().strip());
        CliRun layout = CliRun.of("train", "--data", dir.resolve("bg").toString(), "--backgrounds", dir.resolve("bg").toString(),
                "--steps", "1", "--resolution", "64x64", "--seq-length", "2");
        assertEquals(1, layout.exitCode());
        assertTrue(layout.err().contains("has no fgr/ and pha/ directories"), layout.err());
        CliRun memory = CliRun.of("train", "--data", dir.resolve("data").toString(), "--backgrounds", dir.resolve("bg").toString(),
                "--steps", "1", "--batch", "4", "--memory-limit", "2G");
        assertEquals(1, memory.exitCode());
        assertTrue(memory.err().contains("needs about") && memory.err().contains("2.0 GiB is the --memory-limit"), memory.err());
        assertFalse(memory.err().contains("\tat "), "no stack trace: " + memory.err());
    }
}
