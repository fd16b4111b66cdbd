package dev.rvm.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvaluationConnectivityTest {
    private final ConnectivityError conn = new ConnectivityError();

    @Test
    void pixelOutsideTheLargestComponentDropsToLevelZero() {
        // 1x6: truth [.8 1 0 1 1 1], prediction [.45 1 0 1 1 1] (204, 115 out of 255).
        // At every threshold the largest component is pixels 3..5 (3 > 2), so pixels 0..2 get level 0
        // at 0.1. Pixel 0: phi_t = 1 - .8 = .2, phi_p = 1 - 115/255; the rest agree.
        // error = (1 - 115/255 - 0.2) / 1000 = (89/255) / 1000.
        FloatImage truth = TestImages.alpha(6, 1, 204, 255, 0, 255, 255, 255);
        FloatImage pred = TestImages.alpha(6, 1, 115, 255, 0, 255, 255, 255);
        assertEquals(89.0 / 255 / 1000, conn.compute(pred, truth), 1e-9);
    }

    @Test
    void samePixelsInsideTheLargestComponentKeepTheirLevel() {
        // Same values, but pixel 0 now belongs to the largest component (pixels 0..2 vs 4..5). It
        // leaves it at 0.5 (prediction .45 < .5): level 0.4. phi_t = 1 - (.8 - .4) = .6;
        // phi_p: .45 - .4 = .05 < .15 so 1. error = .4 / 1000 (not 89/255: the component decides).
        FloatImage truth = TestImages.alpha(6, 1, 204, 255, 255, 0, 255, 255);
        FloatImage pred = TestImages.alpha(6, 1, 115, 255, 255, 0, 255, 255);
        assertEquals(0.4 / 1000, conn.compute(pred, truth), 1e-9);
    }

    @Test
    void diagonalNeighboursAreNotConnected() {
        // 3x3; the top-left pixel touches the L-shaped component only diagonally. With
        // 4-connectivity it is its own component (size 1 < 3), level 0: error (89/255) / 1000.
        // With 8-connectivity it would join and score .4 / 1000 as above.
        FloatImage truth = TestImages.alpha(3, 3,
                204, 0, 0,
                0, 255, 255,
                0, 255, 0);
        FloatImage pred = TestImages.alpha(3, 3,
                115, 0, 0,
                0, 255, 255,
                0, 255, 0);
        assertEquals(89.0 / 255 / 1000, conn.compute(pred, truth), 1e-9);
    }

    @Test
    void componentsAreFollowedInEveryDirection() {
        // A hook (6 pixels) reached from its top-right pixel only by going down, left and up, next to
        // a column of 3. The hook is the largest component, so its .8/.45 pixel keeps level .4 and
        // scores .4 / 1000 (a labelling that missed a direction would split the hook into two 3s and
        // score 89/255 / 1000 instead).
        FloatImage truth = TestImages.alpha(5, 3,
                0, 0, 255, 0, 255,
                204, 0, 255, 0, 255,
                255, 255, 255, 0, 255);
        FloatImage pred = TestImages.alpha(5, 3,
                0, 0, 255, 0, 255,
                115, 0, 255, 0, 255,
                255, 255, 255, 0, 255);
        assertEquals(0.4 / 1000, conn.compute(pred, truth), 1e-9);
    }

    @Test
    void differencesBelowFifteenHundredthsAboveTheLevelCountAsFullyConnected() {
        // One pixel, truth .1 (26/255 = .102 >= .1), prediction 0: the intersection at .1 is empty,
        // so the level is 0. d_t = .102 < .15 -> phi_t = 1; d_p = 0 -> phi_p = 1: no error.
        assertEquals(0, conn.compute(TestImages.alpha(1, 1, 0), TestImages.alpha(1, 1, 26)), 0);
        // truth .2 (51/255): d_t = .2 >= .15 -> phi_t = .8, phi_p = 1: error .2 / 1000.
        assertEquals(0.2 / 1000, conn.compute(TestImages.alpha(1, 1, 0), TestImages.alpha(1, 1, 51)), 1e-9);
    }

    @Test
    void thresholdsAreInclusiveAtExactTenths() {
        // 153/255 rounds to 0.6f = 0.6000000238 in float32, above numpy's 0.6000000000000001, so the
        // pixel is still in at threshold .6 and leaves at .7 with level .6. (Compared in float32, as
        // old numpy did, the two are equal and only an inclusive >= keeps it; either way it stays.)
        // truth 1, prediction .6: level .6; phi_t = 1 - .4 = .6, phi_p = 1 - 0 = 1 -> .4 / 1000.
        assertEquals(0.4 / 1000, conn.compute(TestImages.alpha(1, 1, 153), TestImages.alpha(1, 1, 255)), 1e-7);
    }

    @Test
    void identicalAlphasHaveNoError() {
        FloatImage a = TestImages.alpha(4, 2, 0, 30, 90, 255, 255, 140, 10, 200);
        assertEquals(0, conn.compute(a, a), 0);
    }
}
