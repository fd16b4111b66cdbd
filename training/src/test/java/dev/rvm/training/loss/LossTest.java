package dev.rvm.training.loss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.rvm.training.engine.Constants;
import dev.rvm.training.engine.TorchRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each term of upstream's train_loss.py on tensors small enough to check by hand. */
class LossTest {
    private NDManager manager;
    private Constants constants;

    @BeforeEach
    void open() {
        TorchRuntime.start(1);
        manager = TorchRuntime.newManager();
        constants = new Constants(manager);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private NDArray tensor(float[] v, long... shape) {
        return manager.create(v, new Shape(shape));
    }

    @Test
    void alphaL1AndCoherence() {
        // B=1, T=2, one 1x2 alpha per frame
        NDArray pred = tensor(new float[] {0.5f, 1.0f, 0.0f, 0.25f}, 1, 2, 1, 1, 2);
        NDArray truth = tensor(new float[] {1.0f, 1.0f, 0.0f, 0.0f}, 1, 2, 1, 1, 2);
        // |0.5-1| + 0 + 0 + 0.25 = 0.75 over 4 values
        assertEquals(0.1875, MattingLoss.l1(pred, truth).getFloat(), 1e-7);
        // frame differences: pred [-0.5, -0.75], truth [-1, -1]: errors 0.5, 0.25; MSE 0.15625; x5
        Map<String, NDArray> all = new MattingLoss(constants).apply(
                tensor(new float[12], 1, 2, 3, 1, 2), pred, tensor(new float[12], 1, 2, 3, 1, 2), truth);
        assertEquals(0.78125, all.get("pha_coherence").getFloat(), 1e-7);
    }

    @Test
    void foregroundTermsCountOnlyPixelsWhereTheTrueAlphaIsAboveZero() {
        // T=2, 1x2 pixels, 1 colour channel is enough to follow the arithmetic (3 channels in use)
        NDArray truePha = tensor(new float[] {1f, 0f, 0.5f, 0f}, 1, 2, 1, 1, 2);
        NDArray predPha = truePha.duplicate();
        NDArray trueFgr = tensor(new float[] {0.2f, 0.9f, 0.4f, 0.1f}, 1, 2, 1, 1, 2);
        NDArray predFgr = tensor(new float[] {0.6f, 0.0f, 0.4f, 0.7f}, 1, 2, 1, 1, 2);
        Map<String, NDArray> loss = new MattingLoss(constants).apply(predFgr, predPha, trueFgr, truePha);
        // masked: pred [0.6, 0, 0.4, 0], true [0.2, 0, 0.4, 0] -> |diff| sum 0.4 over 4
        assertEquals(0.1, loss.get("fgr_l1").getFloat(), 1e-7);
        // frame diffs: pred [-0.2, 0], true [0.2, 0] -> errors [-0.4, 0]: MSE 0.08, x5 = 0.4
        assertEquals(0.4, loss.get("fgr_coherence").getFloat(), 1e-6);
        assertEquals(0, loss.get("pha_l1").getFloat(), 0);
        assertEquals(0.1f + 0.4f, loss.get("total").getFloat(), 1e-6);
    }

    @Test
    void laplacianIgnoresAConstantOffsetAndMatchesUpstreamsPyramid() {
        Random r = new Random(7);
        float[] t = new float[64 * 64];
        float[] p = new float[64 * 64];
        for (int i = 0; i < t.length; i++) {
            t[i] = r.nextFloat();
            p[i] = t[i] + 0.25f;
        }
        LaplacianLoss lap = new LaplacianLoss(constants);
        // every level of the pyramid is a difference of a blur: a constant offset cancels
        assertEquals(0, lap.apply(tensor(p, 1, 1, 64, 64), tensor(t, 1, 1, 64, 64)).getFloat(), 1e-5);
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextFloat();
        }
        double expected = ReferenceLaplacian.loss(p, t, 64, 64);
        assertEquals(expected, lap.apply(tensor(p, 1, 1, 64, 64), tensor(t, 1, 1, 64, 64)).getFloat(), 1e-5);
    }

