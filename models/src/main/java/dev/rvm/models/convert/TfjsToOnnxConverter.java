package dev.rvm.models.convert;

import dev.rvm.models.onnx.Onnx.GraphProto;
import dev.rvm.models.onnx.Onnx.ModelProto;
import dev.rvm.models.onnx.Onnx.OperatorSetIdProto;
import dev.rvm.models.onnx.Onnx.StringStringEntryProto;
import dev.rvm.models.tfjs.TfjsGraphModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.rvm.models.convert.OnnxGraphBuilder.attr;
import static dev.rvm.models.convert.OnnxGraphBuilder.floatValue;

/**
 * Builds an ONNX model with the upstream RVM export's signature from the TensorFlow.js graph:
 * inputs {@code src [B,3,H,W]}, {@code r1i..r4i}, {@code downsample_ratio [1]}; outputs
 * {@code fgr, pha, r1o..r4o}, all NCHW. Both sides of the graph's {@code ratio == 1} condition are
 * kept under one ONNX {@code If}, sharing one copy of the weights.
 */
public final class TfjsToOnnxConverter {

    /** Opset 17: HardSigmoid/Resize/Split semantics as used here, supported by every current runtime. */
    public static final int OPSET = 17;
    public static final int IR_VERSION = 8;

    private TfjsToOnnxConverter() {
    }

    /** The single-frame model: any batch B of independent frames, state per batch item. */
    public static ModelProto convert(TfjsGraphModel graph, Map<String, String> metadata) {
        return build(graph, 0, metadata);
    }

    /**
     * The sequence model for seq-chunk {@code frames}: src holds that many consecutive frames of
     * one stream; the encoder runs on all of them at once and the recurrent decoder steps through
     * them in order. States are batch 1; r1o..r4o are the state after the last frame.
     */
    public static ModelProto convertSequence(TfjsGraphModel graph, int frames, Map<String, String> metadata) {
        if (frames < 2) {
            throw new IllegalArgumentException("a sequence model needs at least 2 frames, got " + frames);
        }
        return build(graph, frames, metadata);
    }

    /**
     * The coefficient model: the network from the already downsampled frame to the fast guided
     * filter's low-resolution coefficients. Inputs {@code src_small [B,3,h,w]} (the frame resized to
     * the network's size exactly as the whole graph does: half-pixel bilinear), {@code r1i..r4i};
     * outputs {@code coef_a, coef_b [B,4,h-2,w-2]} (channels R, G, B, alpha; A applies to
     * {@code [R, G, B, mean(R,G,B)]} of the full-resolution frame), {@code r1o..r4o}. With
     * {@code frames > 1} it is the sequence form of {@link #convertSequence}. Only the ratio != 1 side
     * of the graph exists here: at ratio 1 the whole model has no refiner.
     */
    public static ModelProto convertCoefficients(TfjsGraphModel graph, int frames, Map<String, String> metadata) {
        return convertCoefficients(graph, frames, metadata, GraphCut.COEFFICIENTS.rewrites());
    }

    /** As {@link #convertCoefficients(TfjsGraphModel, int, Map)} with a chosen set of rewrites (for measuring them). */
    static ModelProto convertCoefficients(TfjsGraphModel graph, int frames, Map<String, String> metadata, Set<Rewrite> rewrites) {
        if (frames < 0 || frames == 1) {
            throw new IllegalArgumentException("frames must be 0 (single-frame model) or at least 2, got " + frames);
        }
        OnnxGraphBuilder.InitializerPool pool = new OnnxGraphBuilder.InitializerPool();
        OnnxGraphBuilder main = new OnnxGraphBuilder("rvm_coefficients", pool);
        List<String> values = new RvmGraphTranslator(graph, GraphCut.COEFFICIENTS.withRewrites(rewrites), false, frames, main)
                .translateOutputs();
        List<String> names = GraphCut.COEFFICIENTS.outputNames();
        for (int i = 0; i < values.size(); i++) {
            main.opNamed("Identity", List.of(values.get(i)), List.of(names.get(i)));
        }
        Object batch = frames == 0 ? "batch" : (Object) frames;
        GraphProto.Builder g = main.toGraph()
                .addInput(floatValue(GraphCut.SMALL_SOURCE, batch, 3, "small_height", "small_width"))
                .addOutput(floatValue("coef_a", batch, 4, "coef_height", "coef_width"))
                .addOutput(floatValue("coef_b", batch, 4, "coef_height", "coef_width"));
        addStates(g, frames);
        return model(g.addAllInitializer(pool.all()), frames, metadata);
    }

