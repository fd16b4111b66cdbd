package dev.rvm.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;

/**
 * Times the full evaluation (all metrics, PNG decoding included) of one 100-frame 512x288 clip with
 * alpha and foreground. Not a test: run it by hand (see docs/evaluation.md),
 * {@code java -cp evaluation/target/test-classes:evaluation/target/classes:$(cat tools/target/runtime.classpath)
 * dev.rvm.evaluation.EvaluationBenchmark [workers]}.
 */
public final class EvaluationBenchmark {
    private static final int WIDTH = 512;
    private static final int HEIGHT = 288;
    private static final int FRAMES = 100;

    public static void main(String[] args) throws IOException {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        Path dir = Files.createTempDirectory("rvm-eval-bench");
        writeClip(dir);
        EvaluationSettings settings = new EvaluationSettings(dir.resolve("pred"), dir.resolve("true"),
                EnumSet.allOf(Metric.class), workers);
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 4; run++) {
            long start = System.nanoTime();
            EvaluationResult result = Evaluator.evaluate(settings);
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.min(best, seconds);
            System.out.printf("run %d: %.2f s (%.1f ms/frame), pha_conn mean %.4f%n", run, seconds,
                    seconds * 1000 / FRAMES, result.clips().get(0).mean(Metric.PHA_CONN));
        }
        System.out.printf("%d frames %dx%d, all metrics, %d workers, %d cores: best %.2f s = %.1f frames/s%n",
                FRAMES, WIDTH, HEIGHT, workers, Runtime.getRuntime().availableProcessors(), best, FRAMES / best);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A soft ellipse walking across the frame; the prediction is shifted, noisy and has speckles. */
    private static void writeClip(Path dir) throws IOException {
        Random random = new Random(1);
        int[] truth = new int[WIDTH * HEIGHT];
        int[] pred = new int[WIDTH * HEIGHT];
        int[] color = new int[WIDTH * HEIGHT * 3];
        int[] predColor = new int[WIDTH * HEIGHT * 3];
        for (int f = 0; f < FRAMES; f++) {
            double cx = 150 + 2.5 * f;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int i = y * WIDTH + x;
                    double r = Math.hypot((x - cx) / 70, (y - 170) / 120.0);
                    truth[i] = (int) Math.max(0, Math.min(255, (1.1 - r) * 600));
                    double rp = Math.hypot((x - cx - 1.5) / 70, (y - 171) / 120.0);
                    int noisy = (int) ((1.1 - rp) * 500) + (random.nextInt(9) - 4);
                    pred[i] = random.nextInt(400) == 0 ? 255 : Math.max(0, Math.min(255, noisy));
                    for (int c = 0; c < 3; c++) {
                        color[3 * i + c] = (x + y * c + f) & 0xff;
                        predColor[3 * i + c] = Math.min(255, color[3 * i + c] + random.nextInt(6));
                    }
                }
            }
            String name = String.format("%04d.png", f);
            TestImages.writeGray(dir.resolve("true/bench/clip/pha").resolve(name), WIDTH, HEIGHT, truth);
            TestImages.writeGray(dir.resolve("pred/bench/clip/pha").resolve(name), WIDTH, HEIGHT, pred);
            TestImages.writeColor(dir.resolve("true/bench/clip/fgr").resolve(name), WIDTH, HEIGHT, color);
            TestImages.writeColor(dir.resolve("pred/bench/clip/fgr").resolve(name), WIDTH, HEIGHT, predColor);
        }
    }
}