    @Test
    void laplacianOfAnImpulseMatchesUpstreamsPyramid() {
        float[] p = new float[64 * 64];
        p[8 * 64 + 8] = 1;
        float[] t = new float[64 * 64];
        assertEquals(ReferenceLaplacian.loss(p, t, 64, 64),
                new LaplacianLoss(constants).apply(tensor(p, 1, 1, 64, 64), tensor(t, 1, 1, 64, 64)).getFloat(), 1e-6);
    }

    @Test
    void segmentationBinaryCrossEntropyWithLogits() {
        NDArray logits = tensor(new float[] {0f, 2f, -3f}, 3);
        NDArray truth = tensor(new float[] {1f, 0f, 1f}, 3);
        // log 2 = 0.693147; 2 + log(1 + e^-2) = 2.126928; 3 + log(1 + e^-3) = 3.048587
        assertEquals((0.6931472 + 2.1269280 + 3.0485874) / 3, new SegmentationLoss(constants).apply(logits, truth).getFloat(), 1e-6);
    }

    @Test
    void gradientsOfATinyNetworkMatchFiniteDifferences() {
        // a 3x3 conv (3 -> 5 channels) whose outputs are the foreground, alpha and segmentation logit
        Random r = new Random(3);
        int frames = 2;
        int size = 64;
        double[] src = randoms(r, frames * 3 * size * size, 0, 1);
        double[] trueFgr = randoms(r, frames * 3 * size * size, 0, 1);
        double[] truePha = randoms(r, frames * size * size, -0.3, 1);
        for (int i = 0; i < truePha.length; i++) {
            truePha[i] = Math.max(0, truePha[i]);
        }
        double[] weights = randoms(r, 5 * 3 * 3 * 3, -0.3, 0.3);
        double analytic;
        double[] grad;
        try (NDManager step = manager.newSubManager()) {
            NDArray w = step.create(weights, new Shape(5, 3, 3, 3));
            w.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = tinyLoss(step, w, src, trueFgr, truePha, frames, size);
                analytic = loss.getDouble();
                gc.backward(loss);
            }
            grad = w.getGradient().toDoubleArray();
        }
        double h = 1e-6;
        int[] probe = {0, 7, 31, 64, 100, 134};
        for (int k : probe) {
            double[] plus = weights.clone();
            double[] minus = weights.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric;
            try (NDManager step = manager.newSubManager()) {
                numeric = (tinyLoss(step, step.create(plus, new Shape(5, 3, 3, 3)), src, trueFgr, truePha, frames, size).getDouble()
                        - tinyLoss(step, step.create(minus, new Shape(5, 3, 3, 3)), src, trueFgr, truePha, frames, size).getDouble())
                        / (2 * h);
            }
            assertEquals(numeric, grad[k], 1e-6 + 1e-4 * Math.abs(numeric), "d loss / d w[" + k + "], loss " + analytic);
        }
    }

    private NDArray tinyLoss(NDManager m, NDArray w, double[] src, double[] trueFgr, double[] truePha, int frames, int size) {
        NDArray x = m.create(src, new Shape(frames, 3, size, size));
        NDArray y = ai.djl.nn.convolutional.Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                .singletonOrThrow();
        NDArray fgr = ai.djl.nn.Activation.sigmoid(y.get(":, 0:3")).reshape(1, frames, 3, size, size);
        NDArray pha = ai.djl.nn.Activation.sigmoid(y.get(":, 3:4")).reshape(1, frames, 1, size, size);
        NDArray seg = y.get(":, 4:5");
        NDArray tf = m.create(trueFgr, new Shape(1, frames, 3, size, size));
        NDArray tp = m.create(truePha, new Shape(1, frames, 1, size, size));
        NDArray matting = new MattingLoss(constants).apply(fgr, pha, tf, tp).get("total");
        NDArray segmentation = new SegmentationLoss(constants).apply(seg,
                tp.reshape(frames, 1, size, size).gt(constants.of(0.5f)).toType(DataType.FLOAT64, false));
        return matting.add(segmentation);
    }

    private static double[] randoms(Random r, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }
}
