package dev.rvm.training.augment;

import java.util.Random;

/**
 * Which frames of a clip make a training sequence: upstream's {@code TrainFrameSampler} (temporal
 * augmentation: a random speed among 0.5, 1, 2, 3, 4, 5 - slow motion repeats frames, faster
 * skips them -, a random shift, reversal with probability 0.5) and {@code ValidFrameSampler}
 * (consecutive frames).
 */
public final class FrameSampler {
    private static final double[] TRAIN_SPEEDS = {0.5, 1, 2, 3, 4, 5};
    private final double[] speeds;

    private FrameSampler(double[] speeds) {
        this.speeds = speeds;
    }

    public static FrameSampler training() {
        return new FrameSampler(TRAIN_SPEEDS);
    }

    /** Upstream's video segmentation sampler: shift and reversal but no speed change. */
    public static FrameSampler trainingAtNormalSpeed() {
        return new FrameSampler(new double[] {1});
    }

    public static FrameSampler validation() {
        return new FrameSampler(null);
    }

    /** Frame offsets (from the clip position) for a sequence of {@code length}. */
    public int[] sample(int length, Random r) {
        int[] frames = new int[length];
        for (int i = 0; i < length; i++) {
            frames[i] = i;
        }
        if (speeds == null) {
            return frames;
        }
        double speed = speeds[r.nextInt(speeds.length)];
        int shift = r.nextInt(length);
        for (int i = 0; i < length; i++) {
            frames[i] = (int) (i * speed) + shift;
        }
        if (r.nextDouble() < 0.5) {
            for (int i = 0; i < length / 2; i++) {
                int t = frames[i];
                frames[i] = frames[length - 1 - i];
                frames[length - 1 - i] = t;
            }
        }
        return frames;
    }
}
