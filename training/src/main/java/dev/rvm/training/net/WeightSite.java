package dev.rvm.training.net;

/**
 * A place in the converted ONNX graph where learned values live, in graph order: a convolution
 * (kernel, and bias when it has one) or the unfolded batch-norm scale and offset that follow the
 * three dilated depthwise convolutions.
 */
public sealed interface WeightSite {
    record ConvSite(Conv conv) implements WeightSite {
    }

    record AffineSite(Param scale, Param offset) implements WeightSite {
    }
}
