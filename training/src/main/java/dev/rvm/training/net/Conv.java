package dev.rvm.training.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A 2-D convolution (NCHW, symmetric zero padding), optionally with a bias. Its geometry is kept so
 * that weights read from an ONNX file can be checked against the node they come from.
 */
public final class Conv {
    private final Param weight;
    private final Param bias;
    private final int kernelH;
    private final int kernelW;
    private final int stride;
    private final int padH;
    private final int padW;
    private final int dilation;
    private final int groups;

    private Conv(Param weight, Param bias, int kernelH, int kernelW, int stride, int padH, int padW, int dilation, int groups) {
        this.weight = weight;
        this.bias = bias;
        this.kernelH = kernelH;
        this.kernelW = kernelW;
        this.stride = stride;
        this.padH = padH;
        this.padW = padW;
        this.dilation = dilation;
        this.groups = groups;
    }

    /** Square kernel with PyTorch-style padding {@code dilation * (k - 1) / 2}. */
    public static Builder of(long in, long out, int kernel) {
        return new Builder(in, out, kernel, kernel);
    }

    public static final class Builder {
        private final long in;
        private final long out;
        private final int kh;
        private final int kw;
        private int stride = 1;
        private int dilation = 1;
        private int groups = 1;
        private boolean bias = true;
        private boolean he;

        private Builder(long in, long out, int kh, int kw) {
            this.in = in;
            this.out = out;
            this.kh = kh;
            this.kw = kw;
        }

        public Builder stride(int s) {
            stride = s;
            return this;
        }

        public Builder dilation(int d) {
            dilation = d;
            return this;
        }

        /** Depthwise: one group per channel. */
        public Builder depthwise() {
            groups = (int) in;
            return this;
        }

        public Builder noBias() {
            bias = false;
            return this;
        }

        /** He-normal kernel (layers trained from scratch under batch norm), else PyTorch's default. */
        public Builder heInit() {
            he = true;
            return this;
        }

        public Conv build(ParamSet params, String name, ParamGroup group) {
            Shape shape = new Shape(out, in / groups, kh, kw);
            Param w = he ? params.heKernel(name + ".weight", group, shape) : params.kernel(name + ".weight", group, shape);
            Param b = bias ? params.bias(name + ".bias", group, out, shape.size() / out) : null;
            return new Conv(w, b, kh, kw, stride, dilation * (kh - 1) / 2, dilation * (kw - 1) / 2, dilation, groups);
        }
    }

    public NDArray forward(NDArray x) {
        return Conv2d.conv2d(x, weight.value(), bias == null ? null : bias.value(),
                new Shape(stride, stride), new Shape(padH, padW), new Shape(dilation, dilation), groups).singletonOrThrow();
    }

    public Param weight() {
        return weight;
    }

    /** Null when the convolution has no bias. */
    public Param bias() {
        return bias;
    }

    /** ONNX Conv attributes this layer must match: kernel h, w, stride, pad h, pad w, dilation, group. */
    public long[] geometry() {
        return new long[] {kernelH, kernelW, stride, padH, padW, dilation, groups};
    }
}
