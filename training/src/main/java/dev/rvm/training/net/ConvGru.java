package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.rvm.training.engine.Constants;

import java.util.List;

/**
 * Convolutional GRU over time: {@code [r, z] = sigmoid(conv([x, h]))},
 * {@code c = tanh(conv([x, r * h]))}, {@code h' = (1 - z) * h + z * c}.
 */
public final class ConvGru {
    private final Conv gates;
    private final Conv candidate;
    private final long channels;

    public ConvGru(ParamSet params, String name, long channels) {
        this.channels = channels;
        gates = Conv.of(channels * 2, channels * 2, 3).build(params, name + ".ih", ParamGroup.DECODER);
        candidate = Conv.of(channels * 2, channels, 3).build(params, name + ".hh", ParamGroup.DECODER);
    }

    /**
     * Steps through {@code x [B,T,C,H,W]} from state {@code h [B,C,H,W]} (null: zeros); returns the
     * outputs {@code [B,T,C,H,W]} and the last state.
     */
    public NDList forward(NDArray x, NDArray h, Constants c) {
        long frames = x.getShape().get(1);
        if (h == null) {
            h = x.get(":, 0").zerosLike();
        }
        NDList outputs = new NDList((int) frames);
        for (int t = 0; t < frames; t++) {
            NDArray xt = x.get(":, {}", t);
            NDList rz = ai.djl.nn.Activation.sigmoid(gates.forward(NDArrays.concat(new NDList(xt, h), 1))).split(2, 1);
            NDArray r = rz.get(0);
            NDArray z = rz.get(1);
            NDArray cand = ai.djl.nn.Activation.tanh(candidate.forward(NDArrays.concat(new NDList(xt, r.mul(h)), 1)));
            // ones from the step's arrays, so the result belongs to the step (not to the network's manager)
            h = z.onesLike().sub(z).mul(h).add(z.mul(cand));
            outputs.add(h);
        }
        return new NDList(NDArrays.stack(outputs, 1), h);
    }

    public long channels() {
        return channels;
    }

    public List<WeightSite> weightSites() {
        return List.of(new WeightSite.ConvSite(gates), new WeightSite.ConvSite(candidate));
    }
}
