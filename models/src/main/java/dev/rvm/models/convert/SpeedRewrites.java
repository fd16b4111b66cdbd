package dev.rvm.models.convert;

import dev.rvm.models.tfjs.ConstTensor;
import dev.rvm.models.tfjs.TfjsNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.rvm.models.convert.OnnxGraphBuilder.attr;

/**
 * The ONNX forms the {@link Rewrite}s put in place of the graph's own: where each applies and what it
 * emits instead. The translator asks here before emitting a node the plain way.
 */
final class SpeedRewrites {

    /** How the translator hands over the ONNX value of a graph tensor for frame {@code step}. */
    @FunctionalInterface
    interface Values {
        String in(String ref, int step);
    }

    private final GraphFacts facts;
    private final OnnxGraphBuilder out;
    private final OnnxGraphBuilder.InitializerPool pool;
    private final Values values;

    SpeedRewrites(GraphFacts facts, OnnxGraphBuilder out, Values values) {
        this.facts = facts;
        this.out = out;
        this.pool = out.pool();
        this.values = values;
    }

/**
     * {@code relu(conv(concat[p0, p1, ...]) + bias)} as {@code relu(conv0(p0) + bias + conv1(p1) + ...)},
     * see {@link Rewrite#SPLIT_DECODER_CONVOLUTIONS}.
     */
    String splitConv(TfjsNode n, TfjsNode concat, ConstTensor kernel, long[] pads, boolean relu, int step) {
        int count = concat.inputs().size() - 1;
        if (RvmGraphTranslator.nchwAxis(facts.constant(concat.input(count)).ints()[0]) != 1) {
            throw new UnsupportedOperationException("ConcatV2 " + concat.name() + " feeding a conv is not on channels");
        }
        long[] strides = n.intListAttr("strides");
        String sum = null;
        long first = 0;
        for (int i = 0; i < count; i++) {
            long c = facts.channels(concat.input(i));
            List<String> inputs = new ArrayList<>(List.of(values.in(concat.input(i), step), kernel(kernel, first, c)));
            if (i == 0) {
                ConstTensor bias = facts.constant(n.input(2));
                inputs.add(pool.floats(bias.name(), bias.shape(), bias.floats()));
            }
            String y = out.op("Conv", n.name() + "/part" + i, inputs,
                    attr("kernel_shape", new long[] {kernel.shape()[0], kernel.shape()[1]}),
                    attr("strides", new long[] {strides[1], strides[2]}),
                    attr("dilations", new long[] {1, 1}),
                    attr("pads", pads),
                    attr("group", 1L));
            sum = sum == null ? y : out.op("Add", n.name() + "/sum" + i, List.of(sum, y));
            first += c;
        }
        if (first != kernel.shape()[2]) {
            throw new IllegalStateException("the parts of " + concat.name() + " have " + first + " channels, "
                    + n.name() + " reads " + kernel.shape()[2]);
        }
        return relu ? out.op("Relu", n.name() + "/relu", List.of(sum)) : sum;
    }


    /** Input channels [first, first + count) of an HWIO kernel, as OIHW. */
    String kernel(ConstTensor k, long first, long count) {
        int kh = (int) k.shape()[0], kw = (int) k.shape()[1], ci = (int) k.shape()[2], co = (int) k.shape()[3];
        int n = (int) count;
        float[] src = k.floats();
        float[] dst = new float[co * n * kh * kw];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < n; i++) {
                    for (int o = 0; o < co; o++) {
                        dst[((o * n + i) * kh + h) * kw + w] = src[((h * kw + w) * ci + (int) first + i) * co + o];
                    }
                }
            }
        }
        String key = n == ci ? k.name() + "#oihw" : k.name() + "#oihw[" + first + "+" + count + "]";
        return pool.floats(key, new long[] {co, n, kh, kw}, dst);
    }




    /**
     * The x of a hard-swish {@code Mul(Mul(1/6, x), Relu6(AddV2(x, 3)))} ending at {@code mul}, or null
     * when {@code mul} is not one.
     */
    String hardSwishInput(TfjsNode mul) {
        TfjsNode scaled = facts.producer(mul.input(0));
        TfjsNode relu6 = facts.producer(mul.input(1));
        if (!scaled.op().equals("Mul") || !relu6.op().equals("Relu6")) {
            return null;
        }
        String x = facts.isScalarConst(scaled.input(0), 1f / 6f) ? scaled.input(1)
                : facts.isScalarConst(scaled.input(1), 1f / 6f) ? scaled.input(0) : null;
        TfjsNode plus3 = facts.producer(relu6.input(0));
        if (x == null || !plus3.op().equals("AddV2") || !facts.isSpatial(x)) {
            return null;
        }
        boolean same = plus3.input(0).equals(x) && facts.isScalarConst(plus3.input(1), 3f)
                || plus3.input(1).equals(x) && facts.isScalarConst(plus3.input(0), 3f);
        return same ? x : null;
    }


    /** {@code x * hardsigmoid(conv1x1_depthwise(x, 1))}, see {@link Rewrite#HARD_SWISH_AS_GATED_CONVOLUTION}. */
    String gatedHardSwish(TfjsNode mul, int step) {
        String xRef = hardSwishInput(mul);
        String x = values.in(xRef, step);
        long c = facts.channels(xRef);
        float[] ones = new float[(int) c];
        Arrays.fill(ones, 1f);
        String identity = pool.floats("const_f32_ones_dw_" + c, new long[] {c, 1, 1, 1}, ones);
        String gate = out.op("Conv", mul.name() + "/gate", List.of(x, identity),
                attr("kernel_shape", new long[] {1, 1}), attr("group", c));
        gate = out.op("HardSigmoid", mul.name() + "/hardsigmoid", List.of(gate),
                attr("alpha", 1f / 6f), attr("beta", 0.5f));
        return out.op("Mul", mul.name(), List.of(x, gate));
    }
}
