package dev.rvm.training.augment;

import dev.rvm.training.data.TinyDatasets;
import dev.rvm.matting.compositing.OpenCvLoader;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The augmentations are seedable: one seed, one result; and they do change the frames. */
class AugmentationTest {

    private static List<Mat> frames(int n, boolean alpha) {
        OpenCvLoader.ensureLoaded();
        List<Mat> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            Mat m = alpha ? TinyDatasets.alpha(48, 40, t) : TinyDatasets.foreground(48, 40, t, 1);
            Mat f = new Mat();
            m.convertTo(f, alpha ? CvType.CV_32FC1 : CvType.CV_32FC3, 1 / 255.0);
            m.release();
            out.add(f);
        }
        return out;
    }

    private static float[] flatten(List<Mat> frames) {
        int per = (int) (frames.get(0).total() * frames.get(0).channels());
        float[] v = new float[per * frames.size()];
        float[] one = new float[per];
        for (int t = 0; t < frames.size(); t++) {
            frames.get(t).get(0, 0, one);
            System.arraycopy(one, 0, v, t * per, per);
        }
        return v;
    }

    /** Every part switched on, so that every draw is exercised. */
    private static final MotionAugmentation.Settings ALL = new MotionAugmentation.Settings(1, 1, 1, 1, 1, 1, 1, 1, 1, true);

    private static float[][] run(long seed) {
        MotionAugmentation aug = new MotionAugmentation(ALL, 32, 24);
        MotionAugmentation.Result r = aug.apply(frames(4, false), frames(4, true), frames(4, false), new Random(seed));
        try {
            assertEquals(32, r.fgrs().get(0).cols());
            assertEquals(24, r.phas().get(3).rows());
            return new float[][] {flatten(r.fgrs()), flatten(r.phas()), flatten(r.bgrs())};
        } finally {
            r.release();
        }
    }

    @Test
    void motionAugmentationIsDeterministicPerSeed() {
        float[][] a = run(11);
        float[][] b = run(11);
        float[][] c = run(12);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        assertFalse(java.util.Arrays.equals(a[0], c[0]), "another seed, another sequence");
        for (float[] v : a) {
            for (float x : v) {
                assertTrue(x >= 0 && x <= 1, "values stay in [0, 1]: " + x);
            }
        }
    }

    @Test
    void theTrainingFrameSamplerChangesSpeedShiftsAndReverses() {
        FrameSampler s = FrameSampler.training();
        boolean reversed = false;
        boolean skipped = false;
        boolean repeated = false;
        for (long seed = 0; seed < 200; seed++) {
            int[] f = s.sample(5, new Random(seed));
            assertEquals(5, f.length);
            reversed |= f[0] > f[4];
            skipped |= Math.abs(f[1] - f[0]) >= 2;
            repeated |= f[1] == f[0];
        }
        assertTrue(reversed && skipped && repeated, "reversal, frame skipping and slow motion all occur");
        assertArrayEquals(new int[] {0, 1, 2}, FrameSampler.validation().sample(3, new Random(1)));
        assertArrayEquals(s.sample(6, new Random(9)), s.sample(6, new Random(9)));
    }

    @Test
    void easingCurvesRunFromZeroToOne() {
        assertEquals(27, Easing.count());
        for (long seed = 0; seed < 100; seed++) {
            java.util.function.DoubleUnaryOperator e = Easing.random(new Random(seed));
            assertEquals(0, e.applyAsDouble(0), 1e-9);
            assertEquals(1, e.applyAsDouble(1), 1e-9);
        }
    }

    @Test
    void affineOfTorchvisionTranslatesByWholePixels() {
        Mat img = frames(1, true).get(0);
        Mat moved = ImageOps.affine(img, new ImageOps.Affine(0, 3, 0, 1, 0, 0), true);
        assertEquals(img.get(20, 10)[0], moved.get(20, 13)[0], 0);
        Mat same = ImageOps.affine(img, new ImageOps.Affine(0, 0, 0, 1, 0, 0), false);
        Mat diff = new Mat();
        Core.absdiff(img, same, diff);
        assertEquals(0, Core.minMaxLoc(diff).maxVal, 1e-6);
    }
}
