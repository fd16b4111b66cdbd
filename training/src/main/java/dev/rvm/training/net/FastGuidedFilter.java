package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.rvm.training.engine.Constants;

import java.util.Arrays;
import java.util.List;

/**
 * The converted model's refiner: a fast guided filter (radius 1, eps 1e-5) per channel of
 * [RGB, grey], no learned weights. As in that graph (and unlike upstream's PyTorch code, which
 * pads) the 3x3 box filter is unpadded, so A and b are {@code (h-2) x (w-2)} and the bilinear
 * enlargement stretches them to {@code H x W}.
 */
public final class FastGuidedFilter implements Refiner {
    private static final float EPS = 1e-5f;
    private final NDArray columnTaps;
    private final NDArray rowTaps;

    public FastGuidedFilter(NDManager manager) {
        float[] taps = new float[12];
        Arrays.fill(taps, 1f / 3f);
        columnTaps = manager.create(taps, new Shape(4, 1, 3, 1));
        rowTaps = manager.create(taps, new Shape(4, 1, 1, 3));
    }

    private NDArray box(NDArray x) {
        NDArray vertical = Conv2d.conv2d(x, columnTaps, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 4).singletonOrThrow();
        return Conv2d.conv2d(vertical, rowTaps, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 4).singletonOrThrow();
    }

    @Override
    public NDList forward(NDArray fineSrc, NDArray baseSrc, NDArray baseFgr, NDArray basePha, NDArray baseHid,
                          boolean training, Constants c) {
        NDArray lrX = withGrey(baseSrc);
        NDArray lrY = NDArrays.concat(new NDList(baseFgr, basePha), 1);
        NDArray hrX = withGrey(fineSrc);
        NDArray meanX = box(lrX);
        NDArray meanY = box(lrY);
        NDArray cov = box(lrX.mul(lrY)).sub(meanX.mul(meanY));
        // eps - mean^2 written as -mean^2 + eps: the same float result, and it stays in the step's manager
        NDArray var = box(lrX.mul(lrX)).add(meanX.mul(meanX).neg().add(c.of(EPS)));
        NDArray a = cov.div(var);
        NDArray b = meanY.sub(a.mul(meanX));
        long h = fineSrc.getShape().get(2);
        long w = fineSrc.getShape().get(3);
        NDArray out = Resampling.enlarge(a, h, w).mul(hrX).add(Resampling.enlarge(b, h, w));
        return out.split(new long[] {3}, 1);
    }

    static NDArray withGrey(NDArray rgb) {
        return NDArrays.concat(new NDList(rgb, rgb.mean(new int[] {1}, true)), 1);
    }

    @Override
    public List<WeightSite> weightSites() {
        return List.of();
    }
}
