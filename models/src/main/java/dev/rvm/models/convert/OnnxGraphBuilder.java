package dev.rvm.models.convert;

import com.google.protobuf.ByteString;
import dev.rvm.models.tfjs.ConstTensor;
import dev.rvm.models.onnx.Onnx.AttributeProto;
import dev.rvm.models.onnx.Onnx.GraphProto;
import dev.rvm.models.onnx.Onnx.NodeProto;
import dev.rvm.models.onnx.Onnx.TensorProto;
import dev.rvm.models.onnx.Onnx.TensorShapeProto;
import dev.rvm.models.onnx.Onnx.TypeProto;
import dev.rvm.models.onnx.Onnx.ValueInfoProto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends ONNX nodes to one graph and hands out unique value names. Initializers go to a pool that
 * belongs to the top-level graph: subgraphs (the branches of an If) refer to them from the outer
 * scope, so the weights are stored once however many branches use them.
 */
final class OnnxGraphBuilder {

    /** Initializers of the whole model, deduplicated by a caller-chosen key. */
    static final class InitializerPool {
        private final Map<String, TensorProto> byName = new LinkedHashMap<>();
        private final Map<String, String> nameByKey = new LinkedHashMap<>();
        private int counter;

        String floats(String key, long[] dims, float[] values) {
            return nameByKey.computeIfAbsent("f:" + key, k -> {
                ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                raw.asFloatBuffer().put(values);
                return add(key, TensorProto.DataType.FLOAT, dims, raw.array());
            });
        }

        String longs(String key, long[] dims, long[] values) {
            return nameByKey.computeIfAbsent("i:" + key, k -> {
                ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
                raw.asLongBuffer().put(values);
                return add(key, TensorProto.DataType.INT64, dims, raw.array());
            });
        }

        String bools(String key, long[] dims, long[] values) {
            return nameByKey.computeIfAbsent("b:" + key, k -> {
                byte[] raw = new byte[values.length];
                for (int i = 0; i < raw.length; i++) {
                    raw[i] = (byte) (values[i] != 0 ? 1 : 0);
                }
                return add(key, TensorProto.DataType.BOOL, dims, raw);
            });
        }

        /**
         * A TensorFlow.js constant as it is (int32 widened to int64), or, for a float vector that meets
         * an NCHW tensor, reshaped to C x 1 x 1 so it broadcasts over H and W.
         */
        String constant(ConstTensor c, boolean asChannelVector) {
            return switch (c.dtype()) {
                case FLOAT32 -> asChannelVector
                        ? floats(c.name() + "#chw", new long[] {c.size(), 1, 1}, c.floats())
                        : floats(c.name(), c.shape(), c.floats());
                case INT32 -> longs(c.name(), c.shape(), c.ints());
                case BOOL -> bools(c.name(), c.shape(), c.ints());
            };
        }

        /** A small int64 constant named by its value, e.g. axes or a shape permutation. */
        String int64(long... values) {
            return longs("const_i64_" + Arrays.toString(values), new long[] {values.length}, values);
        }

        String int64Scalar(long value) {
            return longs("const_i64_scalar_" + value, new long[0], new long[] {value});
        }

        String floatScalar(float value) {
            return floats("const_f32_scalar_" + Float.floatToIntBits(value), new long[0], new float[] {value});
        }

        private String add(String key, TensorProto.DataType type, long[] dims, byte[] raw) {
            String name = "w" + (counter++) + "_" + shortName(key);
            TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
                    .setRawData(ByteString.copyFrom(raw));
            for (long d : dims) {
                t.addDims(d);
            }
            byName.put(name, t.build());
            return name;
        }

        List<TensorProto> all() {
            return new ArrayList<>(byName.values());
        }
    }

    private final String graphName;
    private final InitializerPool pool;
    private final List<NodeProto> nodes = new ArrayList<>();
    private final String valuePrefix;
    private int counter;

    OnnxGraphBuilder(String graphName, InitializerPool pool) {
        this.graphName = graphName;
        this.pool = pool;
        this.valuePrefix = graphName + "/";
    }

    InitializerPool pool() {
        return pool;
    }

    /** Adds a node with one output and returns the output's name. */
    String op(String opType, String hint, List<String> inputs, AttributeProto... attrs) {
        return ops(opType, hint, 1, inputs, attrs)[0];
    }

    /** Adds a node with {@code outputs} outputs. */
    String[] ops(String opType, String hint, int outputs, List<String> inputs, AttributeProto... attrs) {
        String base = valuePrefix + shortName(hint) + "_" + (counter++);
        String[] outs = new String[outputs];
        for (int i = 0; i < outputs; i++) {
            outs[i] = outputs == 1 ? base : base + ":" + i;
        }
        nodes.add(NodeProto.newBuilder().setOpType(opType).setName(base).addAllInput(inputs)
                .addAllOutput(Arrays.asList(outs)).addAllAttribute(Arrays.asList(attrs)).build());
        return outs;
    }

    /** Adds a node whose outputs are named by the caller (graph outputs). */
    void opNamed(String opType, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
        nodes.add(NodeProto.newBuilder().setOpType(opType).setName(valuePrefix + "named_" + (counter++))
                .addAllInput(inputs).addAllOutput(outputs).addAllAttribute(Arrays.asList(attrs)).build());
    }

    GraphProto.Builder toGraph() {
        return GraphProto.newBuilder().setName(graphName).addAllNode(nodes);
    }

    static ValueInfoProto floatValue(String name, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Number n) {
                dim.setDimValue(n.longValue());
            } else {
                dim.setDimParam(d.toString());
            }
            shape.addDim(dim);
        }
        TypeProto.Tensor.Builder tensor = TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE);
        if (dims.length > 0) {
            tensor.setShape(shape);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }

    static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto attr(String name, long[] values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return b.build();
    }

    static AttributeProto attr(String name, GraphProto graph) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.GRAPH).setG(graph).build();
    }

    private static String shortName(String hint) {
        String tail = hint;
        // tfjs names repeat a long prefix; the last two path parts are what a reader needs.
        int slash = tail.lastIndexOf('/');
        if (slash > 0) {
            int prev = tail.lastIndexOf('/', slash - 1);
            tail = tail.substring(prev + 1);
        }
        return tail.replaceAll("[^A-Za-z0-9_./-]", "_");
    }
}
