package dev.rvm.matting.model;

import dev.rvm.models.onnx.Onnx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The upstream RVM interface a model must expose: inputs {@code src, r1i..r4i, downsample_ratio},
 * outputs {@code fgr, pha, r1o..r4o}, all float32 with the ranks below. Checked on the ONNX protobuf
 * before a session is created, so a wrong file gets a message naming the offending tensor instead of
 * an ONNX Runtime error at the first frame.
 */
public record ModelSignature(int framesPerCall) {

    private static final int FLOAT = 1;
    static final Map<String, Integer> INPUT_RANKS = ordered(
            "src", 4, "r1i", 4, "r2i", 4, "r3i", 4, "r4i", 4, "downsample_ratio", 1);
    static final Map<String, Integer> OUTPUT_RANKS = ordered(
            "fgr", 4, "pha", 4, "r1o", 4, "r2o", 4, "r3o", 4, "r4o", 4);
    /** The coefficient model's interface (the network cut at the guided filter, see the model registry). */
    static final Map<String, Integer> COEFFICIENT_INPUT_RANKS = ordered(
            "src_small", 4, "r1i", 4, "r2i", 4, "r3i", 4, "r4i", 4);
    static final Map<String, Integer> COEFFICIENT_OUTPUT_RANKS = ordered(
            "coef_a", 4, "coef_b", 4, "r1o", 4, "r2o", 4, "r3o", 4, "r4o", 4);

    /**
     * Validates the model's graph and reads how many frames one call takes (the fixed batch of
     * {@code src}; 1 when the batch is symbolic).
     *
     * @param what names the model in messages (its path)
     */
    public static ModelSignature of(Onnx.ModelProto model, String what) {
        return check(model, what, INPUT_RANKS, OUTPUT_RANKS);
    }

    /** As {@link #of}, for a coefficient model. */
    public static ModelSignature coefficients(Onnx.ModelProto model, String what) {
        return check(model, what, COEFFICIENT_INPUT_RANKS, COEFFICIENT_OUTPUT_RANKS);
    }

    private static ModelSignature check(Onnx.ModelProto model, String what, Map<String, Integer> inputRanks,
                                        Map<String, Integer> outputRanks) {
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new ModelException(what + " is not an ONNX model (no graph inside); give a .onnx file exported from RVM");
        }
        Onnx.GraphProto graph = model.getGraph();
        Set<String> initializers = graph.getInitializerList().stream().map(Onnx.TensorProto::getName).collect(Collectors.toSet());
        Map<String, Onnx.ValueInfoProto> inputs = new HashMap<>();
        for (Onnx.ValueInfoProto v : graph.getInputList()) {
            if (!initializers.contains(v.getName())) {
                inputs.put(v.getName(), v);
            }
        }
        Map<String, Onnx.ValueInfoProto> outputs = new HashMap<>();
        graph.getOutputList().forEach(v -> outputs.put(v.getName(), v));
        check(what, "input", inputs, inputRanks, outputRanks);
        check(what, "output", outputs, outputRanks, inputRanks);
        String first = inputRanks.keySet().iterator().next();
        Onnx.TensorShapeProto.Dimension batch = inputs.get(first).getType().getTensorType().getShape().getDim(0);
        int frames = batch.hasDimValue() && batch.getDimValue() > 1 ? Math.toIntExact(batch.getDimValue()) : 1;
        return new ModelSignature(frames);
    }

    private static void check(String what, String kind, Map<String, Onnx.ValueInfoProto> actual, Map<String, Integer> expected,
                              Map<String, Integer> other) {
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            Onnx.ValueInfoProto v = actual.get(e.getKey());
            if (v == null) {
                throw new ModelException(what + " lacks the RVM " + kind + " '" + e.getKey() + "' (it has "
                        + List.copyOf(actual.keySet()).stream().sorted().toList()
                        + "); the model must have " + kind + "s " + expected.keySet() + " and "
                        + (kind.equals("input") ? "outputs " : "inputs ") + other.keySet());
            }
            Onnx.TypeProto.Tensor t = v.getType().getTensorType();
            if (t.getElemType() != FLOAT) {
                throw new ModelException(what + ": " + kind + " '" + e.getKey() + "' has element type " + t.getElemType()
                        + ", RVM needs float32 (type 1)");
            }
            int rank = t.getShape().getDimCount();
            if (rank != e.getValue()) {
                throw new ModelException(what + ": " + kind + " '" + e.getKey() + "' has rank " + rank
                        + ", RVM needs rank " + e.getValue());
            }
        }
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
