package dev.rvm.models.convert;

import dev.rvm.models.tfjs.ConstTensor;
import dev.rvm.models.tfjs.TfjsGraphModel;
import dev.rvm.models.tfjs.TfjsNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.rvm.models.convert.OnnxGraphBuilder.attr;

/**
 * Translates RVM's TensorFlow.js graph into ONNX nodes, node by node, for one side of the
 * {@code downsample_ratio == 1} condition (the graph's Switch/Merge pairs are resolved statically;
 * the caller puts both sides under one ONNX {@code If}).
 *
 * <p>Layout: every 4-D tensor of the graph is NHWC; in ONNX it is NCHW. Each value is therefore
 * either <em>spatial</em> (a 4-D image tensor, NCHW in ONNX) or <em>plain</em> (scalars and the
 * int shape vectors the graph computes at run time, kept in TensorFlow's NHWC order). Axes of
 * spatial ops are remapped; a shape vector is permuted where it meets a spatial op.
 *
 * <p>Sequence mode ({@code steps > 0}) unrolls the recurrent part over {@code steps} frames: every
 * node that does not depend on the recurrent state (the encoder and the image pyramid) runs once
 * on the whole batch, and the state-dependent rest is emitted once per frame, fed by that frame's
 * slice and by the previous frame's state.
 */
final class RvmGraphTranslator {

    /** The graph's state outputs r1o..r4o. */
    private static final List<String> STATE_REFS = List.of("Identity_2", "Identity_3", "Identity_4", "Identity_5");
    private static final Set<String> STATE_INPUTS = GraphFacts.STATE_INPUTS;
    private static final String RATIO_INPUT = GraphFacts.RATIO_INPUT;
    /** NHWC position of each NCHW axis, and the inverse. */
    private static final long[] NCHW_FROM_NHWC = {0, 3, 1, 2};
    private static final long[] NHWC_FROM_NCHW = {0, 2, 3, 1};

    private final TfjsGraphModel graph;
    private final GraphCut cut;
    private final boolean ratioIsOne;
    private final int steps;
    private final OnnxGraphBuilder out;
    private final OnnxGraphBuilder.InitializerPool pool;

    private final Map<String, String[]> translated = new HashMap<>();
    private final GraphFacts facts;
    private final SpeedRewrites rewrites;
    private final Convolutions convolutions;
    private final Map<String, String> slices = new HashMap<>();

    RvmGraphTranslator(TfjsGraphModel graph, GraphCut cut, boolean ratioIsOne, int steps, OnnxGraphBuilder out) {
        this.graph = graph;
        this.cut = cut;
        this.ratioIsOne = ratioIsOne;
        this.steps = steps;
        this.out = out;
        this.pool = out.pool();
        this.facts = new GraphFacts(graph, cut, ratioIsOne);
        this.rewrites = new SpeedRewrites(facts, out, this::in);
        this.convolutions = new Convolutions(facts, cut, rewrites, out, this::in);
    }

    /**
     * Emits the network up to the cut's outputs and returns the ONNX value of each, in the order of
     * {@link GraphCut#outputNames()}: per-frame outputs hold every frame of a sequence, the states
     * are those after the last frame.
     */
    List<String> translateOutputs() {
        List<String> values = new ArrayList<>();
        List<String> refs = cut.outputRefs();
        for (int o = 0; o < refs.size(); o++) {
            String ref = refs.get(o);
            if (steps == 0) {
                values.add(value(ref, -1));
            } else if (o < cut.perFrameOutputs()) {
                List<String> perFrame = new ArrayList<>();
                for (int t = 0; t < steps; t++) {
                    perFrame.add(value(ref, t));
                }
                values.add(out.op("Concat", cut.outputNames().get(o) + "_frames", perFrame, attr("axis", 0L)));
            } else {
                values.add(value(ref, steps - 1));
            }
        }
        return values;
    }

    // ---- values ------------------------------------------------------------------------------

    /** The ONNX value of a tensor reference, for frame {@code step} (-1: not per frame). */
    private String value(String ref, int step) {
        TfjsNode node = graph.node(TfjsNode.nodeOf(ref));
        int port = TfjsNode.portOf(ref);
        int s = step >= 0 && facts.isStateDependent(node) ? step : -1;
        String key = node.name() + "@" + s;
        String[] values = translated.get(key);
        String substitute = cut.inputs().get(node.name());
        if (values == null && substitute != null) {
            // the cut's own input stands for this tensor: nothing upstream of it is emitted
            values = new String[] {substitute};
            translated.put(key, values);
        }
        if (values == null) {
            if (facts.isDead(ref)) {
                throw new IllegalStateException("tensor " + ref + " is on the untaken side of a condition");
            }
            values = translate(node, s);
            translated.put(key, values);
        }
        if (port >= values.length || values[port] == null) {
            throw new IllegalStateException("no output " + port + " for " + node.op() + " " + node.name());
        }
        return values[port];
    }

