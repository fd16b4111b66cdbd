package dev.rvm.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvaluationGradientTest {

    private static double g(double x) {
        double s = 1.4;
        return Math.exp(-x * x / (2 * s * s)) / (s * Math.sqrt(2 * Math.PI));
    }

    private static double dg(double x) {
        return -x * g(x) / (1.4 * 1.4);
    }

    @Test
    void kernelIsTheNormalisedGaussianDerivativeOfHalfSizeFour() {
        double[][] k = GradientError.kernelX(1.4);
        // half = ceil(1.4 * sqrt(-2 ln(sqrt(2 pi) * 1.4 * 0.01))) = ceil(3.62) = 4
        assertEquals(9, k.length);
        double squares = 0;
        for (double[] row : k) {
            for (double v : row) {
                squares += v * v;
            }
        }
        assertEquals(1, squares, 1e-12);
        // Same ratio as the unnormalised definition, and odd along x, even along y.
        assertEquals(g(1) * dg(2) / (g(0) * dg(1)), k[5][6] / k[4][5], 1e-12);
        assertEquals(-k[4][3], k[4][5], 1e-15);
        assertEquals(k[3][5], k[5][5], 1e-15);
    }

    @Test
    void stepEdgeAgainstFlatPredictionMatchesTheDefinition() {
        // 20x5 image, 0 left of column 10 and 1 from it; the prediction is flat (normalised to 0,
        // so no gradient).
        assertFlatPredictionScores(20, 5, x -> x >= 10);
    }

    @Test
    void bordersAreReplicated() {
        // Only column 0 is bright: replicated borders continue it to the left (an edge at 0|1 only);
        // mirrored or zero borders would put a second edge outside the image and score differently.
        assertFlatPredictionScores(12, 3, x -> x <= 0);
    }

    /**
     * Columns are constant and borders replicate, so gy = 0 and every row has
     * gx(x) = sum_i g(i-4) * sum_j g'(j-4) * t(clamp(x + j - 4)) / norm; the error is
     * height * sum_x gx(x)^2 / 1000.
     */
    private static void assertFlatPredictionScores(int width, int height, java.util.function.IntPredicate bright) {
        int[] truth = new int[width * height];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = bright.test(i % width) ? 255 : 0;
        }
        double norm = 0;
        double gaussSum = 0;
        for (int i = -4; i <= 4; i++) {
            gaussSum += g(i);
            for (int j = -4; j <= 4; j++) {
                norm += Math.pow(g(i) * dg(j), 2);
            }
        }
        norm = Math.sqrt(norm);
        double expected = 0;
        for (int x = 0; x < width; x++) {
            double gx = 0;
            for (int j = -4; j <= 4; j++) {
                int source = Math.min(width - 1, Math.max(0, x + j));
                gx += gaussSum * dg(j) * (bright.test(source) ? 1 : 0);
            }
            expected += height * Math.pow(gx / norm, 2);
        }
        expected /= 1000;

        try (GradientError grad = new GradientError()) {
            double actual = grad.compute(TestImages.alpha(width, height, new int[width * height]),
                    TestImages.alpha(width, height, truth));
            assertEquals(expected, actual, expected * 1e-5);
            assertTrue(expected > 1e-3, "the edge must give a real gradient, got " + expected);
        }
    }

    @Test
    void contrastAndOffsetAreNormalisedAway() {
        // Truth: step 0 -> 255. Prediction: the same edge at half contrast, lifted by 64. Without
        // the min-max normalisation the gradients would differ by half (error = 0.25 x the flat
        // prediction's error); with it both become the same 0 -> 1 step and the error is 0.
        FloatImage truth = step(20, 5, 0, 255);
        FloatImage halfContrast = step(20, 5, 64, 192);
        FloatImage flat = step(20, 5, 0, 0);
        try (GradientError grad = new GradientError()) {
            double flatError = grad.compute(flat, truth);
            assertTrue(flatError > 1e-3);
            assertEquals(0, grad.compute(halfContrast, truth), 1e-9);
            assertTrue(PixelErrors.mad(halfContrast, truth) > 100, "MAD does see the difference");
            // Normalisation uses each image's own range: one stray full-range pixel in the prediction
            // keeps its edge at half height, and the error comes back.
            FloatImage stray = step(20, 5, 0, 128);
            stray.values()[0] = 1f;
            assertTrue(grad.compute(stray, truth) > 0.2 * flatError);
        }
    }

    private static FloatImage step(int width, int height, int low, int high) {
        int[] values = new int[width * height];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % width >= width / 2 ? high : low;
        }
        return TestImages.alpha(width, height, values);
    }

    @Test
    void flatImagesHaveNoGradient() {
        try (GradientError grad = new GradientError()) {
            FloatImage flat = TestImages.alpha(3, 3, 7, 7, 7, 7, 7, 7, 7, 7, 7);
            FloatImage other = TestImages.alpha(3, 3, 200, 200, 200, 200, 200, 200, 200, 200, 200);
            assertEquals(0, grad.compute(flat, other), 0);
        }
    }
}
