package dev.rvm.models.convert;

/**
 * Rewrites of the low-resolution network that keep its arithmetic (up to float rounding) and let ONNX
 * Runtime's CPU kernels run it faster. Each one was kept because it measured faster in ONNX Runtime
 * profiles of the coefficient model (see plugin/BENCHMARKS.md); the whole model keeps the graph's
 * own form, as an upstream export has it.
 */
enum Rewrite {

    /**
     * The four decoder convolutions read a concatenation whose channel count (171, 107, 59, 35) is not
     * a multiple of the CPU's blocked-layout width, so ONNX Runtime ran them as plain im2col
     * convolutions (a third of the model's time at 320x180). Each convolution over a concatenation
     * (the ConvGRUs' too) is written as the sum of one convolution per part (upsampled features,
     * encoder skip, image pyramid level; input and state): every part's channel count has a blocked
     * kernel (the 3-channel image one reads its plain layout directly), the concatenation and its
     * layout reorders disappear, and ONNX Runtime folds the sums into the convolutions.
     */
    SPLIT_DECODER_CONVOLUTIONS,

    /**
     * The encoder's 20 hard-swishes, {@code (x * 1/6) * relu6(x + 3)}, are elementwise ops with scalar
     * operands that ONNX Runtime's blocked layout does not take, so every one sends its tensor back to
     * the plain layout and the next convolution reorders it again. Written as
     * {@code x * hardsigmoid(depthwise_1x1(x, weights 1))}, the gate is a convolution with a fused
     * activation and the product a same-shape Mul, both of which stay in the blocked layout.
     */
    HARD_SWISH_AS_GATED_CONVOLUTION;
}
