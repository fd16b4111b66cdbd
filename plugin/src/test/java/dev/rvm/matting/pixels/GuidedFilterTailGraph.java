package dev.rvm.matting.pixels;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import dev.rvm.models.onnx.Onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX ops the whole graph applies around the coefficient model, run by ONNX Runtime itself, as
 * the reference the Java pixel code must equal bit for bit: the input resize ({@code src -> small})
 * and the full-resolution tail of the guided filter ({@code A, b, src -> fgr, pha}), node for node as
 * the converter emits them.
 */
final class GuidedFilterTailGraph implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    private GuidedFilterTailGraph(Onnx.GraphProto.Builder g) throws OrtException {
        Onnx.ModelProto m = Onnx.ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setVersion(17)).setGraph(g).build();
        session = env.createSession(m.toByteArray(), new OrtSession.SessionOptions());
    }

    /** {@code small = Resize(src, sizes=[1,3,h,w], linear, half_pixel)}. */
    static GuidedFilterTailGraph inputResize(int h, int w) throws OrtException {
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("input_resize")
                .addInput(value("src")).addOutput(value("small"));
        g.addInitializer(longs("sizes", 1, 3, h, w));
        g.addNode(resize("src", "sizes", "small"));
        return new GuidedFilterTailGraph(g);
    }

    /**
     * {@code out = Resize(A) * concat[src, mean_c(src)] + Resize(b)}, split 3/1, {@code fgr = clip(res + src)},
     * {@code pha = clip(pha)}.
     */
    static GuidedFilterTailGraph tail(int height, int width) throws OrtException {
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("guided_filter_tail")
                .addInput(value("a")).addInput(value("b")).addInput(value("src"))
                .addOutput(value("fgr")).addOutput(value("pha"));
        g.addInitializer(longs("sizes", 1, 4, height, width));
        g.addInitializer(longs("split", 3, 1));
        g.addInitializer(floatScalar("zero", 0f));
        g.addInitializer(floatScalar("one", 1f));
        g.addNode(resize("a", "sizes", "a_up"));
        g.addNode(resize("b", "sizes", "b_up"));
        g.addNode(node("ReduceMean", List.of("src"), List.of("grey"), ints("axes", 1), integer("keepdims", 1)));
        g.addNode(node("Concat", List.of("src", "grey"), List.of("hr"), integer("axis", 1)));
        g.addNode(node("Mul", List.of("a_up", "hr"), List.of("ax")));
        g.addNode(node("Add", List.of("ax", "b_up"), List.of("out")));
        g.addNode(node("Split", List.of("out", "split"), List.of("fgr_res", "pha_res"), integer("axis", 1)));
        g.addNode(node("Add", List.of("fgr_res", "src"), List.of("fgr_raw")));
        g.addNode(node("Clip", List.of("fgr_raw", "zero", "one"), List.of("fgr")));
        g.addNode(node("Clip", List.of("pha_res", "zero", "one"), List.of("pha")));
        return new GuidedFilterTailGraph(g);
    }

    /** Runs the graph on NCHW float inputs of the given shapes; returns each output, flat. */
    Map<String, float[]> run(Map<String, float[]> inputs, Map<String, long[]> shapes) throws OrtException {
        Map<String, OnnxTensor> in = new HashMap<>();
        try {
            for (Map.Entry<String, float[]> e : inputs.entrySet()) {
                in.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(e.getValue()), shapes.get(e.getKey())));
            }
            Map<String, float[]> out = new HashMap<>();
            try (OrtSession.Result r = session.run(in)) {
                r.forEach(e -> {
                    FloatBuffer b = ((OnnxTensor) e.getValue()).getFloatBuffer();
                    float[] a = new float[b.remaining()];
                    b.get(a);
                    out.put(e.getKey(), a);
                });
            }
            return out;
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    private static Onnx.NodeProto resize(String x, String sizes, String y) {
        return node("Resize", List.of(x, "", "", sizes), List.of(y), string("mode", "linear"),
                string("coordinate_transformation_mode", "half_pixel"));
    }

    private static Onnx.NodeProto node(String op, List<String> in, List<String> out, Onnx.AttributeProto... attrs) {
        return Onnx.NodeProto.newBuilder().setOpType(op).setName(out.get(0) + "_" + op).addAllInput(in).addAllOutput(out)
                .addAllAttribute(List.of(attrs)).build();
    }

    private static Onnx.AttributeProto string(String name, String v) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(v)).build();
    }

    private static Onnx.AttributeProto integer(String name, long v) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.INT).setI(v).build();
    }

    private static Onnx.AttributeProto ints(String name, long... v) {
        Onnx.AttributeProto.Builder b = Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.INTS);
        for (long x : v) {
            b.addInts(x);
        }
        return b.build();
    }

    private static Onnx.TensorProto longs(String name, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return Onnx.TensorProto.newBuilder().setName(name).setDataType(Onnx.TensorProto.DataType.INT64_VALUE)
                .addDims(values.length).setRawData(ByteString.copyFrom(raw.array())).build();
    }

    private static Onnx.TensorProto floatScalar(String name, float v) {
        ByteBuffer raw = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(v);
        return Onnx.TensorProto.newBuilder().setName(name).setDataType(Onnx.TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(raw.array())).build();
    }

    private static Onnx.ValueInfoProto value(String name) {
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder();
        for (int d = 0; d < 4; d++) {
            shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam(name + "_d" + d));
        }
        return Onnx.ValueInfoProto.newBuilder().setName(name).setType(Onnx.TypeProto.newBuilder().setTensorType(
                Onnx.TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape))).build();
    }
}