    private static ModelProto build(TfjsGraphModel graph, int steps, Map<String, String> metadata) {
        OnnxGraphBuilder.InitializerPool pool = new OnnxGraphBuilder.InitializerPool();
        GraphProto thenBranch = branch(graph, true, steps, pool);
        GraphProto elseBranch = branch(graph, false, steps, pool);

        OnnxGraphBuilder main = new OnnxGraphBuilder("rvm", pool);
        String cond = main.op("Equal", "ratio_is_one", List.of("downsample_ratio", pool.floatScalar(1f)));
        main.opNamed("If", List.of(cond), GraphCut.WHOLE.outputNames(),
                attr("then_branch", thenBranch), attr("else_branch", elseBranch));

        Object batch = steps == 0 ? "batch" : (Object) steps;
        GraphProto.Builder g = main.toGraph()
                .addInput(floatValue("src", batch, 3, "height", "width"))
                .addOutput(floatValue("fgr", batch, 3, "height", "width"))
                .addOutput(floatValue("pha", batch, 1, "height", "width"));
        addStates(g, steps);
        // the ratio comes last among the inputs, as in the upstream export
        g.addInput(floatValue("downsample_ratio", 1));
        return model(g.addAllInitializer(pool.all()), steps, metadata);
    }

    /** r1i..r4i in and r1o..r4o out: batch 1 in a sequence model (one stream), else per batch item. */
    private static void addStates(GraphProto.Builder g, int steps) {
        Object stateBatch = steps == 0 ? "batch" : (Object) 1;
        long[] channels = {16, 20, 40, 64};
        for (int r = 1; r <= 4; r++) {
            g.addInput(floatValue("r" + r + "i", stateBatch, "r" + r + "_channels", "r" + r + "_height", "r" + r + "_width"));
        }
        for (int r = 1; r <= 4; r++) {
            g.addOutput(floatValue("r" + r + "o", stateBatch, channels[r - 1], "r" + r + "o_height", "r" + r + "o_width"));
        }
    }

    private static ModelProto model(GraphProto.Builder g, int steps, Map<String, String> metadata) {
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("rvm-matting")
                .setProducerVersion("0.1.0")
                .setDocString("Robust Video Matting (MobileNetV3), converted from the TensorFlow.js graph model. "
                        + "Weights: GPL-3.0 (RVM authors).")
                .setGraph(g);
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        if (steps > 0) {
            model.addMetadataProps(StringStringEntryProto.newBuilder().setKey("seq_chunk").setValue(Integer.toString(steps)));
        }
        return model.build();
    }

    private static GraphProto branch(TfjsGraphModel graph, boolean ratioIsOne, int steps,
                                     OnnxGraphBuilder.InitializerPool pool) {
        String name = ratioIsOne ? "full_resolution" : "downsampled";
        OnnxGraphBuilder b = new OnnxGraphBuilder(name, pool);
        List<String> values = new RvmGraphTranslator(graph, GraphCut.WHOLE, ratioIsOne, steps, b).translateOutputs();
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String outName = name + "/" + GraphCut.WHOLE.outputNames().get(i);
            b.opNamed("Identity", List.of(values.get(i)), List.of(outName));
            outputs.add(outName);
        }
        GraphProto.Builder g = b.toGraph();
        outputs.forEach(o -> g.addOutput(floatValue(o)));
        return g.build();
    }
}
