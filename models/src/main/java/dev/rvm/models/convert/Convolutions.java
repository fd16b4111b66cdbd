package dev.rvm.models.convert;

import dev.rvm.models.tfjs.ConstTensor;
import dev.rvm.models.tfjs.TfjsNode;

import java.util.ArrayList;
import java.util.List;

import static dev.rvm.models.convert.OnnxGraphBuilder.attr;

/**
 * TensorFlow.js convolutions (plain, fused with bias and ReLU, depthwise, dilated through
 * SpaceToBatch) as ONNX {@code Conv}: NHWC kernels reordered to OIHW, explicit Pad nodes and SAME
 * padding folded into the Conv's pads.
 */
final class Convolutions {
    private final GraphFacts facts;
    private final GraphCut cut;
    private final SpeedRewrites rewrites;
    private final OnnxGraphBuilder out;
    private final OnnxGraphBuilder.InitializerPool pool;
    private final SpeedRewrites.Values values;

    Convolutions(GraphFacts facts, GraphCut cut, SpeedRewrites rewrites, OnnxGraphBuilder out, SpeedRewrites.Values values) {
        this.facts = facts;
        this.cut = cut;
        this.rewrites = rewrites;
        this.out = out;
        this.pool = out.pool();
        this.values = values;
    }

    String conv(TfjsNode n, int step, boolean depthwise) {
        String op = n.op();
        List<String> fused = n.stringListAttr("fused_ops");
        for (String f : fused) {
            if (!f.equals("BiasAdd") && !f.equals("Relu")) {
                throw new UnsupportedOperationException(op + " " + n.name() + " fuses " + f);
            }
        }
        boolean relu = fused.contains("Relu");
        long[] strides = n.intListAttr("strides");
        long[] dilations = n.hasAttr("dilations") ? n.intListAttr("dilations") : new long[] {1, 1, 1, 1};
        long[] dil = {dilations[1], dilations[2]};
        TfjsNode x = facts.producer(n.input(0));
        TfjsNode xOwner = n;
        if (depthwise && x.op().equals("SpaceToBatchND")) {
            // TensorFlow lowers a dilated depthwise conv to SpaceToBatch -> conv -> BatchToSpace;
            // ONNX says the same with one dilated Conv on the S2B input (BatchToSpace is then a no-op).
            dil = facts.constant(x.input(1)).ints().clone();
            xOwner = x;
            x = facts.producer(x.input(0));
        }
        long[] pads = {0, 0, 0, 0};
        String padding = n.stringAttr("padding");
        ConstTensor kernel = facts.constant(n.input(1));
        long kh = kernel.shape()[0];
        long kw = kernel.shape()[1];
        String xValue;
        if ("VALID".equals(padding) && x.op().equals("Pad")) {
            long[] p = facts.constant(x.input(1)).ints();   // [[n0,n1],[h0,h1],[w0,w1],[c0,c1]]
            if (p[0] != 0 || p[1] != 0 || p[6] != 0 || p[7] != 0) {
                throw new UnsupportedOperationException("Pad " + x.name() + " pads batch or channels");
            }
            pads = new long[] {p[2], p[4], p[3], p[5]};
            xValue = values.in(x.input(0), step);
        } else {
            if ("SAME".equals(padding)) {
                if (strides[1] != 1 || strides[2] != 1) {
                    throw new UnsupportedOperationException("strided SAME conv " + n.name());
                }
                long eh = (kh - 1) * dil[0];
                long ew = (kw - 1) * dil[1];
                pads = new long[] {eh / 2, ew / 2, eh - eh / 2, ew - ew / 2};
            } else if (!"VALID".equals(padding)) {
                throw new UnsupportedOperationException("padding " + padding + " of " + n.name());
            }
            if (!depthwise && x.op().equals("ConcatV2") && xOwner == n && "SAME".equals(padding)
                    && cut.rewrites().contains(Rewrite.SPLIT_DECODER_CONVOLUTIONS)) {
                // before the concatenation is emitted: nothing else reads it, and ONNX Runtime runs
                // a node whose output nobody reads
                return rewrites.splitConv(n, x, kernel, pads, relu, step);
            }
            xValue = values.in(xOwner.input(0), step);
        }
        String weights = depthwise ? depthwiseKernel(kernel) : convKernel(kernel);
        long outChannels = depthwise ? kernel.shape()[2] * kernel.shape()[3] : kernel.shape()[3];
        List<String> inputs = new ArrayList<>(List.of(xValue, weights));
        if (fused.contains("BiasAdd")) {
            ConstTensor bias = facts.constant(n.input(2));
            if (bias.size() != outChannels) {
                throw new IllegalStateException("bias of " + n.name() + " has " + bias.size() + " values");
            }
            inputs.add(pool.constant(bias, false));
        }
        String y = out.op("Conv", n.name(), inputs,
                attr("kernel_shape", new long[] {kh, kw}),
                attr("strides", new long[] {strides[1], strides[2]}),
                attr("dilations", dil),
                attr("pads", pads),
                attr("group", depthwise ? kernel.shape()[2] : 1L));
        if (relu) {
            y = out.op("Relu", n.name() + "/relu", List.of(y));
        }
        return y;
    }

    /** HWIO -> OIHW. */
    private String convKernel(ConstTensor k) {
        return rewrites.kernel(k, 0, k.shape()[2]);
    }

    /** Depthwise HWCM -> (C*M) x 1 x H x W, as grouped Conv wants it. */
    private String depthwiseKernel(ConstTensor k) {
        int kh = (int) k.shape()[0], kw = (int) k.shape()[1], c = (int) k.shape()[2], m = (int) k.shape()[3];
        float[] src = k.floats();
        float[] dst = new float[src.length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int j = 0; j < m; j++) {
                        dst[((ch * m + j) * kh + h) * kw + w] = src[((h * kw + w) * c + ch) * m + j];
                    }
                }
            }
        }
        return pool.floats(k.name() + "#dw", new long[] {(long) c * m, 1, kh, kw}, dst);
    }
}