    /** Input i of a node, sliced to the node's frame where a batched value meets per-frame code. */
    private String in(TfjsNode node, int i, int step) {
        return in(node.input(i), step);
    }

    private String in(String ref, int step) {
        String v = value(ref, step);
        if (step >= 0 && !facts.isStateDependent(graph.node(TfjsNode.nodeOf(ref))) && facts.isSpatial(ref)) {
            return slices.computeIfAbsent(v + "#" + step, k -> out.op("Slice", "frame" + step,
                    List.of(v, pool.int64(step), pool.int64(step + 1), pool.int64(0))));
        }
        return v;
    }

    private String[] one(String v) {
        return new String[] {v};
    }

    // ---- the translation of each op ----------------------------------------------------------

    private String[] translate(TfjsNode n, int step) {
        return switch (n.op()) {
            case "Placeholder" -> one(placeholder(n, step));
            case "Const" -> one(pool.constant(graph.constant(n.name()), false));
            case "Identity" -> one(in(n, 0, step));
            case "Switch" -> new String[] {in(n, 0, step), in(n, 0, step)};
            case "Merge" -> one(value(facts.liveMergeInput(n), step));
            case "_FusedConv2D", "Conv2D" -> one(convolutions.conv(n, step, false));
            case "FusedDepthwiseConv2dNative", "DepthwiseConv2dNative" -> one(convolutions.conv(n, step, true));
            case "BatchToSpaceND" -> one(batchToSpace(n, step));
            case "Pad" -> one(pad(n, step));
            case "AvgPool" -> one(avgPool(n, step));
            case "ResizeBilinear" -> one(resize(n, step));
            case "Mean" -> one(mean(n, step));
            case "ConcatV2" -> one(concat(n, step));
            case "Split" -> split(n, step, n.input(1), n.input(0), null);
            case "SplitV" -> split(n, step, n.input(0), n.input(2), facts.constant(n.input(1)).ints());
            case "Slice" -> one(slice(n, step));
            case "StridedSlice" -> one(stridedSlice(n, step));
            case "Pack" -> one(pack(n, step));
            case "Shape" -> one(shape(n, step));
            case "Cast" -> one(cast(n, step));
            case "BroadcastTo" -> one(broadcastTo(n, step));
            case "Mul" -> one(cut.rewrites().contains(Rewrite.HARD_SWISH_AS_GATED_CONVOLUTION) && rewrites.hardSwishInput(n) != null
                    ? rewrites.gatedHardSwish(n, step) : binary(n, step, "Mul"));
            case "AddV2", "Add" -> one(binary(n, step, "Add"));
            case "Sub" -> one(binary(n, step, "Sub"));
            case "RealDiv" -> one(binary(n, step, "Div"));
            case "Minimum" -> one(binary(n, step, "Min"));
            case "Maximum" -> one(isClipToUnitRange(n) ? clipToUnitRange(n, step) : binary(n, step, "Max"));
            case "FloorMod" -> one(out.op("Mod", n.name(), List.of(in(n, 0, step), in(n, 1, step)), attr("fmod", 0L)));
            case "Square" -> {
                String x = in(n, 0, step);
                yield one(out.op("Mul", n.name(), List.of(x, x)));
            }
            case "Relu6" -> one(out.op("Clip", n.name(),
                    List.of(in(n, 0, step), pool.floatScalar(0f), pool.floatScalar(6f))));
            case "Sigmoid", "Tanh" -> one(out.op(n.op(), n.name(), List.of(in(n, 0, step))));
            default -> throw new UnsupportedOperationException(
                    "op " + n.op() + " (node " + n.name() + ") is not supported by the converter");
        };
    }

    private String placeholder(TfjsNode n, int step) {
        String name = n.name();
        if (STATE_INPUTS.contains(name) && step > 0) {
            // Frame t starts from the state frame t-1 ended with.
            return value(STATE_REFS.get(Integer.parseInt(name.substring(1, 2)) - 1), step - 1);
        }
        if (!STATE_INPUTS.contains(name) && !"src".equals(name) && !RATIO_INPUT.equals(name)) {
            throw new IllegalStateException("unexpected graph input " + name);
        }
        return name;
    }

    private String batchToSpace(TfjsNode n, int step) {
        TfjsNode conv = facts.producer(n.input(0));
        if (!conv.op().equals("DepthwiseConv2dNative") || !facts.producer(conv.input(0)).op().equals("SpaceToBatchND")) {
            throw new UnsupportedOperationException("BatchToSpaceND " + n.name() + " is not part of a dilated conv");
        }
        return in(n, 0, step);
    }

