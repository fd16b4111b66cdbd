package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The encoder's input normalisation {@code (x - mean) * invStd}. The converted model carries its own
 * (quantised) constants, which must be used to agree with it; ImageNet's otherwise.
 */
public final class Normalization {
    private final NDArray mean;
    private final NDArray invStd;

    public Normalization(NDManager manager, float[] mean, float[] invStd) {
        this.mean = manager.create(mean, new Shape(3, 1, 1));
        this.invStd = manager.create(invStd, new Shape(3, 1, 1));
    }

    public static Normalization imageNet(NDManager manager) {
        return new Normalization(manager, new float[] {0.485f, 0.456f, 0.406f},
                new float[] {1 / 0.229f, 1 / 0.224f, 1 / 0.225f});
    }

    public NDArray apply(NDArray x) {
        return x.sub(mean).mul(invStd);
    }

    public float[] mean() {
        return mean.toFloatArray();
    }

    public float[] invStd() {
        return invStd.toFloatArray();
    }

    /** Replaces the constants (read from a converted model). */
    public void set(float[] newMean, float[] newInvStd) {
        mean.set(newMean);
        invStd.set(newInvStd);
    }
}
