package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import dev.rvm.training.engine.Constants;

/**
 * Convolution, normalisation, activation: upstream's {@code Conv2d + BatchNorm2d + act}. In the
 * converted model batch norm is folded into the convolution's weights and bias ({@code folded}); a
 * network trained from scratch keeps a real {@link BatchNorm} after a bias-free convolution.
 */
public final class ConvUnit {
    private final Conv conv;
    private final BatchNorm norm;
    private final Activation act;

    public ConvUnit(Conv.Builder conv, boolean folded, Activation act, ParamSet params, String name, ParamGroup group) {
        this.conv = folded ? conv.build(params, name, group) : conv.noBias().heInit().build(params, name, group);
        this.norm = folded ? null : new BatchNorm(params, name + ".bn", group, this.conv.weight().shape().get(0));
        this.act = act;
    }

    public NDArray forward(NDArray x, boolean training, Constants c) {
        NDArray y = conv.forward(x);
        if (norm != null) {
            y = norm.forward(y, training);
        }
        return act.apply(y, c);
    }

    public Conv conv() {
        return conv;
    }
}
