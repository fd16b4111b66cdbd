package dev.rvm.models.convert;

import dev.rvm.models.onnx.Onnx.GraphProto;
import dev.rvm.models.onnx.Onnx.ModelProto;
import dev.rvm.models.onnx.Onnx.OperatorSetIdProto;
import dev.rvm.models.onnx.Onnx.StringStringEntryProto;
import dev.rvm.models.tfjs.TfjsGraphModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    private static ModelProto build(TfjsGraphModel graph, int steps, Map<String, String> metadata) {
        OnnxGraphBuilder.InitializerPool pool = new OnnxGraphBuilder.InitializerPool();
        GraphProto thenBranch = branch(graph, true, steps, pool);
        GraphProto elseBranch = branch(graph, false, steps, pool);

        OnnxGraphBuilder main = new OnnxGraphBuilder("rvm", pool);
        String cond = main.op("Equal", "ratio_is_one", List.of("downsample_ratio", pool.floatScalar(1f)));
        main.opNamed("If", List.of(cond), RvmGraphTranslator.OUTPUT_NAMES,
                attr("then_branch", thenBranch), attr("else_branch", elseBranch));

        Object batch = steps == 0 ? "batch" : (Object) steps;
        Object stateBatch = steps == 0 ? "batch" : (Object) 1;
        GraphProto.Builder g = main.toGraph()
                .addInput(floatValue("src", batch, 3, "height", "width"))
                .addInput(floatValue("r1i", stateBatch, "r1_channels", "r1_height", "r1_width"))
                .addInput(floatValue("r2i", stateBatch, "r2_channels", "r2_height", "r2_width"))
                .addInput(floatValue("r3i", stateBatch, "r3_channels", "r3_height", "r3_width"))
                .addInput(floatValue("r4i", stateBatch, "r4_channels", "r4_height", "r4_width"))
                .addInput(floatValue("downsample_ratio", 1))
                .addOutput(floatValue("fgr", batch, 3, "height", "width"))
                .addOutput(floatValue("pha", batch, 1, "height", "width"))
                .addOutput(floatValue("r1o", stateBatch, 16, "r1o_height", "r1o_width"))
                .addOutput(floatValue("r2o", stateBatch, 20, "r2o_height", "r2o_width"))
                .addOutput(floatValue("r3o", stateBatch, 40, "r3o_height", "r3o_width"))
                .addOutput(floatValue("r4o", stateBatch, 64, "r4o_height", "r4o_width"))
                .addAllInitializer(pool.all());

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
        List<String> values = new RvmGraphTranslator(graph, ratioIsOne, steps, b).translateOutputs();
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String outName = name + "/" + RvmGraphTranslator.OUTPUT_NAMES.get(i);
            b.opNamed("Identity", List.of(values.get(i)), List.of(outName));
            outputs.add(outName);
        }
        GraphProto.Builder g = b.toGraph();
        outputs.forEach(o -> g.addOutput(floatValue(o)));
        return g.build();
    }
}
