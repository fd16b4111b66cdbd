package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.rvm.training.engine.Constants;

import java.util.List;

/**
 * Upstream's learnable refiner ({@code DeepGuidedFilterRefiner}): a learnable 3x3 depthwise box
 * filter (initialised to 1/9, zero padding), and A predicted by 1x1 convolutions with batch norm
 * from {@code [cov_xy, var_x, hidden]} instead of {@code cov / (var + eps)}.
 */
public final class DeepGuidedFilter implements Refiner {
    private final Param boxFilter;
    private final ConvUnit conv1;
    private final ConvUnit conv2;
    private final Conv conv3;

    public DeepGuidedFilter(ParamSet params, long hiddenChannels) {
        ParamGroup g = ParamGroup.REFINER;
        boxFilter = params.constant("refiner.box_filter.weight", g, new Shape(4, 1, 3, 3), 1f / 9f, false);
        conv1 = new ConvUnit(Conv.of(4 * 2 + hiddenChannels, hiddenChannels, 1), false, Activation.RELU, params, "refiner.conv.0", g);
        conv2 = new ConvUnit(Conv.of(hiddenChannels, hiddenChannels, 1), false, Activation.RELU, params, "refiner.conv.3", g);
        conv3 = Conv.of(hiddenChannels, 4, 1).build(params, "refiner.conv.6", g);
    }

    private NDArray box(NDArray x) {
        return Conv2d.conv2d(x, boxFilter.value(), null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 4).singletonOrThrow();
    }

    @Override
    public NDList forward(NDArray fineSrc, NDArray baseSrc, NDArray baseFgr, NDArray basePha, NDArray baseHid,
                          boolean training, Constants c) {
        NDArray fineX = FastGuidedFilter.withGrey(fineSrc);
        NDArray baseX = FastGuidedFilter.withGrey(baseSrc);
        NDArray baseY = NDArrays.concat(new NDList(baseFgr, basePha), 1);
        NDArray meanX = box(baseX);
        NDArray meanY = box(baseY);
        NDArray cov = box(baseX.mul(baseY)).sub(meanX.mul(meanY));
        NDArray var = box(baseX.mul(baseX)).sub(meanX.mul(meanX));
        NDArray a = conv3.forward(conv2.forward(conv1.forward(NDArrays.concat(new NDList(cov, var, baseHid), 1), training, c),
                training, c));
        NDArray b = meanY.sub(a.mul(meanX));
        long h = fineSrc.getShape().get(2);
        long w = fineSrc.getShape().get(3);
        NDArray out = Resampling.enlarge(a, h, w).mul(fineX).add(Resampling.enlarge(b, h, w));
        return out.split(new long[] {3}, 1);
    }

    @Override
    public List<WeightSite> weightSites() {
        return List.of();
    }
}