    private String pad(TfjsNode n, int step) {
        long[] p = facts.constant(n.input(1)).ints();
        long[] pads;
        if (facts.isSpatial(n.input(0))) {
            pads = new long[8];
            for (int a = 0; a < 4; a++) {
                int nhwc = (int) NHWC_FROM_NCHW[a];
                pads[a] = p[2 * nhwc];
                pads[4 + a] = p[2 * nhwc + 1];
            }
        } else {
            pads = new long[p.length];
            for (int a = 0; a < p.length / 2; a++) {
                pads[a] = p[2 * a];
                pads[p.length / 2 + a] = p[2 * a + 1];
            }
        }
        return out.op("Pad", n.name(), List.of(in(n, 0, step), pool.int64(pads)));
    }

    private String avgPool(TfjsNode n, int step) {
        long[] k = n.intListAttr("ksize");
        long[] s = n.intListAttr("strides");
        String padding = n.stringAttr("padding");
        // TF SAME pooling pads at the end only and averages over the real cells.
        return out.op("AveragePool", n.name(), List.of(in(n, 0, step)),
                attr("kernel_shape", new long[] {k[1], k[2]}),
                attr("strides", new long[] {s[1], s[2]}),
                attr("auto_pad", "SAME".equals(padding) ? "SAME_UPPER" : "VALID"),
                attr("count_include_pad", 0L));
    }

    private String resize(TfjsNode n, int step) {
        if (n.boolAttr("align_corners", false) || !n.boolAttr("half_pixel_centers", false)) {
            throw new UnsupportedOperationException("ResizeBilinear " + n.name() + " is not half-pixel");
        }
        String x = in(n, 0, step);
        String batchAndChannels = out.op("Slice", n.name() + "/nc",
                List.of(out.op("Shape", n.name() + "/shape", List.of(x)), pool.int64(0), pool.int64(2)));
        // Sizes, not scales: the graph resizes to computed sizes, and the sampling positions
        // follow from those sizes (a ratio of 0.25 on 342 rows gives 85 rows, not 85.5).
        String sizes = out.op("Concat", n.name() + "/sizes", List.of(batchAndChannels, in(n, 1, step)),
                attr("axis", 0L));
        return out.op("Resize", n.name(), List.of(x, "", "", sizes),
                attr("mode", "linear"),
                attr("coordinate_transformation_mode", "half_pixel"));
    }

