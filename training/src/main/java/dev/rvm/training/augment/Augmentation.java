package dev.rvm.training.augment;

import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Helpers shared by the augmentations: frame lists that own their images, interpolation. */
public final class Augmentation {
    private Augmentation() {
    }

    public static double lerp(double a, double b, double t) {
        return a * (1 - t) + b * t;
    }

    /** {@code t / (T - 1)}, 0 for a single frame (upstream divides by zero there). */
    static double progress(int t, int frames) {
        return frames < 2 ? 0 : (double) t / (frames - 1);
    }

    /** Replaces every frame by {@code op(frame)}, releasing the old images (shared ones once). */
    static void map(List<Mat> frames, UnaryOperator<Mat> op) {
        Map<Mat, Mat> done = new IdentityHashMap<>();
        List<Mat> old = new ArrayList<>(frames);
        for (int i = 0; i < frames.size(); i++) {
            frames.set(i, op.apply(old.get(i)));
        }
        releaseAll(old, frames, done);
    }

    /** Replaces frame i by {@code op(i, frame)}. */
    static void mapIndexed(List<Mat> frames, IndexedOp op) {
        List<Mat> old = new ArrayList<>(frames);
        for (int i = 0; i < frames.size(); i++) {
            frames.set(i, op.apply(i, old.get(i)));
        }
        releaseAll(old, frames, new IdentityHashMap<>());
    }

    @FunctionalInterface
    interface IndexedOp {
        Mat apply(int index, Mat frame);
    }

    private static void releaseAll(List<Mat> old, List<Mat> now, Map<Mat, Mat> seen) {
        Map<Mat, Boolean> keep = new IdentityHashMap<>();
        now.forEach(m -> keep.put(m, true));
        for (Mat m : old) {
            if (!keep.containsKey(m) && seen.put(m, m) == null) {
                m.release();
            }
        }
    }

    /** Releases every distinct image of the lists. */
    public static void release(List<Mat> frames) {
        Map<Mat, Boolean> seen = new IdentityHashMap<>();
        for (Mat m : frames) {
            if (seen.put(m, true) == null) {
                m.release();
            }
        }
    }
}
