package dev.rvm.models;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.rvm.models.onnx.Onnx.ModelProto;
import dev.rvm.models.onnx.Onnx.OperatorSetIdProto;
import dev.rvm.models.onnx.Onnx.TensorShapeProto;
import dev.rvm.models.onnx.Onnx.ValueInfoProto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an ONNX file declares (inputs, outputs, opset, size, digest), read with the protobuf
 * schema, and the check that it has the upstream RVM signature. Every failure is an
 * {@link InvalidModelException} whose message names the file and the problem.
 */
public record OnnxModelInfo(Path file, long sizeBytes, String sha256, long irVersion, long opset,
                            Map<String, String> inputs, Map<String, String> outputs, Map<String, String> metadata) {

    /** Upstream RVM signature: name -> rank. */
    public static final Map<String, Integer> RVM_INPUTS = orderedRanks("src", 4, "r1i", 4, "r2i", 4, "r3i", 4, "r4i", 4,
            "downsample_ratio", 1);
    public static final Map<String, Integer> RVM_OUTPUTS = orderedRanks("fgr", 4, "pha", 4, "r1o", 4, "r2o", 4,
            "r3o", 4, "r4o", 4);

    public static final class InvalidModelException extends IllegalArgumentException {
        public InvalidModelException(String message) {
            super(message);
        }
    }

    public static OnnxModelInfo read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidModelException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidModelException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            String why = e.getMessage() != null && e.getMessage().contains("ended unexpectedly")
                    ? "truncated or corrupt ONNX file (the data ends in the middle of the model)"
                    : "not an ONNX model (" + firstSentence(e.getMessage()) + ")";
            throw new InvalidModelException(file + ": " + why);
        }
        if (model.getIrVersion() <= 0 || !model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new InvalidModelException(file + ": not an ONNX model (no IR version or no graph)");
        }
        long opset = model.getOpsetImportList().stream().filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToLong(OperatorSetIdProto::getVersion).max().orElse(-1);
        if (opset < 0) {
            throw new InvalidModelException(file + ": truncated or corrupt ONNX file (no operator set declared)");
        }
        String sha;
        try {
            sha = Sha.sha256Hex(file);
        } catch (IOException e) {
            throw new InvalidModelException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        model.getMetadataPropsList().forEach(p -> meta.put(p.getKey(), p.getValue()));
        return new OnnxModelInfo(file, bytes.length, sha, model.getIrVersion(), opset,
                describe(model.getGraph().getInputList(), model.getGraph().getInitializerList().stream()
                        .map(t -> t.getName()).toList()),
                describe(model.getGraph().getOutputList(), List.of()), meta);
    }

    /** Reads the file and checks the upstream RVM signature. */
    public static OnnxModelInfo readRvm(Path file) {
        OnnxModelInfo info = read(file);
        info.requireRvmSignature();
        return info;
    }

    public void requireRvmSignature() {
        check("input", inputs, RVM_INPUTS);
        check("output", outputs, RVM_OUTPUTS);
    }

    private void check(String kind, Map<String, String> actual, Map<String, Integer> expected) {
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            String shape = actual.get(e.getKey());
            if (shape == null) {
                throw new InvalidModelException(file + ": not an RVM model: missing " + kind + " '" + e.getKey()
                        + "' (has " + String.join(", ", actual.keySet()) + ")");
            }
            int rank = shape.equals("?") ? -1 : shape.split(",").length;
            if (rank >= 0 && rank != e.getValue() && !(e.getKey().equals("downsample_ratio") && rank == 0)) {
                throw new InvalidModelException(file + ": " + kind + " '" + e.getKey() + "' has rank " + rank
                        + " [" + shape + "], expected rank " + e.getValue());
            }
        }
    }

    private static Map<String, String> describe(List<ValueInfoProto> values, List<String> initializers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ValueInfoProto v : values) {
            if (initializers.contains(v.getName())) {
                continue;   // old exporters list weights as inputs too
            }
            if (!v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
                out.put(v.getName(), "?");
                continue;
            }
            List<String> dims = new ArrayList<>();
            for (TensorShapeProto.Dimension d : v.getType().getTensorType().getShape().getDimList()) {
                dims.add(d.hasDimValue() ? Long.toString(d.getDimValue()) : d.hasDimParam() ? d.getDimParam() : "?");
            }
            out.put(v.getName(), String.join(",", dims));
        }
        return out;
    }

    private static Map<String, Integer> orderedRanks(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String firstSentence(String s) {
        if (s == null) {
            return "unreadable protobuf";
        }
        int dot = s.indexOf(". ");
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