    private String mean(TfjsNode n, int step) {
        long[] axes = facts.constant(n.input(1)).ints();
        boolean sp = facts.isSpatial(n.input(0));
        long[] onnxAxes = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            onnxAxes[i] = sp ? nchwAxis(axes[i]) : axes[i];
        }
        return out.op("ReduceMean", n.name(), List.of(in(n, 0, step)),
                attr("axes", onnxAxes), attr("keepdims", n.boolAttr("keep_dims", false) ? 1L : 0L));
    }

    private String concat(TfjsNode n, int step) {
        int count = n.inputs().size() - 1;
        long axis = facts.constant(n.input(count)).ints()[0];
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(in(n, i, step));
        }
        return out.op("Concat", n.name(), parts, attr("axis", facts.isSpatial(n.input(0)) ? nchwAxis(axis) : axis));
    }

    private String[] split(TfjsNode n, int step, String valueRef, String dimRef, long[] sizes) {
        long dim = facts.constant(dimRef).ints()[0];
        long axis = facts.isSpatial(valueRef) ? nchwAxis(dim) : dim;
        int count = (int) n.intAttr("num_split", 1);
        int valueIndex = n.inputs().indexOf(valueRef);
        List<String> inputs = new ArrayList<>(List.of(in(n, valueIndex, step)));
        if (sizes != null) {
            inputs.add(pool.int64(sizes));
        }
        return out.ops("Split", n.name(), count, inputs, attr("axis", axis));
    }

    private String slice(TfjsNode n, int step) {
        if (!facts.isSpatial(n.input(0))) {
            throw new UnsupportedOperationException("Slice " + n.name() + " on a non-image tensor");
        }
        String begin = nchwVector(in(n, 1, step), n.name() + "/begin");
        String size = nchwVector(in(n, 2, step), n.name() + "/size");
        // TF's size -1 means "to the end".
        String toEnd = out.op("Less", n.name() + "/to_end", List.of(size, pool.int64Scalar(0)));
        String end = out.op("Where", n.name() + "/end", List.of(toEnd, pool.int64Scalar(Long.MAX_VALUE),
                out.op("Add", n.name() + "/begin_plus_size", List.of(begin, size))));
        return out.op("Slice", n.name(), List.of(in(n, 0, step), begin, end));
    }

    private String stridedSlice(TfjsNode n, int step) {
        for (String mask : List.of("begin_mask", "end_mask", "ellipsis_mask", "new_axis_mask")) {
            if (n.intAttr(mask, 0) != 0) {
                throw new UnsupportedOperationException("StridedSlice " + n.name() + " uses " + mask);
            }
        }
        long shrink = n.intAttr("shrink_axis_mask", 0);
        long begin = facts.constant(n.input(1)).ints()[0];
        long end = facts.constant(n.input(2)).ints()[0];
        long stride = facts.constant(n.input(3)).ints()[0];
        if (shrink == 1) {
            return out.op("Gather", n.name(), List.of(in(n, 0, step), pool.int64Scalar(begin)), attr("axis", 0L));
        }
        if (shrink != 0) {
            throw new UnsupportedOperationException("StridedSlice " + n.name() + " shrink mask " + shrink);
        }
        return out.op("Slice", n.name(), List.of(in(n, 0, step), pool.int64(begin), pool.int64(end),
                pool.int64(0), pool.int64(stride)));
    }

    private String pack(TfjsNode n, int step) {
        if (n.intAttr("axis", 0) != 0) {
            throw new UnsupportedOperationException("Pack " + n.name() + " on an axis other than 0");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n.inputs().size(); i++) {
            parts.add(out.op("Unsqueeze", n.name() + "/item", List.of(in(n, i, step), pool.int64(0))));
        }
        return out.op("Concat", n.name(), parts, attr("axis", 0L));
    }

    private String shape(TfjsNode n, int step) {
        String s = out.op("Shape", n.name(), List.of(in(n, 0, step)));
        if (!facts.isSpatial(n.input(0))) {
            return s;
        }
        return out.op("Gather", n.name() + "/nhwc", List.of(s, pool.int64(NHWC_FROM_NCHW)), attr("axis", 0L));
    }

    private String cast(TfjsNode n, int step) {
        long to = switch (n.typeAttr("DstT")) {
            case "DT_FLOAT" -> 1L;
            case "DT_INT32" -> 7L;     // ints are int64 throughout the ONNX graph
            case "DT_BOOL" -> 9L;
            default -> throw new UnsupportedOperationException("Cast " + n.name() + " to " + n.typeAttr("DstT"));
        };
        return out.op("Cast", n.name(), List.of(in(n, 0, step)), attr("to", to));
    }

    private String broadcastTo(TfjsNode n, int step) {
        String target;
        String shape = in(n, 1, step);
        if (step >= 0) {
            // The shape was taken from a batched tensor; one frame's state has batch 1.
            String chw = out.op("Gather", n.name() + "/chw", List.of(shape, pool.int64(3, 1, 2)), attr("axis", 0L));
            target = out.op("Concat", n.name() + "/target", List.of(pool.int64(1), chw), attr("axis", 0L));
        } else {
            target = nchwVector(shape, n.name() + "/target");
        }
        return out.op("Expand", n.name(), List.of(in(n, 0, step), target));
    }

    /**
     * The graph clips its outputs with Minimum(x, 1) then Maximum(·, 0): two passes over full-resolution
     * tensors where one Clip does the same arithmetic.
     */
    private boolean isClipToUnitRange(TfjsNode max) {
        TfjsNode min = facts.producer(max.input(0));
        return min.op().equals("Minimum")
                && facts.isScalarConst(max.input(1), 0f) && facts.isScalarConst(min.input(1), 1f);
    }

    private String clipToUnitRange(TfjsNode max, int step) {
        TfjsNode min = facts.producer(max.input(0));
        return out.op("Clip", max.name(), List.of(in(min, 0, step), pool.floatScalar(0f), pool.floatScalar(1f)));
    }

    private String binary(TfjsNode n, int step, String onnxOp) {
        boolean anySpatial = facts.isSpatial(n.input(0)) || facts.isSpatial(n.input(1));
        return out.op(onnxOp, n.name(), List.of(operand(n, 0, step, anySpatial), operand(n, 1, step, anySpatial)));
    }

    /** A per-channel constant vector meeting an NCHW tensor must broadcast over H and W. */
    private String operand(TfjsNode n, int i, int step, boolean otherSpatial) {
        TfjsNode p = facts.producer(n.input(i));
        if (otherSpatial && p.op().equals("Const")) {
            ConstTensor c = graph.constant(p.name());
            if (c.rank() == 1 && c.size() > 1) {
                return pool.constant(c, true);
            }
        }
        return in(n, i, step);
    }

    private String nchwVector(String nhwc, String hint) {
        return out.op("Gather", hint, List.of(nhwc, pool.int64(NCHW_FROM_NHWC)), attr("axis", 0L));
    }

    static long nchwAxis(long nhwcAxis) {
        long a = nhwcAxis < 0 ? nhwcAxis + 4 : nhwcAxis;
        return switch ((int) a) {
            case 0 -> 0;
            case 1 -> 2;
            case 2 -> 3;
            case 3 -> 1;
            default -> throw new IllegalArgumentException("axis " + nhwcAxis + " of a 4-D tensor");
        };
    }

}
