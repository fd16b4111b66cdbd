package dev.rvm.matting;

import dev.rvm.models.onnx.Onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small ONNX graph with the exact RVM signature whose outputs are easy to predict, so the stream's
 * mechanics (state carried, reset, buffers, formats) are checked through real ONNX Runtime calls:
 * {@code fgr = src}, {@code pha = mean over channels of src + r1i}, {@code r1o = r1i + downsample_ratio},
 * {@code r2o..r4o = r2i..r4i}. So frame k after a reset has {@code pha = mean(rgb) + k * ratio}.
 */
public final class TinyRvmGraph {

    private TinyRvmGraph() {
    }

    public static Onnx.ModelProto model() {
        return model("src", 4);
    }

    /** The same graph with one input renamed or re-ranked, for signature checks. */
    public static Onnx.ModelProto model(String srcName, int srcRank) {
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("tiny-rvm");
        g.addInput(value(srcName, srcRank));
        for (int i = 1; i <= 4; i++) {
            g.addInput(value("r" + i + "i", 4));
        }
        g.addInput(value("downsample_ratio", 1));
        g.addNode(node("Identity", List.of(srcName), "fgr"));
        g.addNode(node("ReduceMean", List.of(srcName), "mean").toBuilder()
                .addAttribute(Onnx.AttributeProto.newBuilder().setName("axes").setType(Onnx.AttributeProto.AttributeType.INTS).addInts(1))
                .addAttribute(Onnx.AttributeProto.newBuilder().setName("keepdims").setType(Onnx.AttributeProto.AttributeType.INT).setI(1)));
        g.addNode(node("Add", List.of("mean", "r1i"), "pha"));
        g.addNode(node("Add", List.of("r1i", "downsample_ratio"), "r1o"));
        for (int i = 2; i <= 4; i++) {
            g.addNode(node("Identity", List.of("r" + i + "i"), "r" + i + "o"));
        }
        for (String out : new String[]{"fgr", "pha", "r1o", "r2o", "r3o", "r4o"}) {
            g.addOutput(value(out, 4));
        }
        return Onnx.ModelProto.newBuilder()
                .setIrVersion(8)
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(g)
                .build();
    }

    public static Path write(Path dir) throws IOException {
        return write(dir, model());
    }

    public static Path write(Path dir, Onnx.ModelProto model) throws IOException {
        Path file = dir.resolve("tiny-rvm.onnx");
        Files.write(file, model.toByteArray());
        return file;
    }

    private static Onnx.NodeProto node(String op, List<String> inputs, String output) {
        return Onnx.NodeProto.newBuilder().setOpType(op).addAllInput(inputs).addOutput(output).setName(output + "_" + op).build();
    }

    private static Onnx.ValueInfoProto value(String name, int rank) {
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder();
        for (int d = 0; d < rank; d++) {
            shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam(name + "_d" + d));
        }
        return Onnx.ValueInfoProto.newBuilder().setName(name)
                .setType(Onnx.TypeProto.newBuilder().setTensorType(
                        Onnx.TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape)))
                .build();
    }
}
