package dev.rvm.models.convert;

import dev.rvm.models.tfjs.ConstTensor;
import dev.rvm.models.tfjs.TfjsGraphModel;
import dev.rvm.models.tfjs.TfjsNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the converter knows about RVM's graph statically, for one side of the {@code ratio == 1}
 * condition: which tensors are dead, which are 4-D images, which depend on the recurrent state, how
 * many channels an image has, which constant stands behind a reference.
 */
final class GraphFacts {

    static final Set<String> STATE_INPUTS = Set.of("r1i", "r2i", "r3i", "r4i");
    static final String RATIO_INPUT = "downsample_ratio";

    private final TfjsGraphModel graph;
    private final GraphCut cut;
    private final boolean ratioIsOne;
    private final Map<String, Boolean> spatial = new HashMap<>();
    private final Map<String, Boolean> stateDependent = new HashMap<>();
    private final Map<String, Boolean> dead = new HashMap<>();

    GraphFacts(TfjsGraphModel graph, GraphCut cut, boolean ratioIsOne) {
        this.graph = graph;
        this.cut = cut;
        this.ratioIsOne = ratioIsOne;
    }

    TfjsNode producer(String ref) {
        return graph.node(TfjsNode.nodeOf(ref));
    }

    /** The constant behind a reference, looking through Identity and Switch plumbing. */
    ConstTensor constant(String ref) {
        TfjsNode p = producer(ref);
        while (p.op().equals("Identity") || p.op().equals("Switch")) {
            p = producer(p.input(0));
        }
        if (!p.op().equals("Const")) {
            throw new UnsupportedOperationException("expected a constant at " + ref + ", found " + p.op());
        }
        return graph.constant(p.name());
    }

    /** The condition value of a predicate tensor: every predicate here is "ratio == 1". */
    boolean predicate(String ref) {
        TfjsNode p = producer(ref);
        return switch (p.op()) {
            case "Identity", "Squeeze" -> predicate(p.input(0));
            case "Equal" -> {
                if (!feedsFromRatio(p.input(0)) || constant(p.input(1)).floatAt(0) != 1f) {
                    throw new UnsupportedOperationException("condition " + p.name() + " is not ratio == 1");
                }
                yield ratioIsOne;
            }
            default -> throw new UnsupportedOperationException("condition built by " + p.op() + " at " + ref);
        };
    }

    boolean feedsFromRatio(String ref) {
        TfjsNode p = producer(ref);
        while (p.op().equals("Identity")) {
            p = producer(p.input(0));
        }
        return p.op().equals("Placeholder") && p.name().equals(RATIO_INPUT);
    }

    boolean isDead(String ref) {
        TfjsNode p = producer(ref);
        String key = p.name() + ":" + TfjsNode.portOf(ref);
        Boolean known = dead.get(key);
        if (known != null) {
            return known;
        }
        boolean d;
        switch (p.op()) {
            case "Switch" -> d = isDead(p.input(0)) || (TfjsNode.portOf(ref) == 1) != predicate(p.input(1));
            case "Merge" -> d = p.inputs().stream().allMatch(this::isDead);
            case "Const", "Placeholder" -> d = false;
            default -> d = p.inputs().stream().anyMatch(this::isDead);
        }
        dead.put(key, d);
        return d;
    }

    String liveMergeInput(TfjsNode merge) {
        List<String> live = merge.inputs().stream().filter(r -> !isDead(r)).toList();
        if (live.size() != 1) {
            throw new IllegalStateException("Merge " + merge.name() + " has " + live.size() + " live inputs");
        }
        return live.get(0);
    }

    boolean isStateDependent(TfjsNode n) {
        Boolean known = stateDependent.get(n.name());
        if (known != null) {
            return known;
        }
        boolean d = n.op().equals("Placeholder") ? STATE_INPUTS.contains(n.name())
                : n.inputs().stream().filter(r -> !isDead(r)).anyMatch(r -> isStateDependent(producer(r)));
        stateDependent.put(n.name(), d);
        return d;
    }

    /** Whether a tensor is a 4-D image tensor (NHWC in the graph, NCHW in ONNX). */
    boolean isSpatial(String ref) {
        TfjsNode p = producer(ref);
        Boolean known = spatial.get(p.name());
        if (known != null) {
            return known;
        }
        boolean s = switch (p.op()) {
            case "Placeholder" -> !p.name().equals(RATIO_INPUT);
            case "Const", "Shape", "StridedSlice", "Pack", "Cast", "FloorMod", "Equal", "Squeeze" -> false;
            case "Merge" -> isSpatial(liveMergeInput(p));
            case "Split", "SplitV" -> isSpatial(p.op().equals("Split") ? p.input(1) : p.input(0));
            case "ConcatV2" -> isSpatial(p.input(0));
            case "BroadcastTo" -> true;
            default -> p.inputs().stream().anyMatch(r -> !producer(r).op().equals("Const") && isSpatial(r));
        };
        spatial.put(p.name(), s);
        return s;
    }

    boolean isScalarConst(String ref, float value) {
        TfjsNode p = producer(ref);
        if (!p.op().equals("Const")) {
            return false;
        }
        ConstTensor c = graph.constant(p.name());
        return c.size() == 1 && c.dtype() == ConstTensor.DType.FLOAT32 && c.floats()[0] == value;
    }

    /** The channel count of an image tensor, from the kernels and splits that make it. */
    long channels(String ref) {
        TfjsNode p = producer(ref);
        return switch (p.op()) {
            case "_FusedConv2D", "Conv2D" -> constant(p.input(1)).shape()[3];
            case "FusedDepthwiseConv2dNative", "DepthwiseConv2dNative" -> {
                long[] k = constant(p.input(1)).shape();
                yield k[2] * k[3];
            }
            case "ConcatV2" -> {
                long c = 0;
                for (int i = 0; i < p.inputs().size() - 1; i++) {
                    c += channels(p.input(i));
                }
                yield c;
            }
            case "Split" -> channels(p.input(1)) / p.intAttr("num_split", 1);
            case "SplitV" -> constant(p.input(1)).ints()[TfjsNode.portOf(ref)];
            case "Placeholder" -> {
                if (!p.name().equals("src")) {
                    throw new UnsupportedOperationException("channels of input " + p.name());
                }
                yield 3;
            }
            case "Merge" -> cut.inputs().containsKey(p.name()) ? 3 : channels(liveMergeInput(p));
            case "Mean" -> {
                long[] axes = constant(p.input(1)).ints();
                yield axes.length == 1 && (axes[0] == -1 || axes[0] == 3) ? 1 : channels(p.input(0));
            }
            case "BroadcastTo" -> channels(producer(p.input(1)).input(0));
            case "Mul", "AddV2", "Add", "Sub", "RealDiv", "Minimum", "Maximum" -> {
                for (String in : p.inputs()) {
                    if (!producer(in).op().equals("Const") && isSpatial(in)) {
                        yield channels(in);
                    }
                }
                throw new UnsupportedOperationException("channels of " + p.op() + " " + p.name());
            }
            default -> channels(p.input(0));
        };
    }
}
