package dev.rvm.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator on real PNG clips in upstream's layout. */
class EvaluationRunTest {
    @TempDir
    Path dir;

    private static final int W = 16;
    private static final int H = 9;

    @Test
    void predictionAgainstItselfScoresZeroEverywhere() throws IOException {
        Random random = new Random(3);
        for (int f = 0; f < 5; f++) {
            int[] alpha = new int[W * H];
            int[] color = new int[W * H * 3];
            for (int i = 0; i < alpha.length; i++) {
                alpha[i] = random.nextInt(256);
            }
            for (int i = 0; i < color.length; i++) {
                color[i] = random.nextInt(256);
            }
            String name = String.format("%04d.png", f);
            TestImages.writeGray(dir.resolve("set/clip/pha").resolve(name), W, H, alpha);
            TestImages.writeColor(dir.resolve("set/clip/fgr").resolve(name), W, H, color);
        }
        EvaluationResult result = Evaluator.evaluate(new EvaluationSettings(dir, dir, EnumSet.allOf(Metric.class), 2));
        ClipScores clip = result.clips().get(0);
        for (Metric metric : Metric.values()) {
            assertArrayEquals(new double[5], clip.values(metric), 0, metric.columnName());
        }
    }

    @Test
    void swappingTwoFramesChangesDtssdAsExpected() throws IOException {
        // Flat frames 0, .2, .4 in the truth; the prediction swaps the last two: 0, .4, .2.
        // dtSSD: frame 0 -> 0; frame 1: (.4 - 0) - (.2 - 0) = .2 -> 20; frame 2: (.2 - .4) - (.4 - .2)
        // = -.4 -> 40. Everything else about the frames is right, so MAD is 0 on frame 0 only.
        int[] truth = {0, 51, 102};
        int[] pred = {0, 102, 51};
        for (int f = 0; f < 3; f++) {
            TestImages.writeFlat(dir.resolve("true/set/clip/pha/" + f + ".png"), W, H, truth[f]);
            TestImages.writeFlat(dir.resolve("pred/set/clip/pha/" + f + ".png"), W, H, pred[f]);
        }
        EvaluationResult result = Evaluator.evaluate(new EvaluationSettings(dir.resolve("pred"), dir.resolve("true"),
                EnumSet.of(Metric.PHA_DTSSD, Metric.PHA_MAD), 1));
        ClipScores clip = result.clips().get(0);
        assertArrayEquals(new double[] {0, 20, 40}, clip.values(Metric.PHA_DTSSD), 1e-4);
        assertEquals(20, clip.mean(Metric.PHA_DTSSD), 1e-4);
        assertArrayEquals(new double[] {0, 200, 200}, clip.values(Metric.PHA_MAD), 1e-3);
    }

    @Test
    void framesSplitAcrossWorkersScoreAsInOneRun() throws IOException {
        // Long enough for several work items: dtSSD at each item's first frame needs the frame
        // before it, which the worker must read itself.
        int frames = Evaluator.FRAMES_PER_TASK * 2 + 5;
        for (int f = 0; f < frames; f++) {
            TestImages.writeFlat(dir.resolve("true/set/a/pha/" + String.format("%03d.png", f)), W, H, (f * 7) % 256);
            TestImages.writeFlat(dir.resolve("pred/set/a/pha/" + String.format("%03d.png", f)), W, H, (f * 11) % 256);
        }
        EnumSet<Metric> metrics = EnumSet.of(Metric.PHA_DTSSD, Metric.PHA_MAD, Metric.PHA_CONN);
        ClipScores single = Evaluator.evaluate(new EvaluationSettings(dir.resolve("pred"), dir.resolve("true"), metrics, 1)).clips().get(0);
        ClipScores pooled = Evaluator.evaluate(new EvaluationSettings(dir.resolve("pred"), dir.resolve("true"), metrics, 3)).clips().get(0);
        for (Metric metric : metrics) {
            assertArrayEquals(single.values(metric), pooled.values(metric), 0, metric.columnName());
        }
        // the first frame of the second work item: flat frames, so |(p_t - p_t-1) - (t_t - t_t-1)| * 100
        int f = Evaluator.FRAMES_PER_TASK;
        double expected = Math.abs(((f * 11) % 256 - ((f - 1) * 11) % 256) - ((f * 7) % 256 - ((f - 1) * 7) % 256)) / 255.0 * 100;
        assertEquals(expected, pooled.values(Metric.PHA_DTSSD)[f], 1e-4);
    }

    @Test
    void datasetMeanIsTheMeanOfClipMeans() throws IOException {
        // clip a: 1 frame with MAD 1000 (0 vs 255); clip b: 3 frames with MAD 0. Clip means 1000 and
        // 0: dataset mean 500 (a frame-weighted mean would say 250).
        TestImages.writeFlat(dir.resolve("true/set/a/pha/0.png"), W, H, 255);
        TestImages.writeFlat(dir.resolve("pred/set/a/pha/0.png"), W, H, 0);
        for (int f = 0; f < 3; f++) {
            TestImages.writeFlat(dir.resolve("true/set/b/pha/" + f + ".png"), W, H, 9);
            TestImages.writeFlat(dir.resolve("pred/set/b/pha/" + f + ".png"), W, H, 9);
        }
        EvaluationResult result = Evaluator.evaluate(new EvaluationSettings(dir.resolve("pred"), dir.resolve("true"),
                EnumSet.of(Metric.PHA_MAD), 2));
        assertEquals(2, result.clips().size());
        assertEquals(500, result.datasetMean("set", Metric.PHA_MAD), 1e-9);
    }
}
