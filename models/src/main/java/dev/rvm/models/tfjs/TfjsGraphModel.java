package dev.rvm.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TensorFlow.js graph model (model.json + one weights shard) held in memory: its nodes by name
 * and its constants decoded. Only the features RVM's graph uses are supported; anything else is
 * refused with the entry's name so a different model fails loudly rather than converting wrongly.
 */
public final class TfjsGraphModel {

    private final Map<String, TfjsNode> nodes;
    private final Map<String, ConstTensor> constants;

    private TfjsGraphModel(Map<String, TfjsNode> nodes, Map<String, ConstTensor> constants) {
        this.nodes = nodes;
        this.constants = constants;
    }

    public static TfjsGraphModel load(Path modelJson, Path weightsBin) throws IOException {
        JsonNode root = new ObjectMapper().readTree(modelJson.toFile());
        if (!"graph-model".equals(root.path("format").asText())) {
            throw new IOException(modelJson + ": not a TensorFlow.js graph model (format is '"
                    + root.path("format").asText() + "')");
        }
        Map<String, TfjsNode> nodes = new LinkedHashMap<>();
        for (JsonNode n : root.path("modelTopology").path("node")) {
            TfjsNode node = TfjsNode.fromJson(n);
            nodes.put(node.name(), node);
        }
        JsonNode groups = root.path("weightsManifest");
        if (groups.size() != 1 || groups.get(0).path("paths").size() != 1) {
            throw new IOException(modelJson + ": expected one weights group with one shard");
        }
        byte[] bytes = Files.readAllBytes(weightsBin);
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, ConstTensor> constants = new LinkedHashMap<>();
        for (JsonNode w : groups.get(0).path("weights")) {
            ConstTensor t = decode(w, data, weightsBin);
            constants.put(t.name(), t);
        }
        if (data.hasRemaining()) {
            throw new IOException(weightsBin + ": " + data.remaining() + " bytes left after the last weight; "
                    + "the shard does not belong to this model.json");
        }
        return new TfjsGraphModel(Collections.unmodifiableMap(nodes), Collections.unmodifiableMap(constants));
    }

    private static ConstTensor decode(JsonNode w, ByteBuffer data, Path file) throws IOException {
        String name = w.path("name").asText();
        JsonNode shapeJson = w.path("shape");
        long[] shape = new long[shapeJson.size()];
        int count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.get(i).asLong();
            count = Math.multiplyExact(count, (int) shape[i]);
        }
        String dtype = w.path("dtype").asText();
        JsonNode quant = w.path("quantization");
        if (data.remaining() < count) {
            throw new IOException(file + ": truncated at weight " + name);
        }
        switch (dtype) {
            case "float32" -> {
                float[] values = new float[count];
                if (quant.isMissingNode()) {
                    requireBytes(data, 4L * count, file, name);
                    data.asFloatBuffer().get(values);
                    data.position(data.position() + 4 * count);
                } else if ("uint8".equals(quant.path("dtype").asText())) {
                    // tfjs dequantises in double precision and stores the result as float32;
                    // doing the same reproduces its weights bit for bit.
                    double scale = quant.path("scale").asDouble();
                    double min = quant.path("min").asDouble();
                    for (int i = 0; i < count; i++) {
                        values[i] = (float) ((data.get() & 0xFF) * scale + min);
                    }
                } else {
                    throw new IOException(file + ": weight " + name + " uses unsupported quantisation "
                            + quant.path("dtype").asText());
                }
                return new ConstTensor(name, shape, ConstTensor.DType.FLOAT32, values, null);
            }
            case "int32" -> {
                requireBytes(data, 4L * count, file, name);
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = data.getInt();
                }
                return new ConstTensor(name, shape, ConstTensor.DType.INT32, null, values);
            }
            case "bool" -> {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = data.get() != 0 ? 1 : 0;
                }
                return new ConstTensor(name, shape, ConstTensor.DType.BOOL, null, values);
            }
            default -> throw new IOException(file + ": weight " + name + " has unsupported dtype " + dtype);
        }
    }

    private static void requireBytes(ByteBuffer data, long needed, Path file, String name) throws IOException {
        if (data.remaining() < needed) {
            throw new IOException(file + ": truncated at weight " + name);
        }
    }

    public TfjsNode node(String name) {
        TfjsNode n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("the graph has no node " + name);
        }
        return n;
    }

    public Map<String, TfjsNode> nodes() {
        return nodes;
    }

    /** The constant a Const node holds. */
    public ConstTensor constant(String nodeName) {
        ConstTensor c = constants.get(nodeName);
        if (c == null) {
            throw new IllegalArgumentException("the weights have no entry for constant " + nodeName);
        }
        return c;
    }
}
