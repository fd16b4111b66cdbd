package dev.rvm.models.convert;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which part of RVM's graph a converted model holds: its inputs (graph tensors replaced by model
 * inputs, so nothing upstream of them is emitted) and its outputs (graph tensors, in model order).
 *
 * @param inputs          tfjs node name -> ONNX input name, for tensors fed from outside
 * @param outputNames     the ONNX outputs, in order
 * @param outputRefs      the graph tensor behind each output
 * @param perFrameOutputs how many of the first outputs exist per frame (the rest are recurrent states)
 * @param rewrites        the speed rewrites applied to the network on the way
 */
record GraphCut(Map<String, String> inputs, List<String> outputNames, List<String> outputRefs, int perFrameOutputs,
                Set<Rewrite> rewrites) {

    private static final String SCOPE = "StatefulPartitionedCall/matting_network_wrapper/StatefulPartitionedCall/";
    private static final String REFINER = SCOPE + "cond_1/else/_663/cond_1/fast_guided_filter_refiner/fast_guided_filter/";
    private static final List<String> STATES = List.of("Identity_2", "Identity_3", "Identity_4", "Identity_5");

    /** The whole network, upstream RVM signature. */
    static final GraphCut WHOLE = new GraphCut(Map.of(),
            List.of("fgr", "pha", "r1o", "r2o", "r3o", "r4o"),
            concat(List.of("Identity", "Identity_1"), STATES), 2, Set.of());

    /** The low-resolution input of the coefficient model: the frame already resized to the network's size. */
    static final String SMALL_SOURCE = "src_small";

    /**
     * The network from the downsampled frame to the fast guided filter's low-resolution coefficients:
     * {@code out = A * [rgb, grey] + b} with A and b bilinearly stretched to the frame's size is all that
     * the graph does after them, per pixel, so a caller can do that itself in one pass over its own
     * 8-bit frame. The box filter is unpadded (two VALID 3-tap depthwise convolutions), so A and b are
     * {@code (h-2) x (w-2)}: 178 x 318 for a 320 x 180 network input.
     */
    static final GraphCut COEFFICIENTS = new GraphCut(
            // the Merge of the input-resize condition is the downsampled frame everything below reads
            Map.of(SCOPE + "cond/output/_660", SMALL_SOURCE),
            List.of("coef_a", "coef_b", "r1o", "r2o", "r3o", "r4o"),
            concat(List.of(REFINER + "truediv", REFINER + "sub_2"), STATES), 2, EnumSet.allOf(Rewrite.class));

    GraphCut withRewrites(Set<Rewrite> chosen) {
        return new GraphCut(inputs, outputNames, outputRefs, perFrameOutputs, chosen);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
