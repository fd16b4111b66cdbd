package dev.rvm.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.rvm.training.engine.Constants;

import java.util.EnumMap;
import java.util.Map;

/**
 * Upstream's {@code laplacian_loss}: Laplacian pyramids of prediction and truth (5 levels, 5x5
 * Gaussian {@code [1,4,6,4,1]^2 / 256} with reflect padding; each level crops to even size,
 * downsamples by blur-and-take-every-second-sample, upsamples by zero insertion x4 and blur), and
 * {@code sum_l 2^l * L1(level l) / levels}. Levels whose image would be smaller than 4x4 (where
 * upstream's reflect padding fails: images under 64 pixels) are left out, the sum still divided by 5.
 */
public final class LaplacianLoss {
    public static final int LEVELS = 5;
    private static final float[] TAPS = {1, 4, 6, 4, 1};

    private final Constants constants;
    private final Map<DataType, NDArray> kernels = new EnumMap<>(DataType.class);

    public LaplacianLoss(Constants constants) {
        this.constants = constants;
    }

    /** {@code pred}, {@code truth}: {@code [N, C, H, W]}. */
    public NDArray apply(NDArray pred, NDArray truth) {
        NDArray kernel = kernel(pred.getDataType());
        NDArray p = pred;
        NDArray t = truth;
        NDArray loss = null;
        for (int level = 0; level < LEVELS; level++) {
            if (p.getShape().get(2) < 4 || p.getShape().get(3) < 4) {
                break;
            }
            p = cropToEven(p);
            t = cropToEven(t);
            NDArray pDown = downsample(p, kernel);
            NDArray tDown = downsample(t, kernel);
            NDArray pLap = p.sub(upsample(pDown, kernel));
            NDArray tLap = t.sub(upsample(tDown, kernel));
            NDArray term = pLap.sub(tLap).abs().mean().mul(constants.of((float) (1 << level)));
            loss = loss == null ? term : loss.add(term);
            p = pDown;
            t = tDown;
        }
        if (loss == null) {
            return pred.sum().mul(constants.of(0f));
        }
        return loss.div(constants.of(LEVELS));
    }

    private synchronized NDArray kernel(DataType type) {
        return kernels.computeIfAbsent(type, k -> {
            NDManager m = constants.manager();
            float[] v = new float[25];
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    v[i * 5 + j] = TAPS[i] * TAPS[j] / 256f;
                }
            }
            return m.create(v, new Shape(1, 1, 5, 5)).toType(type, false);
        });
    }

    static NDArray cropToEven(NDArray x) {
        Shape s = x.getShape();
        long h = s.get(2) - s.get(2) % 2;
        long w = s.get(3) - s.get(3) % 2;
        return h == s.get(2) && w == s.get(3) ? x : x.get(":, :, :{}, :{}", h, w);
    }

    private static NDArray gaussian(NDArray x, NDArray kernel) {
        Shape s = x.getShape();
        NDArray flat = x.reshape(s.get(0) * s.get(1), 1, s.get(2), s.get(3));
        NDArray blurred = Conv2d.conv2d(reflectPad2(flat), kernel, null, new Shape(1, 1), new Shape(0, 0),
                new Shape(1, 1), 1).singletonOrThrow();
        return blurred.reshape(s);
    }

    /** {@code F.pad(x, (2, 2, 2, 2), mode='reflect')}: mirror without repeating the edge sample. */
    static NDArray reflectPad2(NDArray x) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        NDArray rows = NDArrays.concat(new NDList(x.get(":, :, 2:3"), x.get(":, :, 1:2"), x,
                x.get(":, :, {}:{}", h - 2, h - 1), x.get(":, :, {}:{}", h - 3, h - 2)), 2);
        return NDArrays.concat(new NDList(rows.get(":, :, :, 2:3"), rows.get(":, :, :, 1:2"), rows,
                rows.get(":, :, :, {}:{}", w - 2, w - 1), rows.get(":, :, :, {}:{}", w - 3, w - 2)), 3);
    }

    private static NDArray downsample(NDArray x, NDArray kernel) {
        return gaussian(x, kernel).get(":, :, ::2, ::2");
    }

    private NDArray upsample(NDArray x, NDArray kernel) {
        Shape s = x.getShape();
        NDArray scaled = x.mul(constants.of(4f));
        NDArray zeros = scaled.zerosLike();
        // zero insertion by interleaving with zeros: [a, 0, b, 0, ...] along W, then along H
        NDArray wide = NDArrays.stack(new NDList(scaled, zeros), 4).reshape(s.get(0), s.get(1), s.get(2), s.get(3) * 2);
        NDArray wideZeros = wide.zerosLike();
        NDArray full = NDArrays.stack(new NDList(wide, wideZeros), 3).reshape(s.get(0), s.get(1), s.get(2) * 2, s.get(3) * 2);
        return gaussian(full, kernel);
    }
}
