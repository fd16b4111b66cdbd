package dev.rvm.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvaluationPixelErrorsTest {
    private static final double EPS = 1e-4;

    @Test
    void madAndMseAreMeanErrorsTimesAThousand() {
        FloatImage pred = FloatImage.alpha(2, 2, 0f, 0.5f, 1f, 1f);
        FloatImage truth = FloatImage.alpha(2, 2, 0f, 0f, 1f, 0.5f);
        // |d| = 0, .5, 0, .5 -> mean .25; d^2 = 0, .25, 0, .25 -> mean .125
        assertEquals(250, PixelErrors.mad(pred, truth), EPS);
        assertEquals(125, PixelErrors.mse(pred, truth), EPS);
        assertEquals(0, PixelErrors.mad(truth, truth));
        assertEquals(0, PixelErrors.mse(truth, truth));
    }

    @Test
    void dtssdMeasuresChangeBeyondTheTruthsOwnChange() {
        FloatImage zeros = FloatImage.alpha(2, 2, 0f, 0f, 0f, 0f);
        FloatImage moved = FloatImage.alpha(2, 2, 0.5f, 0f, 0f, 0f);
        // prediction jumps by .5 at one pixel, truth does not: sqrt(.25 / 4) * 100 = 25
        assertEquals(25, PixelErrors.dtssd(moved, zeros, zeros, zeros), EPS);
        // the same change in both is no flicker
        assertEquals(0, PixelErrors.dtssd(moved, zeros, moved, zeros), EPS);
        // opposite changes count double: d = .5 - (-.5) = 1 at one pixel -> sqrt(1/4) * 100 = 50
        assertEquals(50, PixelErrors.dtssd(moved, zeros, zeros, moved), EPS);
    }

    @Test
    void foregroundErrorsCountOnlyPixelsWithTrueAlpha() {
        FloatImage trueAlpha = FloatImage.alpha(2, 1, 0f, 0.2f);
        // pixel 0 differs wildly but has no true alpha; pixel 1 differs by .3 in one of 3 channels
        FloatImage pred = new FloatImage(2, 1, 3, new float[] {1f, 1f, 1f, 0.1f, 0.2f, 0.3f});
        FloatImage truth = new FloatImage(2, 1, 3, new float[] {0f, 0f, 0f, 0.1f, 0.2f, 0.6f});
        assertEquals(100, PixelErrors.maskedMad(pred, truth, trueAlpha), EPS); // .3 / 3 * 1e3
        assertEquals(30, PixelErrors.maskedMse(pred, truth, trueAlpha), EPS);  // .09 / 3 * 1e3
    }

    @Test
    void foregroundErrorIsUndefinedWithoutForeground() {
        FloatImage noAlpha = FloatImage.alpha(1, 1, 0f);
        FloatImage color = new FloatImage(1, 1, 3, new float[] {0f, 0f, 0f});
        assertTrue(Double.isNaN(PixelErrors.maskedMad(color, color, noAlpha)));
    }
}
