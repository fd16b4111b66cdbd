package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.rvm.training.engine.Constants;

import java.util.ArrayList;
import java.util.List;

/**
 * RVM's recurrent decoder: a ConvGRU bottleneck at 1/16, three upsampling blocks (x2, concat with
 * the encoder feature and the image at that scale, conv, ConvGRU on half of the channels) and an
 * output block at full body resolution. Frames are flattened {@code [B*T, C, H, W]} except inside
 * the GRUs, which step through time.
 */
public final class RecurrentDecoder {
    private final ConvGru bottleneck;
    private final ConvUnit[] upConv = new ConvUnit[3];
    private final ConvGru[] upGru = new ConvGru[3];
    private final ConvUnit out1;
    private final ConvUnit out2;
    private final long[] decoderChannels;

    /** Output of a pass: the hidden features at full body resolution and the four new states r1..r4. */
    public record Result(NDArray hidden, NDArray[] states) {
    }

    /**
     * @param featureChannels f1, f2, f3 and the ASPP output
     * @param decoderChannels outputs of the three upsampling blocks and of the output block
     */
    public RecurrentDecoder(ParamSet params, long[] featureChannels, long[] decoderChannels, boolean folded) {
        this.decoderChannels = decoderChannels.clone();
        ParamGroup g = ParamGroup.DECODER;
        bottleneck = new ConvGru(params, "decoder.decode4.gru", featureChannels[3] / 2);
        long in = featureChannels[3];
        for (int i = 0; i < 3; i++) {
            long skip = featureChannels[2 - i];
            String name = "decoder.decode" + (3 - i);
            upConv[i] = new ConvUnit(Conv.of(in + skip + 3, decoderChannels[i], 3), folded, Activation.RELU, params, name + ".conv", g);
            upGru[i] = new ConvGru(params, name + ".gru", decoderChannels[i] / 2);
            in = decoderChannels[i];
        }
        out1 = new ConvUnit(Conv.of(in + 3, decoderChannels[3], 3), folded, Activation.RELU, params, "decoder.decode0.conv1", g);
        out2 = new ConvUnit(Conv.of(decoderChannels[3], decoderChannels[3], 3), folded, Activation.RELU, params,
                "decoder.decode0.conv2", g);
    }

    /**
     * @param src the body-resolution frames {@code [B*T,3,h,w]}
     * @param states r1..r4 (each null for zeros)
     */
    public Result forward(NDArray src, NDList features, int batch, NDArray[] states, boolean training, Constants c) {
        NDArray s2 = Resampling.halve(src);
        NDArray s4 = Resampling.halve(s2);
        NDArray s8 = Resampling.halve(s4);
        NDArray[] pyramid = {s8, s4, s2};
        NDArray[] newStates = new NDArray[4];

        NDArray x = features.get(3);
        NDList gru = halfThroughGru(x, bottleneck, batch, states[3], c);
        x = gru.get(0);
        newStates[3] = gru.get(1);
        for (int i = 0; i < 3; i++) {
            NDArray skip = features.get(2 - i);
            NDArray img = pyramid[i];
            NDArray up = Resampling.upsampleTo(x, img.getShape().get(2), img.getShape().get(3));
            x = upConv[i].forward(NDArrays.concat(new NDList(up, skip, img), 1), training, c);
            gru = halfThroughGru(x, upGru[i], batch, states[2 - i], c);
            x = gru.get(0);
            newStates[2 - i] = gru.get(1);
        }
        NDArray up = Resampling.upsampleTo(x, src.getShape().get(2), src.getShape().get(3));
        x = out1.forward(NDArrays.concat(new NDList(up, src), 1), training, c);
        x = out2.forward(x, training, c);
        return new Result(x, newStates);
    }

    /** Keeps the first half of the channels, passes the second through the GRU over time, concatenates. */
    private static NDList halfThroughGru(NDArray x, ConvGru gru, int batch, NDArray state, Constants c) {
        NDList halves = x.split(2, 1);
        NDArray b = halves.get(1);
        long frames = b.getShape().get(0) / batch;
        NDArray series = b.reshape(batch, frames, b.getShape().get(1), b.getShape().get(2), b.getShape().get(3));
        NDList out = gru.forward(series, state, c);
        NDArray flat = out.get(0).reshape(b.getShape());
        return new NDList(NDArrays.concat(new NDList(halves.get(0), flat), 1), out.get(1));
    }

    public long hiddenChannels() {
        return decoderChannels[3];
    }

    public List<WeightSite> weightSites() {
        List<WeightSite> sites = new ArrayList<>(bottleneck.weightSites());
        for (int i = 0; i < 3; i++) {
            sites.add(new WeightSite.ConvSite(upConv[i].conv()));
            sites.addAll(upGru[i].weightSites());
        }
        sites.add(new WeightSite.ConvSite(out1.conv()));
        sites.add(new WeightSite.ConvSite(out2.conv()));
        return sites;
    }
}
