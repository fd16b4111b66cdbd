package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import dev.rvm.training.engine.Constants;

import java.util.ArrayList;
import java.util.List;

/**
 * ResNet-50 as RVM's {@code ResNet50Encoder}: torchvision's bottleneck ResNet with the last stage
 * dilated instead of strided (output stride 16), batch norm everywhere, initialised from scratch
 * (He init, no ImageNet weights). Features: f1 after the stem (64, 1/2), f2 after layer1 (256, 1/4),
 * f3 after layer2 (512, 1/8), f4 after layer4 (2048, 1/16).
 */
public final class ResNet50Encoder implements Encoder {
    private static final int[] BLOCKS = {3, 4, 6, 3};
    private static final int[] WIDTHS = {64, 128, 256, 512};

    private final Normalization normalization;
    private final ConvUnit stem;
    private final List<List<Bottleneck>> layers = new ArrayList<>();

    public ResNet50Encoder(ParamSet params, Normalization normalization) {
        this.normalization = normalization;
        ParamGroup g = ParamGroup.BACKBONE;
        stem = new ConvUnit(Conv.of(3, 64, 7).stride(2), false, Activation.RELU, params, "backbone.conv1", g);
        int in = 64;
        int dilation = 1;
        for (int l = 0; l < 4; l++) {
            int stride = l == 0 ? 1 : 2;
            int previousDilation = dilation;
            if (l == 3) {
                // replace_stride_with_dilation=[False, False, True]
                dilation *= stride;
                stride = 1;
            }
            List<Bottleneck> blocks = new ArrayList<>();
            for (int b = 0; b < BLOCKS[l]; b++) {
                String name = "backbone.layer" + (l + 1) + "." + b;
                blocks.add(new Bottleneck(params, name, in, WIDTHS[l], b == 0 ? stride : 1,
                        b == 0 ? previousDilation : dilation, b == 0 && (stride != 1 || in != WIDTHS[l] * 4)));
                in = WIDTHS[l] * 4;
            }
            layers.add(blocks);
        }
    }

    @Override
    public NDList forward(NDArray x, boolean training, Constants c) {
        NDArray f1 = stem.forward(normalization.apply(x), training, c);
        NDArray y = Pool.maxPool2d(f1, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
        NDList features = new NDList(f1);
        for (int l = 0; l < 4; l++) {
            for (Bottleneck b : layers.get(l)) {
                y = b.forward(y, training, c);
            }
            if (l != 2) {
                features.add(y);
            }
        }
        return features;
    }

    @Override
    public long[] channels() {
        return new long[] {64, 256, 512, 2048};
    }

    @Override
    public List<WeightSite> weightSites() {
        return List.of();
    }

    private static final class Bottleneck {
        private final ConvUnit reduce;
        private final ConvUnit spatial;
        private final ConvUnit expand;
        private final ConvUnit downsample;

        Bottleneck(ParamSet params, String name, int in, int width, int stride, int dilation, boolean needsDownsample) {
            ParamGroup g = ParamGroup.BACKBONE;
            reduce = new ConvUnit(Conv.of(in, width, 1), false, Activation.RELU, params, name + ".conv1", g);
            spatial = new ConvUnit(Conv.of(width, width, 3).stride(stride).dilation(dilation), false, Activation.RELU,
                    params, name + ".conv2", g);
            expand = new ConvUnit(Conv.of(width, width * 4L, 1), false, Activation.NONE, params, name + ".conv3", g);
            downsample = needsDownsample
                    ? new ConvUnit(Conv.of(in, width * 4L, 1).stride(stride), false, Activation.NONE, params, name + ".downsample", g)
                    : null;
        }

        NDArray forward(NDArray x, boolean training, Constants c) {
            NDArray y = expand.forward(spatial.forward(reduce.forward(x, training, c), training, c), training, c);
            NDArray identity = downsample == null ? x : downsample.forward(x, training, c);
            return ai.djl.nn.Activation.relu(y.add(identity));
        }
    }
}
