package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.rvm.training.engine.Constants;

import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV3-Large with the last stage dilated (output stride 16), as RVM uses it; batch norm is
 * folded into the convolutions as in the converted model, except after the three dilated depthwise
 * convolutions, where the graph keeps a separate scale and offset.
 */
public final class MobileNetV3Encoder implements Encoder {

    /** One inverted-residual block: expand (0 = none), kernel, stride, dilation, SE width (0 = none), out, hard-swish. */
    private record Spec(int expand, int kernel, int stride, int dilation, int se, int out, boolean hardSwish) {
    }

    private static final Spec[] BLOCKS = {
            new Spec(0, 3, 1, 1, 0, 16, false),
            new Spec(64, 3, 2, 1, 0, 24, false),
            new Spec(72, 3, 1, 1, 0, 24, false),
            new Spec(72, 5, 2, 1, 24, 40, false),
            new Spec(120, 5, 1, 1, 32, 40, false),
            new Spec(120, 5, 1, 1, 32, 40, false),
            new Spec(240, 3, 2, 1, 0, 80, true),
            new Spec(200, 3, 1, 1, 0, 80, true),
            new Spec(184, 3, 1, 1, 0, 80, true),
            new Spec(184, 3, 1, 1, 0, 80, true),
            new Spec(480, 3, 1, 1, 120, 112, true),
            new Spec(672, 3, 1, 1, 168, 112, true),
            new Spec(672, 5, 1, 2, 168, 160, true),
            new Spec(960, 5, 1, 2, 240, 160, true),
            new Spec(960, 5, 1, 2, 240, 160, true),
    };
    /** Blocks after which f1, f2, f3 are taken. */
    private static final int F1 = 0;
    private static final int F2 = 2;
    private static final int F3 = 5;

    private final Normalization normalization;
    private final ConvUnit stem;
    private final List<Block> blocks = new ArrayList<>();
    private final ConvUnit last;

    public MobileNetV3Encoder(ParamSet params, Normalization normalization) {
        this.normalization = normalization;
        ParamGroup g = ParamGroup.BACKBONE;
        stem = new ConvUnit(Conv.of(3, 16, 3).stride(2), true, Activation.HARDSWISH, params, "backbone.stem", g);
        int in = 16;
        for (int i = 0; i < BLOCKS.length; i++) {
            blocks.add(new Block(params, "backbone.block" + i, in, BLOCKS[i]));
            in = BLOCKS[i].out();
        }
        last = new ConvUnit(Conv.of(160, 960, 1), true, Activation.HARDSWISH, params, "backbone.last", g);
    }

    @Override
    public NDList forward(NDArray x, boolean training, Constants c) {
        NDArray y = stem.forward(normalization.apply(x), training, c);
        NDList features = new NDList(4);
        for (int i = 0; i < blocks.size(); i++) {
            y = blocks.get(i).forward(y, training, c);
            if (i == F1 || i == F2 || i == F3) {
                features.add(y);
            }
        }
        features.add(last.forward(y, training, c));
        return features;
    }

    @Override
    public long[] channels() {
        return new long[] {16, 24, 40, 960};
    }

    @Override
    public List<WeightSite> weightSites() {
        List<WeightSite> sites = new ArrayList<>();
        sites.add(new WeightSite.ConvSite(stem.conv()));
        for (Block b : blocks) {
            b.sites(sites);
        }
        sites.add(new WeightSite.ConvSite(last.conv()));
        return sites;
    }

    private static final class Block {
        private final Spec spec;
        private final boolean residual;
        private final ConvUnit expand;
        private final Conv depthwise;
        private final Param bnScale;
        private final Param bnOffset;
        private final Conv seReduce;
        private final Conv seExpand;
        private final ConvUnit project;
        private final Activation act;

        Block(ParamSet params, String name, int in, Spec s) {
            ParamGroup g = ParamGroup.BACKBONE;
            spec = s;
            act = s.hardSwish() ? Activation.HARDSWISH : Activation.RELU;
            residual = s.stride() == 1 && in == s.out();
            int mid = s.expand() == 0 ? in : s.expand();
            expand = s.expand() == 0 ? null : new ConvUnit(Conv.of(in, mid, 1), true, act, params, name + ".expand", g);
            Conv.Builder dw = Conv.of(mid, mid, s.kernel()).stride(s.stride()).dilation(s.dilation()).depthwise();
            if (s.dilation() > 1) {
                // the converted graph keeps this batch norm apart: a bias-free kernel, then scale and offset
                depthwise = dw.noBias().build(params, name + ".depthwise", g);
                bnScale = params.constant(name + ".depthwise.bn_scale", g, new Shape(mid, 1, 1), 1f, false);
                bnOffset = params.constant(name + ".depthwise.bn_offset", g, new Shape(mid, 1, 1), 0f, false);
            } else {
                depthwise = dw.build(params, name + ".depthwise", g);
                bnScale = null;
                bnOffset = null;
            }
            seReduce = s.se() == 0 ? null : Conv.of(mid, s.se(), 1).build(params, name + ".se.reduce", g);
            seExpand = s.se() == 0 ? null : Conv.of(s.se(), mid, 1).build(params, name + ".se.expand", g);
            project = new ConvUnit(Conv.of(mid, s.out(), 1), true, Activation.NONE, params, name + ".project", g);
        }

        NDArray forward(NDArray x, boolean training, Constants c) {
            NDArray y = expand == null ? x : expand.forward(x, training, c);
            y = depthwise.forward(y);
            if (bnScale != null) {
                y = y.mul(bnScale.value()).add(bnOffset.value());
            }
            y = act.apply(y, c);
            if (seReduce != null) {
                NDArray pooled = y.mean(new int[] {3}, true).mean(new int[] {2}, true);
                NDArray gate = Activation.hardSigmoid(seExpand.forward(ai.djl.nn.Activation.relu(seReduce.forward(pooled))), c);
                y = y.mul(gate);
            }
            y = project.forward(y, training, c);
            return residual ? y.add(x) : y;
        }

        void sites(List<WeightSite> out) {
            if (expand != null) {
                out.add(new WeightSite.ConvSite(expand.conv()));
            }
            out.add(new WeightSite.ConvSite(depthwise));
            if (bnScale != null) {
                out.add(new WeightSite.AffineSite(bnScale, bnOffset));
            }
            if (seReduce != null) {
                out.add(new WeightSite.ConvSite(seReduce));
                out.add(new WeightSite.ConvSite(seExpand));
            }
            out.add(new WeightSite.ConvSite(project.conv()));
        }
    }
}
