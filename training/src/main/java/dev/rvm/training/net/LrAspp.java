package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import dev.rvm.training.engine.Constants;

import java.util.List;

/** LR-ASPP: {@code relu(bn(conv(f4))) * sigmoid(conv(mean(f4)))}, the gate convolution without bias. */
public final class LrAspp {
    private final ConvUnit features;
    private final Conv gate;

    public LrAspp(ParamSet params, long in, long out, boolean folded) {
        features = new ConvUnit(Conv.of(in, out, 1), folded, Activation.RELU, params, "aspp.aspp1", ParamGroup.ASPP);
        gate = Conv.of(in, out, 1).noBias().build(params, "aspp.aspp2", ParamGroup.ASPP);
    }

    public NDArray forward(NDArray f4, boolean training, Constants c) {
        NDArray pooled = f4.mean(new int[] {3}, true).mean(new int[] {2}, true);
        return features.forward(f4, training, c).mul(ai.djl.nn.Activation.sigmoid(gate.forward(pooled)));
    }

    public List<WeightSite> weightSites() {
        return List.of(new WeightSite.ConvSite(features.conv()), new WeightSite.ConvSite(gate));
    }
}
